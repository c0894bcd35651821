import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { text } from "../../src/line/messages.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const uid = (n: number) => `U${String(n).padStart(32, "0")}`;

describe("LINE API faults", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ seeded: true, retry: { maxAttempts: 6, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 150 } });
  });
  afterEach(async () => {
    expect(t.line.violations).toEqual([]);
    await t.stop();
  });

  it("every push is delivered exactly once or reported failed, whatever mix of 500, 429, timeouts, resets and lost answers LINE produces", async () => {
    const kinds = [
      { status: 500 },
      { status: 503 },
      { status: 429, retryAfter: 0 },
      { status: 429 },
      { delayMs: 250 },
      { reset: true },
      { acceptThenFail: true, status: 500 },
      { acceptThenFail: true, reset: true },
    ];
    for (let i = 0; i < 120; i++) t.line.inject({ path: "/push", ...kinds[i % kinds.length] });
    const results = [];
    for (let i = 0; i < 60; i++) results.push(await t.gateway.push(uid(i), [text(`お知らせ${i}`)]));
    const rows = await t.db.outboundMessage.findMany();
    expect(rows).toHaveLength(60);
    for (const row of rows) {
      const accepted = t.line.calls.filter((c) => c.retryKey === row.retryKey && c.status === 200);
      const acceptedThenLost = t.line.acceptedRetryKeys.has(row.retryKey);
      // LINE accepted each key at most once (a repeat is answered 409), and the row says what happened.
      expect(accepted.length).toBeLessThanOrEqual(1);
      if (row.status === "sent") expect(acceptedThenLost).toBe(true);
      else {
        // Reported failed only after the whole retry budget.
        expect(row.status).toBe("failed");
        // (LINE may still have accepted an attempt whose answer was lost: it was never confirmed, and never sent twice.)
        expect(row.attempts).toBe(6);
      }
    }
    const sent = results.filter((r) => r.status === "sent").length;
    expect(sent).toBeGreaterThan(30);
    expect(sent + results.filter((r) => r.status === "failed").length).toBe(60);
  });

  it("a 4xx other than 409 is not retried and the reply falls back to nothing worse than a logged failure", async () => {
    t.line.inject({ path: "/reply", status: 400 });
    t.line.inject({ path: "/push", status: 403 });
    await t.send(events.text(uid(1), "こんにちは"));
    expect(t.line.calls.map((c) => `${c.path}:${c.status}`)).toEqual(["/v2/bot/message/reply:400", "/v2/bot/message/push:403"]);
    expect(t.logs.some((l) => /LINE API rejected a send/.test(l) && /fake-/.test(l))).toBe(true);
  });
});

describe("SQLite under concurrent load", () => {
  it("handles webhooks while a broadcast job writes, without SQLITE_BUSY", async () => {
    const t = await startTestApp();
    const { createBroadcast } = await import("../../src/features/broadcasts/service.js");
    await createBroadcast(t.db, { createdBy: null, audience: { role: "residents", areaIds: [], label: "x" }, messages: [text("お知らせ")], recipients: Array.from({ length: 5000 }, (_, i) => uid(i)), urgent: true, sendAt: t.clock.now() });
    const job = t.jobs.kick();
    await Promise.all(Array.from({ length: 200 }, (_, i) => t.post([events.text(uid(100_000 + i), "こんにちは")])));
    await job;
    await t.handle.drain();
    expect(t.logs.filter((l) => /SQLITE_BUSY|database is locked/i.test(l))).toEqual([]);
    expect(t.line.delivered.filter((c) => c.path.endsWith("/reply"))).toHaveLength(200);
    expect(new Set(t.line.delivered.filter((c) => c.path.endsWith("multicast")).flatMap((c) => c.body.to)).size).toBe(5000);
    await t.stop();
  });
});

describe("logs", () => {
  it("are JSON lines with a request id, and never contain what users wrote, names or phone numbers", async () => {
    const t = await startTestApp();
    t.line.profiles.set(uid(7), { displayName: "山田花子" });
    await t.send(events.text(uid(7), "山田花子です。電話は090-1234-5678、住所は蓮根2-1-1"));
    await t.send(events.follow(uid(7)));
    const lines = t.logs.map((l) => JSON.parse(l));
    expect(lines.every((l) => l.time && l.level && l.msg)).toBe(true);
    expect(lines.some((l) => l.requestId)).toBe(true);
    const all = t.logs.join("\n");
    for (const secret of ["山田", "090-1234-5678", "蓮根2-1-1"]) expect(all).not.toContain(secret);
    await t.stop();
  });
});
