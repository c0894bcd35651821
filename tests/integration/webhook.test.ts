import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signBody } from "../../src/line/signature.js";
import { createWebhookHandler } from "../../src/webhook/route.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { callbackBody, events } from "../support/webhooks.js";

const HANAKO = "U1111111111111111111111111111aaaa";
const TARO = "U2222222222222222222222222222bbbb";

describe("the LINE webhook", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    expect(t.line.violations).toEqual([]);
    await t.stop();
  });

  describe("bodies that can never be accepted", () => {
    it("answers a validly signed event nested thousands deep with 400 (not 500, which LINE would redeliver), records nothing and stays healthy", async () => {
      let deep = "{}";
      for (let i = 0; i < 5000; i++) deep = `{"a":${deep}}`;
      const ev = JSON.stringify({ ...events.text(HANAKO, "こんにちは"), extra: "__DEEP__" }).replace('"__DEEP__"', deep);
      const body = `{"destination":"U${"0".repeat(32)}","events":[${ev}]}`;
      const res = await t.postRaw(body);
      expect(res.status).toBe(400);
      expect(await t.db.processedEvent.count()).toBe(0);
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
      expect(await t.post([events.text(HANAKO, "こんにちは")])).toBe(200);
    });
  });

  describe("signature", () => {
    it("accepts a correctly signed body", async () => {
      expect(await t.send(events.follow(HANAKO))).toBe(200);
      expect(t.messagesTo(HANAKO).length).toBeGreaterThan(0);
    });

    it("rejects a wrong signature with 401 and stores nothing", async () => {
      const body = JSON.stringify(callbackBody([events.follow(HANAKO)]));
      const res = await t.postRaw(body, signBody("not-the-secret", body));
      expect(res.status).toBe(401);
      await t.handle.drain();
      expect(await t.db.processedEvent.count()).toBe(0);
      expect(await t.db.user.count()).toBe(0);
      expect(t.line.calls).toHaveLength(0);
    });

    it("rejects a missing signature with 401", async () => {
      const res = await t.postRaw(JSON.stringify(callbackBody([events.follow(HANAKO)])), null);
      expect(res.status).toBe(401);
      expect(await t.db.processedEvent.count()).toBe(0);
    });

    it("rejects a body changed after signing", async () => {
      const body = JSON.stringify(callbackBody([events.text(HANAKO, "こんにちは")]));
      const sig = signBody(t.config.channelSecret, body);
      const res = await t.postRaw(body.replace("こんにちは", "さようなら"), sig);
      expect(res.status).toBe(401);
      expect(await t.db.processedEvent.count()).toBe(0);
    });

    it("checks the signature before looking at the body: unsigned garbage is 401, not 400", async () => {
      expect((await t.postRaw("{not json", null)).status).toBe(401);
    });
  });

  it("answers 400 to a signed body that is not JSON", async () => {
    expect((await t.postRaw("{not json")).status).toBe(400);
  });

  it("answers 400 to signed JSON without an events array", async () => {
    expect((await t.postRaw(JSON.stringify({ destination: "x" }))).status).toBe(400);
  });

  it("answers 200 to LINE's verification request with no events", async () => {
    expect((await t.postRaw(JSON.stringify({ destination: "U0", events: [] }))).status).toBe(200);
    expect(t.line.calls).toHaveLength(0);
  });

  it("answers 413 to a body over the limit", async () => {
    const huge = JSON.stringify({ events: [], pad: "あ".repeat(600_000) });
    expect((await t.postRaw(huge)).status).toBe(413);
  });

  it("answers 413 to a chunked body that grows over the limit, without a declared length", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${t.url}/webhook`, { method: "POST", headers: { "content-type": "application/json", "x-line-signature": "x" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      for (let i = 0; i < 20; i++) req.write("あ".repeat(30_000));
      req.end();
    });
    expect(status).toBe(413);
  });

  it("answers 400 to a compressed body instead of guessing at it", async () => {
    const body = JSON.stringify({ destination: "U0", events: [] });
    expect((await t.postRaw(body, undefined, { "content-encoding": "gzip" })).status).toBe(400);
  });

  it("handles a webhook URL with a query string or a trailing slash the same way", async () => {
    for (const [i, suffix] of ["?from=console", "/"].entries()) {
      const body = JSON.stringify(callbackBody([events.text(HANAKO, "こんにちは")]));
      const signed = await fetch(`${t.url}/webhook${suffix}`, { method: "POST", headers: { "content-type": "application/json", "x-line-signature": signBody(t.config.channelSecret, body) }, body });
      expect(signed.status).toBe(200);
      const forged = await fetch(`${t.url}/webhook${suffix}`, { method: "POST", headers: { "x-line-signature": "forged" }, body });
      expect(forged.status).toBe(401);
      await t.handle.drain();
      expect(t.line.delivered).toHaveLength(i + 1);
    }
  });

  it("when handing an accepted event on fails, the 200 stands, the fault is logged and the next webhook is answered", async () => {
    const failing = createWebhookHandler({
      channelSecret: t.config.channelSecret,
      db: t.db,
      logger: t.deps.logger,
      enqueue: () => {
        throw new Error("queue unavailable");
      },
      newRequestId: () => "req-1",
    });
    const server = http.createServer(failing);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
      for (const text of ["こんにちは", "さろん"]) {
        const body = JSON.stringify(callbackBody([events.text(HANAKO, text)]));
        const res = await fetch(url, { method: "POST", headers: { "x-line-signature": signBody(t.config.channelSecret, body) }, body });
        expect(res.status).toBe(200);
      }
      expect(t.logs.filter((l) => JSON.parse(l).msg === "webhook failed")).toHaveLength(2);
      // Recorded before the answer, so a restart still handles them.
      expect(await t.db.processedEvent.count({ where: { status: "received" } })).toBe(2);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("does not treat a GET of the webhook URL as an event", async () => {
    const res = await fetch(`${t.url}/webhook`);
    expect(res.status).toBe(404);
    expect(await t.db.processedEvent.count()).toBe(0);
  });

  it("handles a redelivered event only once", async () => {
    const ev = events.text(HANAKO, "こんにちは");
    expect(await t.send(ev)).toBe(200);
    const redelivered = { ...ev, deliveryContext: { isRedelivery: true } };
    expect(await t.send(redelivered)).toBe(200);
    expect(await t.send(ev)).toBe(200);
    expect(t.line.delivered).toHaveLength(1);
    expect(await t.db.processedEvent.count()).toBe(1);
  });

  it("when a resident adds the bot as a friend, stores them and replies a Japanese welcome with buttons", async () => {
    await t.send(events.follow(HANAKO));
    const user = await t.db.user.findUnique({ where: { lineUserId: HANAKO } });
    expect(user?.following).toBe(true);
    const msgs = t.messagesTo(HANAKO);
    expect(t.line.delivered[0].path).toBe("/v2/bot/message/reply");
    expect(msgs[0].text).toContain("友だち追加ありがとうございます");
    expect(msgs.at(-1).quickReply.items.length).toBeGreaterThanOrEqual(4);
    expect(msgs.at(-1).quickReply.items.some((i: any) => i.action.type === "location")).toBe(true);
  });

  it("when a resident blocks the bot, marks them unreachable and sends nothing", async () => {
    await t.send(events.follow(HANAKO));
    await t.send(events.unfollow(HANAKO));
    const user = await t.db.user.findUnique({ where: { lineUserId: HANAKO } });
    expect(user?.following).toBe(false);
    expect(user?.unfollowedAt).not.toBeNull();
    expect(t.line.delivered).toHaveLength(1);
  });

  it("when a resident sends a sticker, says politely that only text and location are understood", async () => {
    await t.send(events.sticker(HANAKO));
    expect(t.textsTo(HANAKO)[0]).toMatch(/文字か位置情報/);
  });

  it("answers an image the same way", async () => {
    await t.send(events.image(HANAKO));
    expect(t.textsTo(HANAKO)[0]).toMatch(/読み取れません/);
  });

  it("understands text with emoji and half-width kana without failing", async () => {
    await t.send(events.text(HANAKO, "ｻﾛﾝ 🍵 おしえて😊"));
    expect(t.line.delivered).toHaveLength(1);
  });

  it("answers a tampered or outdated postback with a polite retry and changes nothing", async () => {
    await t.send(events.postback(HANAKO, "old-format-data"));
    expect(t.textsTo(HANAKO)[0]).toMatch(/もう一度お試しください/);
  });

  it("logs and ignores an unknown event type, and still handles the next event", async () => {
    const unknown = { ...events.follow(HANAKO), type: "somethingNew" };
    const hello = events.text(TARO, "こんにちは") as any;
    const body = JSON.stringify({ destination: "U0", events: [unknown, hello] });
    expect((await t.postRaw(body)).status).toBe(200);
    await t.handle.drain();
    expect(t.line.delivered).toHaveLength(1);
    expect(t.line.delivered[0].body.replyToken).toBe(hello.replyToken);
  });

  it("handles one user's events in the order they were sent", async () => {
    t.line.inject({ path: "/reply", delayMs: 100 });
    await t.send(events.text(HANAKO, "こんにちは"), events.sticker(HANAKO));
    const replies = t.line.delivered.map((c) => c.body.messages[0].text);
    expect(replies[1]).toMatch(/文字か位置情報/);
  });

  it("when the reply token has expired, sends the same messages by push", async () => {
    const ev = events.text(HANAKO, "こんにちは");
    t.line.expiredReplyTokens.add((ev as any).replyToken);
    await t.send(ev);
    const push = t.line.delivered.find((c) => c.path === "/v2/bot/message/push");
    expect(push?.body.to).toBe(HANAKO);
    expect(push?.retryKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("when the event is too old for its reply token, pushes instead of replying", async () => {
    const ev = { ...events.text(HANAKO, "こんにちは"), timestamp: t.clock.now().getTime() - 120_000 };
    await t.send(ev);
    expect(t.line.calls.map((c) => c.path)).toEqual(["/v2/bot/message/push"]);
  });

  it("keeps the process healthy when LINE fails every call", async () => {
    t.line.inject({ status: 500, times: 100 });
    await t.send(events.text(HANAKO, "こんにちは"));
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    const row = await t.db.outboundMessage.findFirst();
    expect(row?.status).toBe("failed");
  });
});

describe("the simulator", () => {
  it("is absent unless local mode mounts it", async () => {
    const t = await startTestApp();
    expect((await fetch(`${t.url}/simulator`)).status).toBe(404);
    await t.stop();
  });
});

describe("/healthz", () => {
  it("answers 503 before the app is ready and 200 with details after", async () => {
    const t = await startTestApp();
    t.handle.setReady(false);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(503);
    t.handle.setReady(true);
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok", tokenizer: "ready" });
    await t.stop();
  });
});
