import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { text } from "../../src/line/messages.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const USER = "U3333333333333333333333333333cccc";

describe("the LINE client", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ seeded: false });
  });
  afterEach(async () => {
    expect(t.line.violations).toEqual([]);
    await t.stop();
  });

  it("stores the retry key before the first attempt and reuses it when LINE answers 500", async () => {
    t.line.inject({ path: "/push", status: 500, times: 2 });
    const result = await t.gateway.push(USER, [text("テスト")]);
    expect(result.status).toBe("sent");
    const pushes = t.line.calls.filter((c) => c.path === "/v2/bot/message/push");
    expect(pushes.map((c) => c.status)).toEqual([500, 500, 200]);
    expect(new Set(pushes.map((c) => c.retryKey)).size).toBe(1);
    const row = await t.db.outboundMessage.findFirstOrThrow();
    expect(row.retryKey).toBe(pushes[0].retryKey);
    expect(row.attempts).toBe(3);
    expect(row.status).toBe("sent");
  });

  it("does not retry a 400 and records the failure with LINE's request id", async () => {
    t.line.inject({ path: "/push", status: 400 });
    const result = await t.gateway.push(USER, [text("テスト")]);
    expect(result.status).toBe("failed");
    expect(t.line.calls).toHaveLength(1);
    const row = await t.db.outboundMessage.findFirstOrThrow();
    expect(row.status).toBe("failed");
    expect(row.requestId).toMatch(/^fake-/);
  });

  it("honours Retry-After on 429", async () => {
    t.line.inject({ path: "/push", status: 429, retryAfter: 0 });
    expect((await t.gateway.push(USER, [text("テスト")])).status).toBe("sent");
    expect(t.line.calls.map((c) => c.status)).toEqual([429, 200]);
  });

  it("counts 409 for an already accepted retry key as delivered, without a duplicate", async () => {
    // LINE accepted the first attempt but the answer was lost.
    t.line.inject({ path: "/push", acceptThenFail: true, status: 500 });
    expect((await t.gateway.push(USER, [text("テスト")])).status).toBe("sent");
    expect(t.line.calls.map((c) => c.status)).toEqual([500, 409]);
  });

  it("retries a timeout and a connection reset with the same key", async () => {
    t.line.inject({ path: "/push", delayMs: 700 });
    t.line.inject({ path: "/push", reset: true });
    expect((await t.gateway.push(USER, [text("テスト")])).status).toBe("sent");
    const keys = new Set(t.line.calls.filter((c) => c.path.endsWith("/push")).map((c) => c.retryKey));
    expect(keys.size).toBe(1);
    expect(t.line.delivered.filter((c) => c.status === 200)).toHaveLength(1);
  });

  it("gives up after the retry budget and reports the send failed", async () => {
    t.line.inject({ path: "/push", status: 503, times: 50 });
    const result = await t.gateway.push(USER, [text("テスト")]);
    expect(result.status).toBe("failed");
    expect(t.line.calls).toHaveLength(t.gateway.retry.maxAttempts);
  });

  it("splits more than five messages into several pushes", async () => {
    const msgs = Array.from({ length: 7 }, (_, i) => text(`お知らせ${i + 1}`));
    await t.gateway.push(USER, msgs);
    expect(t.line.delivered.map((c) => c.body.messages.length)).toEqual([5, 2]);
  });

  it("multicasts in chunks of at most 500 recipients, each with its own retry key", async () => {
    const to = Array.from({ length: 1203 }, (_, i) => `U${String(i).padStart(32, "0")}`);
    const result = await t.gateway.multicast(to, [text("お知らせです")]);
    expect(result).toMatchObject({ status: "sent", accepted: 3 });
    const calls = t.line.delivered;
    expect(calls.map((c) => c.body.to.length)).toEqual([500, 500, 203]);
    expect(new Set(calls.map((c) => c.retryKey)).size).toBe(3);
    expect(new Set(calls.flatMap((c) => c.body.to)).size).toBe(1203);
  });

  it("resends pushes left pending by a crash with their stored key", async () => {
    await t.db.outboundMessage.create({
      data: { retryKey: "11111111-2222-3333-4444-555555555555", kind: "push", target: USER, payload: JSON.stringify({ to: USER, messages: [text("再送")] }), payloadHash: "x" },
    });
    const result = await t.gateway.resumePending();
    expect(result.accepted).toBe(1);
    expect(t.line.delivered[0].retryKey).toBe("11111111-2222-3333-4444-555555555555");
  });

  it("a reply that LINE rejects goes out by push with the same messages", async () => {
    t.line.inject({ path: "/reply", status: 400 });
    const outcome = await t.gateway.reply("token-1", USER, [text("こんにちは")]);
    expect(outcome).toBe("pushed");
    expect(t.line.delivered[0].body).toMatchObject({ to: USER, messages: [{ type: "text", text: "こんにちは" }] });
  });
});
