import { describe, expect, it } from "vitest";
import { becomeSc, flexButton, lastQuick } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import { demoRouter } from "../support/router.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const VOL = "U6666666666666666666666666666ffff";
const VOL2 = "U7777777777777777777777777777aaaa";
const RES = "U8888888888888888888888888888bbbb";
const SC_HASUNE = "U9999999999999999999999999999cccc";
const SC_NARIMASU = "U1010101010101010101010101010dddd";

async function register(t: TestApp, user: string, name: string, areaText: string, times = "火曜と木曜の午前") {
  t.line.profiles.set(user, { displayName: name });
  await t.send(events.text(user, "ボランティアをしたい"));
  await t.send(events.postback(user, lastQuick(t, user, "同意して進む")));
  await t.send(events.postback(user, lastQuick(t, user, `「${name}」にする`.slice(0, 20))));
  await t.send(events.text(user, areaText));
  await t.send(events.postback(user, lastQuick(t, user, "地域はこれで決定")));
  await t.send(events.postback(user, lastQuick(t, user, "電球交換")));
  await t.send(events.postback(user, lastQuick(t, user, "話し相手")));
  await t.send(events.postback(user, lastQuick(t, user, "これで決定")));
  await t.send(events.text(user, times));
  await t.send(events.text(user, "090-1234-5678"));
  await t.send(events.postback(user, lastQuick(t, user, "登録する")));
}

describe("volunteers", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("registers a volunteer after consent, with name, areas, skills, times and phone", async () => {
    await register(t, VOL, "山田花子", "蓮根と舟渡");
    const texts = t.textsTo(VOL);
    expect(texts[0]).toMatch(/コーディネーターだけ/);
    expect(texts.at(-2)).toMatch(/お名前：山田花子[\s\S]*地域：舟渡、蓮根|地域：蓮根、舟渡/);
    expect(texts.at(-1)).toMatch(/登録しました/);
    const v = await t.db.volunteer.findFirstOrThrow({ include: { areas: { include: { area: true } }, user: true } });
    expect(v).toMatchObject({ displayName: "山田花子", phone: "090-1234-5678", status: "active" });
    expect(JSON.parse(v.skills).sort()).toEqual(["bulb", "talk"]);
    expect(JSON.parse(v.availability)).toEqual([{ weekdays: [2, 4], timeOfDay: "morning" }]);
    expect(v.areas.map((a) => a.area.name).sort()).toEqual(["舟渡", "蓮根"].sort());
    expect(v.user?.roles).toContain("volunteer");
    expect(v.consentAt).not.toBeNull();
  });

  it("when someone writes the days they are free with their wish to register, does not ask for the times again and keeps them", async () => {
    t.line.profiles.set(VOL, { displayName: "田中" });
    await t.send(events.text(VOL, "平日は仕事をしていますが、土曜日の午前中なら時間が取れるので、地域のボランティアに参加してみたいです"));
    await t.send(events.postback(VOL, lastQuick(t, VOL, "同意して進む")));
    await t.send(events.postback(VOL, lastQuick(t, VOL, "「田中」にする")));
    await t.send(events.text(VOL, "蓮根"));
    await t.send(events.postback(VOL, lastQuick(t, VOL, "地域はこれで決定")));
    await t.send(events.postback(VOL, lastQuick(t, VOL, "話し相手")));
    await t.send(events.postback(VOL, lastQuick(t, VOL, "これで決定")));
    // Straight to the phone number: the times were given.
    expect(t.textsTo(VOL).at(-1)).toMatch(/電話/);
    await t.send(events.text(VOL, "なし"));
    expect(t.textsTo(VOL).at(-1)).toMatch(/土/);
    await t.send(events.postback(VOL, lastQuick(t, VOL, "登録する")));
    const v = await t.db.volunteer.findFirstOrThrow();
    expect(JSON.parse(v.availability)).toEqual([{ weekdays: [6], timeOfDay: "morning" }]);
  });

  it("resumes an interrupted registration after the app restarts", async () => {
    await t.send(events.text(VOL, "ボランティアに登録したい"));
    await t.send(events.postback(VOL, lastQuick(t, VOL, "同意して進む")));
    await t.send(events.text(VOL, "佐藤"));
    const databaseUrl = t.databaseUrl;
    await t.stop();
    const restarted = await startTestApp({ nlu: await demoRouter(), databaseUrl });
    await restarted.send(events.text(VOL, "高島平"));
    expect(restarted.textsTo(VOL)[0]).toMatch(/いま選んでいる地域：高島平/);
    await restarted.stop();
  });

  it("cancels the registration at any step with やめる and stores nothing", async () => {
    await t.send(events.text(VOL, "ボランティアをしたい"));
    await t.send(events.postback(VOL, lastQuick(t, VOL, "同意して進む")));
    await t.send(events.text(VOL, "やめる"));
    expect(t.textsTo(VOL).at(-1)).toMatch(/やめました/);
    expect(await t.db.volunteer.count()).toBe(0);
    expect(await t.db.conversationState.count()).toBe(0);
  });

  it("a help request reaches only the SCs of its area; a paused volunteer is not offered; the one asked accepts", async () => {
    await becomeSc(t, SC_HASUNE, ["蓮根"]);
    await becomeSc(t, SC_NARIMASU, ["成増"]);
    await register(t, VOL, "山田花子", "蓮根");
    await register(t, VOL2, "鈴木一郎", "蓮根");
    // 鈴木 pauses next week, which contains the Tuesday the resident asks for.
    await t.send(events.text(VOL2, "来週はお休みします"));
    await t.send(events.postback(VOL2, lastQuick(t, VOL2, "はい")));
    const paused = await t.db.volunteer.findFirstOrThrow({ where: { displayName: "鈴木一郎" } });
    expect(paused.pausedFrom).not.toBeNull();

    await t.send(events.text(RES, "蓮根に住んでいます"));
    t.clock.set("2026-12-08T00:00:00Z"); // next week, Tuesday in Tokyo
    await t.send(events.text(RES, "火曜の午前に電球を替えてほしい"));
    await t.send(events.postback(RES, lastQuick(t, RES, "コーディネーターに相談")));
    await t.send(events.postback(RES, lastQuick(t, RES, "はい、伝える")));
    const pushed = t.messagesTo(SC_HASUNE).filter((m: any) => /新しい相談/.test(m.altText ?? m.text ?? ""));
    expect(pushed.length).toBeGreaterThan(0);
    expect(t.messagesTo(SC_NARIMASU).some((m: any) => /新しい相談/.test(m.altText ?? m.text ?? ""))).toBe(false);
    expect(JSON.stringify(pushed)).not.toContain(RES);

    await t.send(events.postback(SC_HASUNE, flexButton(t, SC_HASUNE, "候補を見る")));
    const candidates = t.messagesTo(SC_HASUNE).at(-1);
    const names = candidates.contents.contents.map((b: any) => b.body.contents[0].text);
    expect(names).toEqual(["山田花子"]);

    await t.send(events.postback(SC_HASUNE, flexButton(t, SC_HASUNE, "この人に頼む")));
    // The volunteer is told the SC's summary of the task.
    await t.send(events.text(SC_HASUNE, "電球の交換（30分ほど）"));
    const task = t.messagesTo(VOL).at(-1);
    expect(task.text).toMatch(/蓮根/);
    expect(task.text).not.toMatch(/蓮根\d|丁目/);
    await t.send(events.postback(VOL, lastQuick(t, VOL, "引き受ける")));
    expect(t.textsTo(SC_HASUNE).slice(-2).join("\n")).toMatch(/山田花子さんが相談 No\.\d+ を引き受けました/);
    expect(t.textsTo(RES).at(-1)).toMatch(/お手伝いする人が決まりました/);
    expect((await t.db.helpRequest.findFirstOrThrow()).status).toBe("arranged");
  });

  it("when a resident of 蓮根 asks for a hand 明日の午後, the coordinator's notice names the day as 12月2日(水) 午後", async () => {
    await becomeSc(t, SC_HASUNE, ["蓮根"]);
    await t.send(events.text(RES, "蓮根に住んでいます"));
    await t.send(events.text(RES, "明日の午後、病院まで付き添ってもらえませんか"));
    await t.send(events.postback(RES, lastQuick(t, RES, "コーディネーターに相談")));
    await t.send(events.postback(RES, lastQuick(t, RES, "はい、伝える")));
    const request = await t.db.helpRequest.findFirstOrThrow();
    expect(JSON.parse(request.preferredTimes)).toMatchObject({ date: "2026-12-02", timeOfDay: "afternoon" });
    const pushed = t.messagesTo(SC_HASUNE).filter((m: any) => /新しい相談/.test(m.altText ?? m.text ?? ""));
    expect(JSON.stringify(pushed)).toContain("12月2日(水) 午後");
  });

  it("when a resident asks today for help 来週の火曜日, a volunteer who has paused next week is not offered as a candidate", async () => {
    await becomeSc(t, SC_HASUNE, ["蓮根"]);
    await register(t, VOL, "山田花子", "蓮根");
    await register(t, VOL2, "鈴木一郎", "蓮根");
    await t.send(events.text(VOL2, "来週はお休みします"));
    await t.send(events.postback(VOL2, lastQuick(t, VOL2, "はい")));
    await t.send(events.text(RES, "蓮根に住んでいます"));
    await t.send(events.text(RES, "来週の火曜日に電球を替えてほしい"));
    await t.send(events.postback(RES, lastQuick(t, RES, "コーディネーターに相談")));
    await t.send(events.postback(RES, lastQuick(t, RES, "はい、伝える")));
    await t.send(events.postback(SC_HASUNE, flexButton(t, SC_HASUNE, "候補を見る")));
    const candidates = t.messagesTo(SC_HASUNE).at(-1);
    expect(candidates.contents.contents.map((b: any) => b.body.contents[0].text)).toEqual(["山田花子"]);
  });

  it("an SC of another area cannot act on the request", async () => {
    await becomeSc(t, SC_NARIMASU, ["成増"]);
    await becomeSc(t, SC_HASUNE, ["蓮根"]);
    await t.send(events.text(RES, "蓮根に住んでいます"));
    await t.send(events.text(RES, "話し相手がほしい"));
    await t.send(events.postback(RES, lastQuick(t, RES, "コーディネーターに相談")));
    await t.send(events.postback(RES, lastQuick(t, RES, "はい、伝える")));
    const data = flexButton(t, SC_HASUNE, "候補を見る");
    await t.send(events.postback(SC_NARIMASU, data));
    expect(t.textsTo(SC_NARIMASU).at(-1)).toMatch(/担当の地域のものではない/);
    await t.send(events.postback(RES, data));
    expect(t.textsTo(RES).at(-1)).toMatch(/もう一度お試しください/);
  });

  it("withdrawing leaves no personal fields", async () => {
    await register(t, VOL, "山田花子", "蓮根");
    await t.send(events.text(VOL, "ボランティアをやめたい"));
    await t.send(events.postback(VOL, lastQuick(t, VOL, "登録を消す")));
    expect(t.textsTo(VOL).at(-1)).toMatch(/登録を消しました/);
    const v = await t.db.volunteer.findFirstOrThrow({ include: { areas: true } });
    expect(v).toMatchObject({ userId: null, displayName: null, phone: null, skills: "[]", availability: "[]", status: "withdrawn" });
    expect(v.areas).toEqual([]);
    const u = await t.db.user.findUniqueOrThrow({ where: { lineUserId: VOL } });
    expect(u.roles).not.toContain("volunteer");
  });

  it("shows a volunteer their registration with edit buttons", async () => {
    await register(t, VOL, "山田花子", "蓮根");
    await t.send(events.text(VOL, "登録内容を確認したい"));
    const msg = t.messagesTo(VOL).at(-1);
    expect(msg.text).toMatch(/お名前：山田花子/);
    expect(msg.quickReply.items.map((i: any) => i.action.label)).toContain("日時を変える");
  });
});
