import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrisma, sqlOf, type Db } from "../../src/db/client.js";
import { deployMigrations } from "../../src/db/migrate.js";
import { fromSqliteTimestamp, sqliteTimestamp } from "../../src/db/sql.js";
import { pruneHandledEvents } from "../../src/jobs/housekeeping.js";
import { ensureUser } from "../../src/users/service.js";
import { acceptEvents } from "../../src/webhook/route.js";

const event = (id: string) => ({ type: "message", webhookEventId: id, timestamp: 0, source: { type: "user", userId: "U1" }, message: { type: "text", text: "こんにちは" } });

describe("plain statements on Prisma's connection", () => {
  let db: Db;
  beforeEach(() => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sasaeai-sql-")), "bot.db");
    deployMigrations(file);
    db = createPrisma(file);
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  it("commits writes asked for in the same moment together, and a failing one does not take the others with it", async () => {
    const sql = sqlOf(db);
    const results = await Promise.allSettled([
      sql.write(() => sql.run(`INSERT INTO "Category" ("key", "label", "kind", "sortOrder") VALUES ('a', 'A', 'place', 1)`)),
      sql.write(() => sql.run(`INSERT INTO "Category" ("key", "label", "kind", "sortOrder") VALUES ('a', 'again', 'place', 2)`)),
      sql.write(() => sql.run(`INSERT INTO "Category" ("key", "label", "kind", "sortOrder") VALUES ('b', 'B', 'place', 3)`)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await db.category.findMany({ orderBy: { key: "asc" } })).toMatchObject([{ key: "a", label: "A" }, { key: "b" }]);
  });

  it("keeps a webhook event recorded while a Prisma transaction was open, when that transaction rolls back", async () => {
    let release!: () => void;
    let opened!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const open = new Promise<void>((r) => (opened = r));
    const tx = db.$transaction(async (t) => {
      await t.category.create({ data: { key: "tmp", label: "一時", kind: "place" } });
      opened();
      await gate;
      throw new Error("roll back");
    });
    await open;
    const accepting = acceptEvents(db, [event("ev-during-tx") as never]);
    await new Promise((r) => setTimeout(r, 20));
    release();
    await expect(tx).rejects.toThrow("roll back");
    expect(await accepting).toHaveLength(1);
    expect(await db.processedEvent.findUnique({ where: { webhookEventId: "ev-during-tx" } })).not.toBeNull();
    expect(await db.category.findUnique({ where: { key: "tmp" } })).toBeNull();
  });

  it("records each event once, however often LINE delivers it", async () => {
    expect(await acceptEvents(db, [event("ev-1") as never, event("ev-1") as never])).toHaveLength(1);
    expect(await acceptEvents(db, [event("ev-1") as never])).toHaveLength(0);
  });

  it("reads back users as Prisma would: booleans, dates in UTC", async () => {
    const created = await ensureUser(db, "U5555555555555555555555555555eeee");
    const viaPrisma = await db.user.findUniqueOrThrow({ where: { lineUserId: "U5555555555555555555555555555eeee" } });
    expect(created).toEqual(viaPrisma);
    expect(await ensureUser(db, "U5555555555555555555555555555eeee")).toEqual(viaPrisma);
  });

  it("forgets handled events after a week, failed ones (kept for the failure report) after 30 days, never one still waiting to be handled", async () => {
    const now = new Date("2026-12-10T00:00:00Z");
    const at = (days: number) => sqliteTimestamp(new Date(now.getTime() - days * 86_400_000));
    const sql = sqlOf(db);
    const add = (id: string, status: string, days: number) =>
      sql.run(`INSERT INTO "ProcessedEvent" ("webhookEventId", "type", "status", "receivedAt") VALUES (?, 'message', ?, ?)`, id, status, at(days));
    add("old-done", "done", 8);
    add("old-failed", "failed", 31);
    add("recent-failed", "failed", 10);
    add("old-waiting", "received", 30);
    add("recent-done", "done", 6);
    expect(await pruneHandledEvents(db, now)).toBe(2);
    expect((await db.processedEvent.findMany({ orderBy: { webhookEventId: "asc" } })).map((e) => e.webhookEventId)).toEqual(["old-waiting", "recent-done", "recent-failed"]);
  });

  it("reads SQLite's own zone-less timestamps as UTC", () => {
    expect(fromSqliteTimestamp("2026-12-01 01:02:03")?.toISOString()).toBe("2026-12-01T01:02:03.000Z");
    expect(fromSqliteTimestamp("2026-12-01T01:02:03.000+00:00")?.toISOString()).toBe("2026-12-01T01:02:03.000Z");
    expect(fromSqliteTimestamp(null)).toBeNull();
  });
});

describe("plain writes when another process holds the database", () => {
  it("fail together after one busy wait instead of one wait per write", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sasaeai-busy-")), "bot.db");
    deployMigrations(file);
    const db = createPrisma(file);
    const sql = sqlOf(db);
    sql.get("SELECT 1");
    (sql as unknown as { connection: { handle: { pragma(s: string): unknown } } }).connection.handle.pragma("busy_timeout = 200");
    const other = new Database(file);
    other.prepare("BEGIN IMMEDIATE").run();
    const started = Date.now();
    const writes = [1, 2, 3, 4, 5].map((i) => sql.write(() => sql.run(`INSERT INTO "Category" ("key", "label", "kind", "sortOrder") VALUES (?, 'x', 'place', ?)`, `k${i}`, i)));
    const results = await Promise.allSettled(writes);
    expect(results.every((r) => r.status === "rejected" && /SQLITE_BUSY/.test(String((r.reason as { code?: string }).code)))).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    other.prepare("ROLLBACK").run();
    other.close();
    await db.$disconnect();
  });
});
