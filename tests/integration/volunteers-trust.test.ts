import { describe, expect, it } from "vitest";
import { lastQuick } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const VOL = "U3030303030303030303030303030aaaa";
const last = (t: TestApp) => t.textsTo(VOL).at(-1) ?? "";

async function registerTyped(t: TestApp, name: string, skills: string) {
  await t.send(events.text(VOL, "ボランティアをしたい"));
  await t.send(events.postback(VOL, lastQuick(t, VOL, "同意して進む")));
  await t.send(events.text(VOL, name));
  await t.send(events.text(VOL, "蓮根"));
  await t.send(events.postback(VOL, lastQuick(t, VOL, "地域はこれで決定")));
  await t.send(events.text(VOL, skills));
  await t.send(events.text(VOL, "もくようのごご"));
  await t.send(events.postback(VOL, lastQuick(t, VOL, "登録しない")));
}

/** Starts a registration as さとう in 蓮根 and stops at the question of what they can do. */
async function answerUpToSkills(t: TestApp) {
  await t.send(events.text(VOL, "ボランティアしたい"));
  await t.send(events.postback(VOL, lastQuick(t, VOL, "同意して進む")));
  await t.send(events.text(VOL, "さとう"));
  await t.send(events.text(VOL, "はすね"));
  await t.send(events.postback(VOL, lastQuick(t, VOL, "地域はこれで決定")));
}

describe("volunteer registration that finishes", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("when a volunteer types 山田花子と申します and 買い物と電球の交換ならできます, the name is stored without と申します and both skills are understood", async () => {
    await registerTyped(t, "山田花子と申します。よろしくお願いします。", "買い物と電球の交換ならできます");
    expect(last(t)).toMatch(/お名前：山田花子\n/);
    expect(last(t)).toMatch(/できること：.*買い物の付き添い/);
    expect(last(t)).toMatch(/電球交換/);
    expect(last(t)).toMatch(/都合のよい日時：木曜の午後|木曜/);
    await t.send(events.postback(VOL, lastQuick(t, VOL, "登録する")));
    const v = await t.db.volunteer.findFirstOrThrow();
    expect(v.displayName).toBe("山田花子");
    expect(JSON.parse(v.skills).sort()).toEqual(["bulb", "shopping"]);
    expect(JSON.parse(v.availability)).toEqual([{ weekdays: [4], timeOfDay: "afternoon" }]);
  });

  it("when a volunteer types their name before agreeing, the agreement is asked for again with its button and no volunteer is stored; agreeing then asks for the name", async () => {
    await t.send(events.text(VOL, "ボランティア とうろく したい"));
    await t.send(events.text(VOL, "やまだ はなこ です"));
    expect(last(t)).toMatch(/同意していただいたあと/);
    expect(await t.db.volunteer.count()).toBe(0);
    await t.send(events.postback(VOL, lastQuick(t, VOL, "同意して進む")));
    expect(last(t)).toMatch(/お名前を送ってください/);
  });

  it("when a volunteer picks 話し相手 by typing its label and then types かようび ごぜん, the skills are taken as done and the phone question comes next", async () => {
    await answerUpToSkills(t);
    await t.send(events.text(VOL, "はなしあいて"));
    await t.send(events.text(VOL, "かようび ごぜん"));
    expect(last(t)).toMatch(/電話番号を送ってください/);
    await t.send(events.postback(VOL, lastQuick(t, VOL, "登録しない")));
    expect(last(t)).toMatch(/できること：話し相手/);
    expect(last(t)).toMatch(/火曜の午前/);
  });

  it("when a volunteer half-way through registering writes ボランティア やめたい, the registration stops, nothing is stored and the next message is answered normally", async () => {
    await t.send(events.text(VOL, "ボランティアしたい"));
    await t.send(events.postback(VOL, lastQuick(t, VOL, "同意して進む")));
    await t.send(events.text(VOL, "さとう"));
    await t.send(events.text(VOL, "ボランティア やめたい"));
    expect(last(t)).toMatch(/ボランティア登録をやめました/);
    expect(await t.db.volunteer.count()).toBe(0);
    await t.send(events.text(VOL, "はすねの さろん"));
    expect(t.textsTo(VOL).join("\n")).toMatch(/蓮根のサロン・通いの場が\d+件/);
  });

  it("when a volunteer at the skills question asks where the 認知症カフェ in 蓮根 is instead, the search is answered rather than 'できることが読み取れませんでした'", async () => {
    await answerUpToSkills(t);
    const before = t.textsTo(VOL).length;
    await t.send(events.text(VOL, "はすねの にんちしょうかふぇは どこですか"));
    const answer = t.textsTo(VOL).slice(before).join("\n");
    expect(answer).toMatch(/蓮根の認知症カフェが\d+件/);
    expect(answer).not.toMatch(/読み取れませんでした/);
  });

  it("when a volunteer at the phone question writes でんわは ありません, no number is kept and the summary comes next; ありがとう there keeps the question with its 登録しない button", async () => {
    await answerUpToSkills(t);
    await t.send(events.text(VOL, "話し相手ならできます"));
    await t.send(events.text(VOL, "いつでも"));
    await t.send(events.text(VOL, "ありがとう"));
    expect(last(t)).toMatch(/電話番号の形が読み取れませんでした/);
    expect(lastQuick(t, VOL, "登録しない")).toBeTruthy();
    await t.send(events.text(VOL, "でんわは ありません"));
    expect(last(t)).toMatch(/電話番号：登録しない/);
    await t.send(events.postback(VOL, lastQuick(t, VOL, "登録する")));
    expect((await t.db.volunteer.findFirstOrThrow()).phone).toBeNull();
  });

  it("when a volunteer answers the days question with わからない, it is asked again with the day buttons still there", async () => {
    await answerUpToSkills(t);
    await t.send(events.text(VOL, "話し相手ならできます"));
    await t.send(events.text(VOL, "わからない"));
    expect(last(t)).toMatch(/曜日や時間帯が読み取れませんでした/);
    await t.send(events.text(VOL, lastQuick(t, VOL, "いつでも")));
    expect(last(t)).toMatch(/電話番号を送ってください/);
  });

  it("the confirmation has 直す: a wrong name is corrected and the summary comes back", async () => {
    await registerTyped(t, "山田です", "話し相手ならできます");
    await t.send(events.postback(VOL, lastQuick(t, VOL, "直す")));
    await t.send(events.postback(VOL, lastQuick(t, VOL, "お名前")));
    await t.send(events.text(VOL, "山田太郎です"));
    expect(last(t)).toMatch(/この内容で登録します[\s\S]*お名前：山田太郎\n/);
  });

  it("after registering, a pause written in kana (らいしゅうはおやすみします) is understood like 来週はお休みします", async () => {
    await registerTyped(t, "佐藤", "ゴミ出しくらいならできます");
    await t.send(events.postback(VOL, lastQuick(t, VOL, "登録する")));
    await t.send(events.text(VOL, "らいしゅうはおやすみします"));
    expect(last(t)).toMatch(/12月7日\(月\)から12月13日\(日\)までお休み/);
    await t.send(events.postback(VOL, lastQuick(t, VOL, "はい")));
    const v = await t.db.volunteer.findFirstOrThrow();
    expect(v.pausedFrom).not.toBeNull();
  });

  it.each(["ボランティアを抜けたい", "協力者をやめたい", "ボランティア辞退します", "もうボランティアは続けられそうにありません"])(
    "when a volunteer writes %s, the bot asks to confirm removing the registration",
    async (text) => {
      await registerTyped(t, "佐藤", "ゴミ出しくらいならできます");
      await t.send(events.postback(VOL, lastQuick(t, VOL, "登録する")));
      await t.send(events.text(VOL, text));
      expect(last(t)).toMatch(/登録を消します。よろしいですか/);
    },
  );

  it("when a volunteer writes 登録をやめたい, the bot asks whether they mean the volunteer registration or leaving the account", async () => {
    await registerTyped(t, "佐藤", "ゴミ出しくらいならできます");
    await t.send(events.postback(VOL, lastQuick(t, VOL, "登録する")));
    await t.send(events.text(VOL, "登録をやめたい"));
    expect(last(t)).toMatch(/どちらをやめますか/);
    expect(await t.db.user.count({ where: { lineUserId: VOL } })).toBe(1);
  });
});
