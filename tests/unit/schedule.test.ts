import { describe, expect, it } from "vitest";
import { isHoliday } from "../../src/schedule/holidays.js";
import { nextOccurrences, occursOn } from "../../src/schedule/occurrences.js";
import { parseSchedule, weekdayMask } from "../../src/schedule/parse.js";
import { formatDateJa, formatTime, zonedParts, type PlainDate } from "../../src/schedule/time.js";

const TZ = "Asia/Tokyo";
const at = (iso: string) => new Date(iso);
const show = (text: string, from: string, n = 3) =>
  nextOccurrences(parseSchedule(text), at(from), TZ, n).map((o) => `${formatDateJa(o.date)}${o.start !== undefined ? " " + formatTime(o.start) : ""}`);

describe("parsing the schedules municipalities write", () => {
  it.each([
    ["毎週水曜日 13:00~16:00", { pattern: "weekly", weekdays: [3], start: 780, end: 960 }],
    ["毎週火曜日と金曜日の13:30~14:00", { pattern: "weekly", weekdays: [2, 5], start: 810, end: 840 }],
    ["第2・第4金曜日 9:30~11:30", { pattern: "nthWeekday", nths: [2, 4], weekdays: [5], start: 570, end: 690 }],
    ["毎月第1,3木曜日、10時〜15時", { pattern: "nthWeekday", nths: [1, 3], weekdays: [4], start: 600, end: 900 }],
    ["毎月第1~3水曜日(午前10時~午後3時)", { pattern: "nthWeekday", nths: [1, 2, 3], weekdays: [3], start: 600, end: 900 }],
    ["第1・3月曜(祝日の場合翌日開催)13時30分~15時30分", { pattern: "nthWeekday", nths: [1, 3], weekdays: [1], holiday: "nextDay", start: 810, end: 930 }],
    ["奇数月・第3土曜", { pattern: "nthWeekday", nths: [3], weekdays: [6], months: [1, 3, 5, 7, 9, 11] }],
    ["毎月21日 13:30-15:30", { pattern: "monthDays", monthDays: [21], start: 810, end: 930 }],
    ["毎月1日と15日", { pattern: "monthDays", monthDays: [1, 15] }],
    ["毎月1日(土日祝日の場合は休み)", { pattern: "monthDays", monthDays: [1], skipWeekends: true, holiday: "skip" }],
    ["第一火曜日を除く火曜日", { pattern: "weekly", weekdays: [2], excludeNths: [1] }],
    ["第二・第四土曜日 午後1時30分～3時30分", { pattern: "nthWeekday", nths: [2, 4], weekdays: [6], start: 810, end: 930 }],
    ["第３火曜日　１０：００～１１：３０", { pattern: "nthWeekday", nths: [3], weekdays: [2], start: 600, end: 690 }],
    ["正午~13:30 第1・3金曜日", { pattern: "nthWeekday", nths: [1, 3], weekdays: [5], start: 720, end: 810 }],
    ["毎週月・水・金 9:30~10:30", { pattern: "weekly", weekdays: [1, 3, 5] }],
    ["月曜日から土曜日 11:00~12:00", { pattern: "weekly", weekdays: [1, 2, 3, 4, 5, 6] }],
    ["平日 8:30~17:15（祝日・年末年始(12月29日～1月3日)を除く）", { pattern: "weekly", weekdays: [1, 2, 3, 4, 5], holiday: "skip", closed: [{ from: [12, 29], to: [1, 3] }] }],
    ["毎週月曜日 10:00~11:00（年末年始を除く）", { pattern: "weekly", weekdays: [1], closed: [{ from: [12, 29], to: [1, 3] }] }],
    ["最終金曜日 14時から", { pattern: "nthWeekday", nths: [-1], weekdays: [5], start: 840 }],
    ["毎週水曜日 10:00~11:00(祝日は休み)", { pattern: "weekly", weekdays: [3], holiday: "skip" }],
  ])("%s", (text, expected) => {
    expect(parseSchedule(text)).toMatchObject(expected);
  });

  it.each([
    ["隔週金曜日", "隔週"],
    ["月2回開催", "月2回"],
    ["月1回・不定", "月1回"],
    ["随時（要予約）", "随時"],
  ])("keeps %s as text with its frequency, never a guessed date", (text, frequency) => {
    const rule = parseSchedule(text);
    expect(rule.pattern).toBe("none");
    expect(rule.frequency).toBe(frequency);
    expect(nextOccurrences(rule, at("2026-12-01T00:00:00Z"), TZ)).toEqual([]);
  });

  it("still knows the weekday of 隔週金曜日 for weekday searches", () => {
    expect(weekdayMask(parseSchedule("隔週金曜日"))).toBe(1 << 5);
  });
});

describe("next occurrences in Asia/Tokyo", () => {
  it("lists the next Wednesdays, starting today while the activity has not ended", () => {
    // Wed 2 Dec 2026, 12:00 in Tokyo
    expect(show("毎週水曜日 13:00~16:00", "2026-12-02T03:00:00Z")).toEqual(["12月2日(水) 13:00", "12月9日(水) 13:00", "12月16日(水) 13:00"]);
    // Wed 2 Dec 2026, 16:30 in Tokyo: today's has ended
    expect(show("毎週水曜日 13:00~16:00", "2026-12-02T07:30:00Z")[0]).toBe("12月9日(水) 13:00");
  });

  it("computes the day in Tokyo even when UTC is still the day before", () => {
    // 2026-12-01T20:00Z is Wed 2 Dec 05:00 in Tokyo
    expect(show("毎週水曜日 13:00~16:00", "2026-12-01T20:00:00Z", 1)).toEqual(["12月2日(水) 13:00"]);
  });

  it("finds the 2nd and 4th Fridays", () => {
    expect(show("第2・第4金曜日 9:30~11:30", "2026-12-01T00:00:00Z")).toEqual(["12月11日(金) 9:30", "12月25日(金) 9:30", "1月8日(金) 9:30"]);
  });

  it("moves a meeting on a public holiday to the next day when the text says so", () => {
    // 2nd Monday of Jan 2027 (11 Jan) is 成人の日; the 1st and 3rd Mondays are 4 and 18 Jan.
    expect(isHoliday({ y: 2027, m: 1, d: 11 })).toBe(true);
    // 1st Monday of Sep 2026 is 7 Sep; 3rd is 21 Sep = 敬老の日 → Tue 22 Sep, which is 国民の休日 → Wed 23 Sep is 秋分の日 → Thu 24.
    expect(show("第1・3月曜(祝日の場合翌日開催)13時30分~15時30分", "2026-09-01T00:00:00Z", 2)).toEqual(["9月7日(月) 13:30", "9月24日(木) 13:30"]);
  });

  it("skips public holidays for 祝日は休み", () => {
    // 23 Sep 2026 is a Wednesday and 秋分の日.
    const dates = show("毎週水曜日 10:00~11:00(祝日は休み)", "2026-09-15T00:00:00Z", 2);
    expect(dates).toEqual(["9月16日(水) 10:00", "9月30日(水) 10:00"]);
  });

  it("skips the 1st when it falls on a weekend or holiday for 土日祝日の場合は休み", () => {
    // 1 Jan 2027 is a Friday and 元日; 1 May 2027 is a Saturday.
    expect(show("毎月1日(土日祝日の場合は休み) 14:00~15:30", "2026-12-15T00:00:00Z", 2)).toEqual(["2月1日(月) 14:00", "3月1日(月) 14:00"]);
  });

  it("excludes the first Tuesday for 第一火曜日を除く火曜日", () => {
    expect(show("第一火曜日を除く火曜日 10:00~11:30", "2026-11-30T00:00:00Z", 4)).toEqual(["12月8日(火) 10:00", "12月15日(火) 10:00", "12月22日(火) 10:00", "12月29日(火) 10:00"]);
  });

  it("closes over the year end for 年末年始(12月29日～1月3日)を除く", () => {
    expect(show("毎週月曜日 10:00~11:00（年末年始(12月29日～1月3日)を除く）", "2026-12-27T00:00:00Z", 2)).toEqual(["12月28日(月) 10:00", "1月4日(月) 10:00"]);
    expect(show("平日 8:30~17:15（祝日・年末年始(12月29日～1月3日)を除く）", "2026-12-28T10:00:00Z", 1)).toEqual(["1月4日(月) 8:30"]);
  });

  it("only in odd months for 奇数月・第3土曜", () => {
    expect(show("奇数月・第3土曜 10:00~12:00", "2026-12-01T00:00:00Z", 2)).toEqual(["1月16日(土) 10:00", "3月20日(土) 10:00"]);
  });

  it("answers whether an activity takes place on a given day", () => {
    const rule = parseSchedule("第1・3月曜(祝日の場合翌日開催)13時30分~15時30分");
    const d = (m: number, day: number): PlainDate => ({ y: 2026, m, d: day });
    expect(occursOn(rule, d(9, 7))).toBe(true);
    expect(occursOn(rule, d(9, 21))).toBe(false);
    expect(occursOn(rule, d(9, 24))).toBe(true);
  });
});

describe("one-off events", () => {
  it("reads a single date with times, and a date range", () => {
    expect(parseSchedule("2026年4月2日(木) 13:30〜15:30")).toMatchObject({ pattern: "dates", dates: ["2026-04-02"], start: 810, end: 930 });
    expect(parseSchedule("2026/12/5〜12/6 10:00〜12:00").dates).toEqual(["2026-12-05", "2026-12-06"]);
    expect(show("2026年12月5日 10:00〜12:00", "2026-12-01T00:00:00Z")).toEqual(["12月5日(土) 10:00"]);
    expect(show("2026年12月5日 10:00〜12:00", "2026-12-06T00:00:00Z")).toEqual([]);
  });
});

describe("the calendar day and time in a zone", () => {
  it("is the same as Intl says for instants in the same minute, across minutes, days and zones, whatever the caller does with it", () => {
    const intl = (d: Date, tz: string) => {
      const p = Object.fromEntries(new Intl.DateTimeFormat("en-US", { timeZone: tz, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23" }).formatToParts(d).map((x) => [x.type, Number(x.value)]));
      return { y: p.year, m: p.month, d: p.day, hour: p.hour % 24, minute: p.minute };
    };
    const instants = ["2026-12-31T14:59:00Z", "2026-12-31T14:59:59.999Z", "2026-12-31T15:00:00Z", "2026-12-31T15:00:30Z", "2027-03-28T00:59:59Z", "2027-03-28T01:00:00Z", "1970-06-01T12:34:56Z"];
    for (const tz of ["Asia/Tokyo", "Europe/London", "Asia/Kolkata", "Africa/Monrovia"]) {
      for (const iso of instants) {
        const got = zonedParts(new Date(iso), tz);
        expect({ y: got.y, m: got.m, d: got.d, hour: got.hour, minute: got.minute }, `${tz} ${iso}`).toEqual(intl(new Date(iso), tz));
        got.d = 99;
      }
    }
  });
});
