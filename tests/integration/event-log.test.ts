import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "../../src/data/client.js";
import { finishEvent, pruneFinishedEvents, recordEvents, unfinishedEvents } from "../../src/data/events.js";
import { findOrCreateUser } from "../../src/data/users.js";
import { acceptEvents } from "../../src/webhook/route.js";
import { newTestDatabase } from "../support/database.js";

const event = (id: string) => ({ type: "message", webhookEventId: id, timestamp: 0, source: { type: "user", userId: "U1" }, message: { type: "text", text: "こんにちは" } });

describe("the event log (SQLite by default, PostgreSQL under test:pg)", () => {
  let db: Db;
  beforeEach(async () => {
    db = await createPrisma(await newTestDatabase({ seeded: false }));
  });
  afterEach(async () => {
    await db.$disconnect();
  });

  it("records each event once, however often LINE delivers it, also twice in one body", async () => {
    expect(await acceptEvents(db, [event("ev-1") as never, event("ev-1") as never])).toHaveLength(1);
    expect(await acceptEvents(db, [event("ev-1") as never])).toHaveLength(0);
    expect(await db.processedEvent.count()).toBe(1);
  });

  it("keeps a webhook event recorded while another conversation's transaction was open, when that transaction rolls back", async () => {
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

  it("a finished event loses its payload; a failed one keeps only its error's kind; unfinished ones are listed oldest first", async () => {
    await recordEvents(db, [{ key: "a", type: "message", redelivery: false, payload: '{"a":1}' }], new Date("2026-12-01T00:00:00Z"));
    await recordEvents(db, [{ key: "b", type: "message", redelivery: true, payload: '{"b":1}' }], new Date("2026-12-01T00:00:01Z"));
    await recordEvents(db, [{ key: "c", type: "follow", redelivery: false, payload: '{"c":1}' }], new Date("2026-12-01T00:00:02Z"));
    await finishEvent(db, "a", { status: "done" }, new Date());
    await finishEvent(db, "b", { status: "failed", errorKind: "TypeError" }, new Date());
    const rows = await db.processedEvent.findMany({ orderBy: { webhookEventId: "asc" } });
    expect(rows.map((r) => [r.webhookEventId, r.status, r.errorKind, r.payload, r.redelivery])).toEqual([
      ["a", "done", null, null, false],
      ["b", "failed", "TypeError", null, true],
      ["c", "received", null, '{"c":1}', false],
    ]);
    expect(await unfinishedEvents(db)).toEqual([{ key: "c", payload: '{"c":1}' }]);
  });

  it("forgets handled events after a week, failed ones (kept for the failure report) after 30 days, never one still waiting to be handled", async () => {
    const now = new Date("2026-12-10T00:00:00Z");
    const at = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const add = (id: string, status: string, days: number) => db.processedEvent.create({ data: { webhookEventId: id, type: "message", status, receivedAt: at(days) } });
    await add("old-done", "done", 8);
    await add("old-failed", "failed", 31);
    await add("recent-failed", "failed", 10);
    await add("old-waiting", "received", 30);
    await add("recent-done", "done", 6);
    expect(await pruneFinishedEvents(db, now)).toBe(2);
    expect((await db.processedEvent.findMany({ orderBy: { webhookEventId: "asc" } })).map((e) => e.webhookEventId)).toEqual(["old-waiting", "recent-done", "recent-failed"]);
  });

  it("a first message arriving twice at once creates one user", async () => {
    const id = "U5555555555555555555555555555eeee";
    const [a, b] = await Promise.all([findOrCreateUser(db, id), findOrCreateUser(db, id)]);
    expect(a.id).toBe(b.id);
    expect(await db.user.count({ where: { lineUserId: id } })).toBe(1);
    expect(a).toEqual(await db.user.findUniqueOrThrow({ where: { lineUserId: id } }));
  });
});
