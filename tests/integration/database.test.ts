import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createPrisma } from "../../src/data/client.js";
import { checksum, deployMigrations, migrationStatus, readMigrations } from "../../src/data/migrate.js";
import { seedDatabase, seedIfEmpty } from "../../src/data/seed.js";

function tempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sasaeai-db-")), "bot.db");
}

describe("database migrations", () => {
  it("apply to an empty database and are recorded in Prisma's history table", async () => {
    const file = tempFile();
    const applied = await deployMigrations(file);
    expect(applied).toEqual(readMigrations().map((m) => m.name));
    const db = new Database(file);
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at FROM _prisma_migrations`).all() as any[];
    expect(rows.map((r) => r.migration_name)).toEqual(applied);
    expect(rows[0].checksum).toBe(checksum(readMigrations()[0].sql));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect((db.pragma("journal_mode") as any[])[0].journal_mode).toBe("wal");
    db.close();
  });

  it("apply nothing the second time", async () => {
    const file = tempFile();
    await deployMigrations(file);
    expect(await deployMigrations(file)).toEqual([]);
    expect((await migrationStatus(file)).pending).toEqual([]);
  });

  it("refuse to run when an applied migration was edited", async () => {
    const file = tempFile();
    await deployMigrations(file);
    const db = new Database(file);
    db.prepare(`UPDATE _prisma_migrations SET checksum = 'changed'`).run();
    db.close();
    await expect(deployMigrations(file)).rejects.toThrow(/edited/);
  });
});

describe("demo data", () => {
  it("is idempotent: seeding twice leaves the same rows", async () => {
    const file = tempFile();
    await deployMigrations(file);
    const db = await createPrisma(file);
    const first = await seedDatabase(db);
    const counts = async () => [await db.area.count(), await db.category.count(), await db.resource.count()];
    const before = await counts();
    await seedDatabase(db);
    expect(await counts()).toEqual(before);
    expect(before).toEqual([first.areas, first.categories, first.resources]);
    expect(await seedIfEmpty(db)).toBeNull();
    await db.$disconnect();
  });

  it("models the ward: 4 blocks, 18 areas with readings, every category, a centre per area, at least 150 resources", async () => {
    const file = tempFile();
    await deployMigrations(file);
    const db = await createPrisma(file);
    await seedDatabase(db);
    expect(await db.area.count({ where: { kind: "block" } })).toBe(4);
    const areas = await db.area.findMany({ where: { kind: "area" } });
    expect(areas).toHaveLength(18);
    expect(areas.every((a) => /^[ぁ-ゖー]+$/.test(a.reading) && a.lat && a.lng)).toBe(true);
    expect(await db.resource.count()).toBeGreaterThanOrEqual(150);
    const cats = await db.category.findMany({ include: { _count: { select: { resources: true } } } });
    expect(cats.every((c) => c._count.resources > 0)).toBe(true);
    for (const a of areas) {
      expect(await db.resource.count({ where: { areaId: a.id, categoryKey: "consultation" } })).toBe(1);
    }
    const sample = await db.resource.findFirstOrThrow({ where: { categoryKey: "salon" } });
    expect(sample.description).toContain("架空");
    expect(sample.phone).toMatch(/^03-\d{4}-\d{4}$/);
    await db.$disconnect();
  });
});
