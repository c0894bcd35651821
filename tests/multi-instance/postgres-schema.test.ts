import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "../../src/data/client.js";
import { deployMigrations, migrationStatus, resetDatabase } from "../../src/data/migrate.js";
import { seedDatabase } from "../../src/data/seed.js";
import { recordEvents } from "../../src/data/events.js";
import { searchResources } from "../../src/features/search/service.js";
import { adminQuery } from "../support/database.js";
import { newTestDatabase, testProvider } from "../support/database.js";

/**
 * A municipality's IT department often gives the bot a schema in a shared
 * database (DATABASE_URL=…?schema=itabashi): every table, migration and
 * statement (Prisma's and the data layer's own SQL) stays in it.
 */
describe("PostgreSQL with ?schema= in DATABASE_URL", () => {
  let url: string;
  let db: Db;
  beforeAll(async () => {
    expect(testProvider()).toBe("postgresql");
    url = `${await newTestDatabase({ seeded: false })}?schema=itabashi`;
    expect(await deployMigrations(url)).not.toHaveLength(0);
    db = await createPrisma(url);
    await seedDatabase(db);
  }, 60_000);
  afterAll(async () => {
    await db?.$disconnect();
  });

  it("migrates, seeds, records events and searches inside that schema only", async () => {
    expect((await migrationStatus(url)).pending).toEqual([]);
    const fresh = await recordEvents(db, [{ key: "ev-schema", type: "message", redelivery: false, payload: "{}", sourceKey: "U1", occurredAt: new Date() }], new Date());
    expect([...fresh]).toEqual(["ev-schema"]);
    const area = await db.area.findUniqueOrThrow({ where: { name: "蓮根" } });
    const r = await searchResources(db, { categories: ["salon"], kind: "place", areaId: area.id }, { now: new Date("2026-12-01T01:00:00Z"), timeZone: "Asia/Tokyo", viewer: "resident" });
    expect(r.total).toBeGreaterThan(0);
    const admin = url.replace(/\?schema=itabashi$/, "");
    // The test database's public schema holds an empty copy of the tables: nothing went there.
    const counts = await adminQuery(admin, `SELECT (SELECT count(*)::int FROM itabashi."ProcessedEvent") AS mine, (SELECT count(*)::int FROM public."ProcessedEvent") AS public, (SELECT count(*)::int FROM public."Resource") AS "publicResources"`);
    expect(counts.rows[0]).toEqual({ mine: 1, public: 0, publicResources: 0 });
  });

  it("db:reset empties only that schema", async () => {
    await resetDatabase(url);
    const admin = url.replace(/\?schema=itabashi$/, "");
    const left = await adminQuery(admin, `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'itabashi'`);
    expect(left.rows[0].n).toBe(0);
    expect(await deployMigrations(url)).not.toHaveLength(0);
  });
});
