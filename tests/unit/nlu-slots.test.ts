import { beforeAll, describe, expect, it } from "vitest";
import type { Router } from "../../src/nlu/router.js";
import { demoRouter } from "../support/router.js";

// Tuesday 2026-12-01 23:30 in Tokyo is still Tuesday there, though the host may think otherwise.
const LATE = new Date("2026-12-01T14:30:00Z");
const NOW = new Date("2026-12-01T01:00:00Z");

describe("slots", () => {
  let router: Router;
  beforeAll(async () => {
    router = await demoRouter();
  });
  const slots = (t: string, now = NOW) => router.route(t, now).slots;
  const raw = (t: string, now = NOW) => router.explain(t, now);

  it.each([
    ["月曜日の体操", [1]],
    ["毎週火曜のサロン", [2]],
    ["第2火曜のサロン", [2]],
    ["月水金の午後なら大丈夫です", [1, 3, 5]],
    ["月・水・金なら大丈夫です", [1, 3, 5]],
    ["土日のサロン", [0, 6]],
    ["平日の体操", [1, 2, 3, 4, 5]],
    ["げつようびのさろん", [1]],
    ["すいようびとどようびのさろん", [3, 6]],
    ["毎日 午後なら だいじょうぶ", [0, 1, 2, 3, 4, 5, 6]],
    ["げつ すい きん の あさ", [1, 3, 5]],
    ["か・もく なら いけます", [2, 4]],
  ])("weekdays of %s", (text, weekdays) => {
    expect(raw(text).slots.weekdays ?? router.explain(text, NOW).slots.weekdays).toEqual(weekdays);
  });

  it.each(["毎月第1金曜", "12月3日", "今日のサロン", "生年月日", "すいかが食べたい", "かどのさろん"])("does not invent extra weekdays in %s", (text) => {
    const w = router.explain(text, NOW).slots.weekdays ?? [];
    expect(w.length).toBeLessThanOrEqual(1);
  });

  it.each([
    ["午前中の体操", "morning"],
    ["朝の体操", "morning"],
    ["午後のサロン", "afternoon"],
    ["昼からのサロン", "afternoon"],
    ["夕方のサロン", "evening"],
    ["夜の体操", "evening"],
    ["ごごのさろん", "afternoon"],
  ])("time of day of %s", (text, tod) => {
    expect(slots(text).timeOfDay).toBe(tod);
  });

  it.each([
    ["ふだん昼間は仕事なので、土日の夕方に参加できる集まりがあれば知りたいです", "evening"],
    ["午前中は無理ですが午後なら活動できます", "afternoon"],
    ["午前中は活動できます。午後も少しなら", "morning"],
  ])("when a time is set apart as not suiting (%s), takes the time that does", (text, tod) => {
    expect(slots(text).timeOfDay).toBe(tod);
  });

  it.each([
    ["平日は仕事をしていますが、土曜日の午前中なら時間が取れます", [6]],
    ["月曜は病院なので行けませんが、それ以外の平日の午後なら活動できます", [1, 2, 3, 4, 5]],
    ["月曜は無理です", [1]],
  ])("when days are set apart as not suiting (%s), takes the days named after them, or those days alone", (text, days) => {
    expect(slots(text).weekdays).toEqual(days);
  });

  it("reads 毎週火曜日と木曜日 as Tuesday and Thursday, without the 日 of 曜日 as Sunday", () => {
    expect(slots("年明けからはまた毎週火曜日と木曜日の午前中に活動できるようになります").weekdays).toEqual([2, 4]);
  });

  it.each([
    ["今日やってるサロン", "2026-12-01"],
    ["明日やってるサロン", "2026-12-02"],
    ["あしたのさろん", "2026-12-02"],
    ["あさってのサロン", "2026-12-03"],
    ["12月3日のサロン", "2026-12-03"],
    ["十二月三日のサロン", "2026-12-03"],
    ["１２月３日のサロン", "2026-12-03"],
    ["1月5日のサロン", "2027-01-05"],
    ["来週のサロン", "2026-12-07"],
    ["12がつ3にち の さろん", "2026-12-03"],
    ["12がつ みっか の さろん", "2026-12-03"],
    ["1がつ とおか の たいそう", "2027-01-10"],
    ["3にちの たいそう", "2026-12-03"],
  ])("date of %s (from Tuesday 1 December)", (text, date) => {
    expect(slots(text).date).toBe(date);
  });

  it("いつか (some day) and なのか (is it that) are not read as the 5th or 7th without a month before them", () => {
    expect(slots("いつか いきたい さろん").date).toBeUndefined();
    expect(slots("サロンなのかな").date).toBeUndefined();
  });

  it("reads today in Tokyo even when the host's clock is on another day", () => {
    expect(slots("今日のサロン", LATE).date).toBe("2026-12-01");
    expect(slots("明日のサロン", new Date("2026-12-01T15:30:00Z")).date).toBe("2026-12-03");
  });

  it("gives 今週 and 来週 as ranges", () => {
    expect(slots("今週のサロン")).toMatchObject({ date: "2026-12-01", dateTo: "2026-12-06" });
    expect(slots("来週のサロン")).toMatchObject({ date: "2026-12-07", dateTo: "2026-12-13" });
  });

  it("reads 来月10日 and 今月の20日 as that one day, not the whole month", () => {
    expect(slots("来月10日のサロン")).toMatchObject({ date: "2027-01-10" });
    expect(slots("来月10日のサロン").dateTo).toBeUndefined();
    expect(slots("今月の20日のサロン")).toMatchObject({ date: "2026-12-20" });
    expect(slots("来月のサロン")).toMatchObject({ date: "2027-01-01", dateTo: "2027-01-31" });
  });

  it.each([
    ["近くのサロン", true],
    ["近所の体操", true],
    ["この辺のサロン", true],
    ["歩いて行けるサロン", true],
    ["蓮根のサロン", undefined],
  ])("nearby in %s", (text, nearby) => {
    expect(slots(text).nearby).toBe(nearby);
  });

  it.each([
    ["無料のサロン", true],
    ["むりょうの たいそう", true],
    ["おかねの かからない ところ", true],
    ["ただで参加できる体操", true],
    ["会費なしの食事会", true],
    ["サロンの会費はいくら", undefined],
    ["蓮根のサロン", undefined],
  ])("free in %s", (text, free) => {
    expect(slots(text).free).toBe(free);
  });

  it("むりょう written in kana is one word: the むり inside it is not read as 無理 (a volunteer saying they cannot)", () => {
    const r = router.route("むりょうのは？", NOW);
    expect(r.intent).not.toBe("volunteer_availability");
    expect(r.slots.free).toBe(true);
    expect(router.route("らいしゅうは むりです", NOW).intent).toBe("volunteer_availability");
  });

  it.each([
    ["協議体に出席します", true],
    ["会議は欠席します", false],
    ["研修会には参加できません", false],
    ["参加します", true],
  ])("attending in %s", (text, attending) => {
    expect(raw(text).slots.attending).toBe(attending);
  });

  it("a meeting told of in the past (参加できなかった担い手さんたちにも伝えたい) is no answer about coming, and the message is an announcement", () => {
    const r = router.route("昨日の協議体で話し合った内容を、参加できなかった担い手さんたちにも伝えたいです", NOW);
    expect(r.slots.attending).toBeUndefined();
    expect(r.intent).toBe("broadcast");
    // 参加したい (a wish) and 出席したら (if) are not past.
    expect(raw("次の協議体に参加したいです").slots.attending).not.toBe(false);
  });

  it("a time of day typed in kana as a word of its own (げつようの あさ たいそう) is read, but not inside あさって", () => {
    expect(raw("げつようの あさ たいそう").slots).toMatchObject({ weekdays: [1], timeOfDay: "morning" });
    expect(raw("あさって たいそう").slots.timeOfDay).toBeUndefined();
  });
});
