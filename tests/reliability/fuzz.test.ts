import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../src/util/random.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const WEIRD: unknown[] = [null, 0, -1, 1e308, "", "🍵", "ｻﾛﾝ", [], {}, true, "\u0000\u0007\u202e", "あ".repeat(100_000), { nested: { deeper: [1, 2, { x: "y" }] } }];

function nested(depth: number): unknown {
  let v: unknown = "底";
  for (let i = 0; i < depth; i++) v = { v, a: [v] }.v === v ? { v } : v;
  return v;
}

function event(r: () => number): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const types = ["message", "postback", "follow", "unfollow", "join", "leave", "memberJoined", "beacon", "accountLink", "things", "videoPlayComplete", "somethingNew", 42, null];
  const ev: Record<string, unknown> = {
    type: pick(types),
    mode: pick(["active", "standby", 3]),
    timestamp: pick([Date.now(), "yesterday", -5, null]),
    webhookEventId: pick([`E${Math.floor(r() * 1e9)}`, "", 12, null, "x".repeat(500)]),
    source: pick([{ type: "user", userId: `U${"0".repeat(31)}${Math.floor(r() * 10)}` }, { type: "group", groupId: "G1" }, "user", null, { type: "user", userId: 5 }]),
    replyToken: pick([`r${Math.floor(r() * 1e9)}`, 7, null, "t".repeat(1000)]),
    deliveryContext: pick([{ isRedelivery: false }, { isRedelivery: "yes" }, null]),
  };
  const msgs = [
    { type: "text", id: "1", text: pick(["はすねのさろん", "SC登録 ZZZZ", "お知らせ停止", "やめる", ...WEIRD]) },
    { type: "location", id: "2", latitude: pick([35.78, "35", 1e9, null]), longitude: pick([139.6, NaN, "east"]) },
    { type: "sticker", id: "3", packageId: "1", stickerId: "1" },
    { type: "image", id: "4" },
    { type: "file", id: "5", fileName: "a.pdf" },
    pick(WEIRD),
  ];
  if (r() < 0.7) ev.message = pick(msgs);
  if (r() < 0.3) ev.postback = pick([{ data: "v1:search?c=salon&a=999999" }, { data: "v1:hr.take?r=1" }, { data: "v1:mtg.rsvp?m=abc&a=1" }, { data: "x".repeat(5000) }, { data: 5 }, "v1:help", null]);
  if (r() < 0.1) ev.extra = nested(200);
  return ev;
}

function body(r: () => number): { raw: string; expect: "ok" | "bad" } {
  const roll = r();
  if (roll < 0.08) return { raw: `{"events": [${"[".repeat(Math.floor(r() * 50))}`, expect: "bad" };
  if (roll < 0.12) return { raw: JSON.stringify([1, 2, 3]), expect: "bad" };
  if (roll < 0.15) return { raw: JSON.stringify({ events: "none" }), expect: "bad" };
  if (roll < 0.18) return { raw: "\u0000\u0001binary\uffff", expect: "bad" };
  const count = Math.floor(r() * 5);
  return { raw: JSON.stringify({ destination: "U0", events: Array.from({ length: count }, () => (r() < 0.1 ? WEIRD[Math.floor(r() * WEIRD.length)] : event(r))) }), expect: "ok" };
}

describe("fuzzed webhooks with valid signatures", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  it("never crash or answer 5xx: each body gets its defined status, and the app stays healthy", async () => {
    const r = seededRandom(20261122); // fixed, so a failure can be replayed
    const statuses = new Map<number, number>();
    for (let i = 0; i < 2000; i++) {
      const b = body(r);
      const res = await t.postRaw(b.raw);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `body #${i}`).toBe(b.expect === "ok" ? 200 : 400);
    }
    await t.handle.drain();
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(statuses.get(200)).toBeGreaterThan(1000);
    // Whatever the app answered to hostile events still satisfied LINE's schema.
    expect(t.line.violations).toEqual([]);
    const errors = t.logs.filter((l) => JSON.parse(l).level === "error");
    expect(errors.filter((l) => !/LINE API/.test(l))).toEqual([]);
    // 2,000 requests one after another: ≈15 s on a loaded 2-core machine (and on PostgreSQL), so a generous limit.
  }, 120_000);

  it("a 100 KB text inside a valid event is answered politely, not routed", async () => {
    const huge = { destination: "U0", events: [{ type: "message", mode: "active", timestamp: t.clock.now().getTime(), webhookEventId: "HUGE1", replyToken: "rt-huge", source: { type: "user", userId: "U" + "9".repeat(32) }, deliveryContext: { isRedelivery: false }, message: { type: "text", id: "1", quoteToken: "q", text: "あ".repeat(100_000) } }] };
    const res = await t.postRaw(JSON.stringify(huge));
    expect(res.status).toBe(200);
    await t.handle.drain();
    const reply = t.line.calls.find((c) => c.body?.replyToken === "rt-huge");
    expect(reply?.body.messages[0].text).toMatch(/長すぎて/);
  });
});
