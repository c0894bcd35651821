import { describe, expect, it } from "vitest";
import { capturedCallFields } from "../../src/line/capture-log.js";
import { pruneOutboundPayloads } from "../../src/jobs/housekeeping.js";
import { becomeSc, lastQuick, registerVolunteer } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events, replyToken, ulid } from "../support/webhooks.js";

const RES = "U5050505050505050505050505050aaaa";
const SC = "U5151515151515151515151515151bbbb";
const VOL = "U5252525252525252525252525252cccc";
const GROUP = "C" + "a".repeat(32);

const inGroup = (type: string, extra: Record<string, unknown> = {}) => ({
  type,
  mode: "active",
  timestamp: Date.now(),
  source: { type: "group", groupId: GROUP, userId: RES },
  webhookEventId: ulid(),
  deliveryContext: { isRedelivery: false },
  replyToken: replyToken(),
  ...extra,
});
const groupText = (text: string) => inGroup("message", { message: { type: "text", id: "1", quoteToken: "q", text } });

describe("the bot in a group chat", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));
  const repliesInGroup = () => t.line.delivered.filter((c) => c.path.endsWith("/reply"));

  it("when added to a group, it says once that it works one-to-one, with the add-friend link, and answers nothing more there", async () => {
    await t.send(inGroup("join"));
    await t.send(groupText("蓮根のサロン"));
    await t.send(groupText("山田です。電話は090-1234-5678"));
    const replies = repliesInGroup();
    expect(replies).toHaveLength(1);
    const text = replies[0].body.messages[0].text;
    expect(text).toMatch(/1対1のトーク/);
    expect(text).toContain("https://lin.ee/");
    expect(t.line.delivered.filter((c) => c.path.endsWith("/push"))).toHaveLength(0);
    expect(await t.db.user.count({ where: { lineUserId: RES } })).toBe(0);
  });

  it("when it was in a group without a join event, the first message there gets the one-to-one notice, and later ones nothing", async () => {
    await t.send(groupText("こんにちは"));
    await t.send(groupText("たすけて"));
    expect(repliesInGroup()).toHaveLength(1);
  });
});

describe("needs figures count residents only", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("when an SC's announcement flow has expired and the SC's text is routed, nothing is logged as a resident's need", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await t.send(events.text(SC, "お知らせを送りたい"));
    t.clock.advance(31 * 60_000);
    await t.send(events.text(SC, "12月の食事会は中止です"));
    await t.send(events.text(SC, "蓮根の日曜日の夜のサロン"));
    expect(await t.db.inquiryLog.count()).toBe(0);
    await t.send(events.text(RES, "蓮根の日曜日の夜のサロン"));
    expect(await t.db.inquiryLog.count()).toBe(1);
  });
});

describe("stored outbound payloads", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("are deleted a day after delivery, and at once when the volunteer they name withdraws", async () => {
    await t.gateway.push(RES, [{ type: "text", text: "山田花子さんが相談 No.1 を引き受けました" }]);
    expect(await t.db.outboundMessage.count()).toBe(1);
    expect(await pruneOutboundPayloads(t.db, new Date(Date.now() + 3_600_000))).toBe(0);
    expect(await pruneOutboundPayloads(t.db, new Date(Date.now() + 25 * 3_600_000))).toBe(1);
    expect(await t.db.outboundMessage.count()).toBe(0);

    await registerVolunteer(t, VOL, { name: "鈴木一郎です", area: "蓮根", skills: "話し相手ならできます" });
    await t.gateway.push(SC, [{ type: "text", text: "鈴木一郎さんが相談 No.2 を引き受けました" }]);
    await t.send(events.text(VOL, "ボランティアをやめたい"));
    await t.send(events.postback(VOL, lastQuick(t, VOL, "登録を消す")));
    expect(await t.db.outboundMessage.count({ where: { payload: { contains: "鈴木一郎" } } })).toBe(0);
  });
});

describe("local-mode capture logs", () => {
  it("at info level carry no names or phone numbers; at debug level phone numbers are masked", () => {
    const call = { path: "/v2/bot/message/push", status: 200, body: { messages: [{ type: "text", text: "山田花子さん 090-1234-5678" }] } };
    expect(JSON.stringify(capturedCallFields(call, false))).not.toMatch(/山田|090/);
    expect(JSON.stringify(capturedCallFields(call, true))).not.toMatch(/090-1234-5678/);
  });
});
