import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { demoRouter } from "../support/router.js";
import { events } from "../support/webhooks.js";

/**
 * Ordering through the database (EVENT_ORDERING=database, the default on
 * PostgreSQL): whichever process received a person's events, the one holding
 * that person's lease handles them, oldest first. Another process is played
 * here by a lease row it owns.
 */
const HANAKO = "U" + "4".repeat(32);

describe("one person's events ordered through the database", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ nlu: await demoRouter(), env: { EVENT_ORDERING: "database" } });
  });
  afterEach(async () => {
    await t.stop();
  });

  it("handles a person's messages one after another and leaves no lease behind", async () => {
    const evs = ["はすねのさろん", "こんにちは", "ありがとう"].map((text, i) => ({ ...events.text(HANAKO, text), timestamp: t.clock.now().getTime() + i }));
    await t.send(...evs);
    const replied = t.line.delivered.filter((c) => c.path.endsWith("/reply")).map((c) => c.body.replyToken);
    expect(replied).toEqual(evs.map((e: any) => e.replyToken));
    expect(await t.db.sourceLease.count()).toBe(0);
    expect(await t.db.processedEvent.count({ where: { status: "done" } })).toBe(3);
  });

  it("while another process holds the person's lease, their new messages wait; when that process dies they are taken over, in the order sent", async () => {
    await t.db.sourceLease.create({ data: { sourceKey: HANAKO, owner: "other-process", expiresAt: new Date(Date.now() + 60_000) } });
    const evs = ["はすねのさろん", "こんにちは", "月曜日は？"].map((text, i) => ({ ...events.text(HANAKO, text), timestamp: t.clock.now().getTime() + i }));
    for (const ev of evs) expect(await t.send(ev)).toBe(200);
    // Given way: recorded, not handled, nothing sent.
    expect(t.line.delivered).toHaveLength(0);
    expect(await t.db.processedEvent.count({ where: { status: "received" } })).toBe(3);
    // The other process stopped renewing its lease a while ago.
    await t.db.sourceLease.update({ where: { sourceKey: HANAKO }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await t.db.processedEvent.updateMany({ data: { receivedAt: new Date(Date.now() - 120_000) } });
    expect(await t.handle.sweepWaitingEvents()).toBe(1);
    await t.handle.drain();
    const replied = t.line.delivered.map((c) => c.body.replyToken ?? c.body.to);
    expect(replied.slice(0, 3)).toEqual(evs.map((e: any) => e.replyToken));
    expect(await t.db.processedEvent.count({ where: { status: "done" } })).toBe(3);
    expect(await t.db.sourceLease.count()).toBe(0);
  });
});
