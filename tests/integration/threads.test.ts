import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AREAS } from "../../prisma/seed/areas.js";
import { text } from "../../src/line/messages.js";
import { NluWorker } from "../../src/nlu/remote.js";
import { spawnThread } from "../../src/threads.js";
import type { Router } from "../../src/nlu/router.js";
import { demoRouter } from "../support/router.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const USER = "U4444444444444444444444444444dddd";
const NOW = new Date("2026-12-01T01:00:00Z");
const areas = AREAS.map((a) => ({ name: a.name, reading: a.reading, aliases: a.aliases }));
type Stoppable = { terminate(): Promise<number> };
const nluThreadOf = (n: NluWorker) => (n as unknown as { thread: { worker: Stoppable } }).thread.worker;
const senderThreadOf = (t: TestApp) => (t.gateway as unknown as { http: { worker: Stoppable } }).http.worker;

describe("routing on the NLU thread", () => {
  let nlu: NluWorker;
  let local: Router;
  beforeAll(async () => {
    nlu = new NluWorker();
    await nlu.start(areas, "Asia/Tokyo");
    local = await demoRouter();
  }, 30_000);
  afterAll(() => nlu.close());

  it("understands residents exactly as the in-process router does", async () => {
    for (const said of ["はすねのさろん", "あしたの たいそう", "ﾊｲｼｮｸ ｻｰﾋﾞｽ", "高島平の認知症カフェ", "ボランティアやめたい", "🙂"]) {
      expect(await nlu.route(said, NOW), said).toEqual(local.route(said, NOW));
    }
  });

  it("when many residents write at once, each gets the answer to their own words", async () => {
    // Calls made together travel to the thread, and back, as one batch.
    const said = Array.from({ length: 60 }, (_, i) => ["はすねのさろん", "あしたの たいそう", "ﾊｲｼｮｸ ｻｰﾋﾞｽ", "高島平の認知症カフェ", "こんにちは", "ボランティアやめたい"][i % 6] + (i % 2 ? "" : "です"));
    const routed = await Promise.all(said.map((t) => nlu.route(t, NOW)));
    routed.forEach((r, i) => expect(r, said[i]).toEqual(local.route(said[i], NOW)));
  });

  it("when the thread dies mid-message, that message fails and the next one is understood by a fresh thread", async () => {
    const restarted: string[] = [];
    const fragile = new NluWorker((reason) => restarted.push(reason));
    await fragile.start(areas, "Asia/Tokyo");
    const inFlight = fragile.route("はすねのさろん", NOW);
    await nluThreadOf(fragile).terminate();
    await expect(inFlight).rejects.toThrow(/NLU thread exited/);
    expect((await fragile.route("はすねのさろん", NOW)).intent).toBe("find_place");
    expect(restarted).toEqual([expect.stringMatching(/restarted/)]);
    await fragile.close();
  }, 30_000);

  it("when the thread gets stuck on a message, that message fails and the thread is replaced", async () => {
    const trouble: string[] = [];
    // A limit no routing can meet stands in for a thread stuck in a loop.
    const stuck = new NluWorker((what) => trouble.push(what), 0);
    await stuck.start(areas, "Asia/Tokyo");
    await expect(stuck.route("はすねのさろん", NOW)).rejects.toThrow(/did not answer/);
    await new Promise((r) => setTimeout(r, 200));
    expect(trouble).toEqual([expect.stringMatching(/restarted/)]);
    await stuck.close();
  }, 30_000);

  it("a thread started before the app (as main.ts does) is used as it is, with the areas given after it built the router", async () => {
    const early = spawnThread("nlu-worker");
    // Give the thread time to build its router before the areas exist, as at start-up.
    await new Promise((r) => setTimeout(r, 200));
    const adopted = new NluWorker(undefined, undefined, early);
    expect(nluThreadOf(adopted)).toBe(early);
    await adopted.start(areas, "Asia/Tokyo");
    for (const said of ["はすねのさろん", "高島平の認知症カフェ", "なりますに すんでます"]) expect(await adopted.route(said, NOW), said).toEqual(local.route(said, NOW));
    await adopted.close();
  }, 30_000);

  it("a thread that exited before the app took it over is replaced, not waited for", async () => {
    const early = spawnThread("nlu-worker");
    await early.terminate();
    const adopted = new NluWorker(undefined, undefined, early);
    expect(nluThreadOf(adopted)).not.toBe(early);
    await adopted.start(areas, "Asia/Tokyo");
    expect((await adopted.route("はすねのさろん", NOW)).intent).toBe("find_place");
    await adopted.close();
  }, 30_000);

  it("when the thread keeps dying, residents are still understood on the main thread", async () => {
    const trouble: string[] = [];
    const doomed = new NluWorker((what) => trouble.push(what));
    await doomed.start(areas, "Asia/Tokyo");
    for (let i = 0; i < 3; i++) await nluThreadOf(doomed).terminate();
    expect(await doomed.route("はすねのさろん", NOW)).toEqual(local.route("はすねのさろん", NOW));
    expect(trouble.at(-1)).toMatch(/main thread/);
    await doomed.close();
  }, 30_000);
});

describe("LINE calls from the sender thread", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ seeded: false, senderThread: true });
  });
  afterEach(async () => {
    expect(t.line.violations).toEqual([]);
    await t.stop();
  });

  it("delivers a push, keeping its retry key across a 500 and a 429 with Retry-After", async () => {
    t.line.inject({ path: "/push", status: 500 });
    t.line.inject({ path: "/push", status: 429, retryAfter: 0 });
    expect((await t.gateway.push(USER, [text("テスト")])).status).toBe("sent");
    const pushes = t.line.calls.filter((c) => c.path === "/v2/bot/message/push");
    expect(pushes.map((c) => c.status)).toEqual([500, 429, 200]);
    expect(new Set(pushes.map((c) => c.retryKey)).size).toBe(1);
  });

  it("records LINE's request id when a send is refused", async () => {
    t.line.inject({ path: "/push", status: 400 });
    expect((await t.gateway.push(USER, [text("テスト")])).status).toBe("failed");
    expect((await t.db.outboundMessage.findFirstOrThrow()).requestId).toMatch(/^fake-/);
  });

  it("when the thread dies with a push in flight, the push is resent with the same key and delivered once", async () => {
    t.line.inject({ path: "/push", delayMs: 300 });
    const sending = t.gateway.push(USER, [text("テスト")]);
    await t.line.waitFor((calls) => calls.some((c) => c.path === "/v2/bot/message/push"));
    await senderThreadOf(t).terminate();
    expect((await sending).status).toBe("sent");
    const keys = t.line.calls.filter((c) => c.path === "/v2/bot/message/push").map((c) => c.retryKey);
    expect(new Set(keys).size).toBe(1);
    expect(t.line.delivered.filter((c) => c.path === "/v2/bot/message/push")).toHaveLength(1);
  });

  it("when the thread keeps dying as soon as it starts, sends go out from the main thread instead", async () => {
    for (let i = 0; i < 3; i++) {
      const exited = new Promise((r) => (senderThreadOf(t) as unknown as { once(e: string, f: () => void): void }).once("exit", () => r(null)));
      await senderThreadOf(t).terminate();
      await exited;
    }
    expect((await t.gateway.push(USER, [text("テスト")])).status).toBe("sent");
    expect(t.line.delivered.filter((c) => c.path === "/v2/bot/message/push")).toHaveLength(1);
  });
});
