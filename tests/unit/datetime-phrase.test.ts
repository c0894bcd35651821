import { describe, expect, it } from "vitest";
import { exampleDay, readDateTimePhrase, parseDateTimePhrase } from "../../src/schedule/phrase.js";

// Tuesday 1 December 2026, 10:00 in Tokyo (01:00 UTC)
const NOW = new Date("2026-12-01T01:00:00Z");
const iso = (s: string) => new Date(s).toISOString();

describe("Japanese date and time phrases", () => {
  it.each([
    ["12月10日(木)14時から16時", "2026-12-10T05:00:00Z", "2026-12-10T07:00:00Z"],
    ["来週水曜の18時半", "2026-12-09T09:30:00Z", undefined],
    ["明日 9時", "2026-12-02T00:00:00Z", undefined],
    ["12/10 14:00-16:00", "2026-12-10T05:00:00Z", "2026-12-10T07:00:00Z"],
    ["令和8年12月10日 午後2時〜4時", "2026-12-10T05:00:00Z", "2026-12-10T07:00:00Z"],
    ["1月8日 10時", "2027-01-08T01:00:00Z", undefined],
    ["十二月十日 十四時", "2026-12-10T05:00:00Z", undefined],
    ["金曜日の午後1時30分", "2026-12-04T04:30:00Z", undefined],
    ["12がつ10にち ごご2じ", "2026-12-10T05:00:00Z", undefined],
    ["12がつ とおか 14時から16時", "2026-12-10T05:00:00Z", "2026-12-10T07:00:00Z"],
  ])("%s", (text, start, end) => {
    const r = parseDateTimePhrase(text, NOW, "Asia/Tokyo");
    expect(r?.start.toISOString()).toBe(iso(start));
    expect(r?.end?.toISOString()).toBe(end ? iso(end) : undefined);
  });

  it("needs both a day and a time", () => {
    expect(parseDateTimePhrase("来週のどこか", NOW, "Asia/Tokyo")).toBeNull();
    expect(parseDateTimePhrase("12月10日", NOW, "Asia/Tokyo")).toBeNull();
  });
});

describe("reading a meeting time as people write it", () => {
  const read = (s: string) => readDateTimePhrase(s, NOW, "Asia/Tokyo");
  it.each([
    ["12月10日 夜6時半", 18 * 60 + 30],
    ["12月10日 夕方6時", 18 * 60],
    ["12月10日 18時半", 18 * 60 + 30],
    ["12月10日 午後6時半", 18 * 60 + 30],
    ["12月10日 朝9時", 9 * 60],
    ["12月10日 よる6じはん", 18 * 60 + 30],
    ["12月10日 2時から4時", 14 * 60],
    ["来週のもくようの10時", 10 * 60],
  ])("%s starts at the right minute", (text, minutes) => {
    const r = read(text);
    expect(r?.kind).toBe("ok");
    expect(r && "times" in r ? r.times?.start : undefined).toBe(minutes);
  });

  it("a bare 6時 is asked back (午前 or 午後), its end taking the same half of the day", () => {
    const r = read("12月10日 6時から8時");
    expect(r).toMatchObject({ kind: "ampm", times: { start: 360, end: 480 } });
  });

  it("a weekday that does not match the date is questioned, with the same weekday in that week offered", () => {
    // 10 December 2026 is a Thursday.
    const r = read("12月10日(水)14時");
    expect(r).toMatchObject({ kind: "weekday", date: { m: 12, d: 10 }, written: 3, sameWeek: { m: 12, d: 9 } });
    expect(read("12月10日(木)14時")?.kind).toBe("ok");
    expect(read("12月10日（木曜日）14時")?.kind).toBe("ok");
  });

  it("kana and mixed weekday names are the right day: 土よう日 is Saturday 5 December", () => {
    const r = read("土よう日の10時");
    expect(r).toMatchObject({ kind: "ok", date: { m: 12, d: 5 } });
  });

  it("examples shown to coordinators come from the calendar, with the right weekday in any year", () => {
    expect(exampleDay(NOW, "Asia/Tokyo", 9)).toBe("12月10日(木)");
    expect(exampleDay(new Date("2027-12-01T01:00:00Z"), "Asia/Tokyo", 9)).toBe("12月10日(金)");
  });
});
