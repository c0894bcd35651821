import { describe, expect, it } from "vitest";
import { lastQuick } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const RESIDENT = "U1616161616161616161616161616aaaa";

const homeOf = async (t: TestApp, u: string) =>
  (await t.db.user.findUnique({ where: { lineUserId: u }, include: { homeArea: true } }))?.homeArea?.name ?? null;
const last = (t: TestApp, u: string) => t.textsTo(u).at(-1) ?? "";
const answerTo = async (t: TestApp, u: string, text: string) => {
  const before = t.messagesTo(u).length;
  await t.send(events.text(u, text));
  return t.textsTo(u).slice(before).join("\n");
};

describe("the home area changes only when the person says so", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("when a resident says they moved to 成増, the answer names the new and the old area and offers an undo that restores 蓮根", async () => {
    await t.send(events.text(RESIDENT, "蓮根に住んでいます"));
    const answer = await answerTo(t, RESIDENT, "成増に引っ越しました");
    expect(answer).toMatch(/「成増」にしました（前は「蓮根」でした）/);
    expect(await homeOf(t, RESIDENT)).toBe("成増");
    await t.send(events.postback(RESIDENT, lastQuick(t, RESIDENT, "元に戻す")));
    expect(last(t, RESIDENT)).toMatch(/「蓮根」に戻しました/);
    expect(await homeOf(t, RESIDENT)).toBe("蓮根");
  });

  it("when a resident writes a misspelt service next to an area (配しょく はすね), it is a search in 蓮根 and the home area stays unset", async () => {
    const answer = await answerTo(t, RESIDENT, "配しょく はすね");
    expect(answer).toMatch(/蓮根の配食/);
    expect(await homeOf(t, RESIDENT)).toBeNull();
  });

  it("when a resident sends only an area name, the bot asks what they look for there and does not change the home area", async () => {
    await t.send(events.text(RESIDENT, "蓮根に住んでいます"));
    const answer = await answerTo(t, RESIDENT, "たかしまだいら");
    expect(answer).toMatch(/高島平で、何をおさがしですか/);
    expect(await homeOf(t, RESIDENT)).toBe("蓮根");
    await t.send(events.postback(RESIDENT, lastQuick(t, RESIDENT, "体操・運動")));
    expect(t.textsTo(RESIDENT).join("\n")).toMatch(/高島平の体操・運動/);
    expect(await homeOf(t, RESIDENT)).toBe("蓮根");
  });

  it("when a resident says their daughter lives in 高島平, the home area stays as it was", async () => {
    await t.send(events.text(RESIDENT, "蓮根に住んでいます"));
    await t.send(events.text(RESIDENT, "娘が高島平に住んでいます"));
    expect(await homeOf(t, RESIDENT)).toBe("蓮根");
    expect(last(t, RESIDENT)).toMatch(/高島平/);
  });
});

describe("a question the bot asked does not swallow a new request", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("when the bot asked which area for salons and the resident answers 蓮根の体操, the answer is exercise in 蓮根", async () => {
    await t.send(events.text(RESIDENT, "サロンを探したい"));
    expect(last(t, RESIDENT)).toMatch(/どちらの地域/);
    const answer = await answerTo(t, RESIDENT, "蓮根の体操");
    expect(answer).toMatch(/蓮根の体操・運動が\d+件/);
  });

  it("when the bot asked which area for the consultation centre and the resident asks for salons in 蓮根, the answer is salons", async () => {
    await t.send(events.text(RESIDENT, "相談窓口を教えて"));
    const answer = await answerTo(t, RESIDENT, "はすねのサロン");
    expect(answer).toMatch(/蓮根のサロン・通いの場が\d+件/);
  });
});

describe("follow-ups reuse the last search for a while", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("after a search in 高島平, 月曜日は？ / 体操は？ / そこの電話番号は？ reuse 高島平 (not the home area 蓮根) and say so", async () => {
    await t.send(events.text(RESIDENT, "蓮根に住んでいます"));
    await t.send(events.text(RESIDENT, "高島平のサロン"));
    expect(await answerTo(t, RESIDENT, "月曜日は？")).toMatch(/高島平の月曜日のサロン・通いの場/);
    expect(await answerTo(t, RESIDENT, "体操は？")).toMatch(/高島平の(月曜日の)?体操・運動/);
    const phones = await answerTo(t, RESIDENT, "そこの電話番号は？");
    expect(phones).toMatch(/高島平の.*電話番号です/);
    expect(phones).toMatch(/\d{2,4}-\d{2,4}-\d{4}/);
  });

  it("そこはいくら？ after a search lists the fees of the results just shown", async () => {
    await t.send(events.text(RESIDENT, "はすねのさろん"));
    expect(await answerTo(t, RESIDENT, "そこはいくら？")).toMatch(/蓮根のサロン・通いの場の費用です[\s\S]*円/);
  });

  it("ほかには？ after every result was shown widens to every kind of place in the same area", async () => {
    await t.send(events.text(RESIDENT, "はすねの体操"));
    expect(await answerTo(t, RESIDENT, "ほかには？")).toMatch(/蓮根のサロンや集いの場が\d+件/);
  });

  it("ほかの ひは after 月曜日の体操 in 蓮根 found nothing shows 蓮根's exercise groups on any day, not every kind of place", async () => {
    await t.send(events.text(RESIDENT, "げつようびの たいそう はすね"));
    const answer = await answerTo(t, RESIDENT, "ほかの ひは");
    expect(answer).toMatch(/蓮根の体操・運動が\d+件/);
    expect(answer).not.toMatch(/サロンや集いの場/);
  });

  it("それって よやく いりますか after a search, which the bot has no answer for, names the places just shown with their phone numbers written out", async () => {
    await t.send(events.text(RESIDENT, "はすねのさろん"));
    const salons = await t.db.resource.findMany({ where: { area: { name: "蓮根" }, categoryKey: "salon", status: "active", visibility: "public" } });
    const answer = await answerTo(t, RESIDENT, "それって よやく いりますか");
    expect(answer).toMatch(/直接おたずねください/);
    for (const s of salons) expect(answer).toContain(s.name);
    expect(answer).toMatch(/0\d{1,4}-\d{1,4}-\d{4}/);
    // Said back, not asked: no list of numbers.
    expect(await answerTo(t, RESIDENT, "へえ そうなんですか")).not.toMatch(/直接おたずねください/);
  });

  it("それはいつですか after a search lists the next dates of the results just shown; a message not understood keeps the context", async () => {
    await t.send(events.text(RESIDENT, "はすねのサロン"));
    expect(await answerTo(t, RESIDENT, "それはいつですか")).toMatch(/蓮根のサロン・通いの場の次の日にちです[\s\S]*12月\d+日\(.\)/);
    await t.send(events.text(RESIDENT, "えーと"));
    expect(await answerTo(t, RESIDENT, "午前中は？")).toMatch(/蓮根の午前のサロン・通いの場/);
  });

  it("after 30 minutes the context is gone quietly: 月曜日は？ is no longer about the last search", async () => {
    await t.send(events.text(RESIDENT, "高島平のサロン"));
    t.clock.advance(31 * 60_000);
    const answer = await answerTo(t, RESIDENT, "月曜日は？");
    expect(answer).not.toMatch(/高島平/);
    expect(answer).not.toMatch(/時間がたったため/);
  });
});

describe("confirmations that cannot be misread", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));
  const labels = (t: TestApp, u: string) => t.messagesTo(u).at(-1).quickReply.items.map((i: any) => i.action.label);

  it("when a resident asks to leave, the buttons read 退会する / 退会しない, and 退会しない keeps everything with an answer that says so", async () => {
    await t.send(events.text(RESIDENT, "蓮根に住んでいます"));
    await t.send(events.text(RESIDENT, "退会したい"));
    expect(labels(t, RESIDENT)).toEqual(["退会する", "退会しない"]);
    await t.send(events.text(RESIDENT, "退会しません"));
    expect(last(t, RESIDENT)).toMatch(/退会しませんでした/);
    expect(await homeOf(t, RESIDENT)).toBe("蓮根");
  });

  it("when a resident types たいかいする in kana at the confirmation, their data is deleted", async () => {
    await t.send(events.text(RESIDENT, "蓮根に住んでいます"));
    await t.send(events.text(RESIDENT, "退会したい"));
    await t.send(events.text(RESIDENT, "たいかいする"));
    expect(last(t, RESIDENT)).toMatch(/情報を消しました/);
    expect(await t.db.user.findUnique({ where: { lineUserId: RESIDENT } })).toBeNull();
  });

  it("no confirmation of an action that means stopping offers やめる as its cancel button", async () => {
    await t.send(events.text(RESIDENT, "退会したい"));
    expect(labels(t, RESIDENT)).not.toContain("やめる");
  });
});

describe("buttons typed instead of tapped", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("when a resident types 曜日を問わずさがす under a no-result answer, it works like the button", async () => {
    await t.send(events.text(RESIDENT, "蓮根の日曜日の夕方のサロン"));
    expect(await answerTo(t, RESIDENT, "曜日を問わずさがす")).toMatch(/蓮根のサロン・通いの場が2件/);
  });

  it("when a resident types もっとみせてください in kana under a page of results, the next page comes", async () => {
    await t.send(events.text(RESIDENT, "サロンをさがしたい"));
    await t.send(events.postback(RESIDENT, lastQuick(t, RESIDENT, "板橋区全体")));
    const more = await answerTo(t, RESIDENT, "もっとみせてください");
    expect(more).toMatch(/11〜\d+件目です（全\d+件）/);
  });

  it("when a resident types 退会しない after the leave question, nothing is deleted", async () => {
    await t.send(events.text(RESIDENT, "退会したい"));
    await t.send(events.text(RESIDENT, "たいかいしない"));
    expect(last(t, RESIDENT)).toMatch(/退会しませんでした/);
    expect(await t.db.user.findUnique({ where: { lineUserId: RESIDENT } })).not.toBeNull();
  });
});
