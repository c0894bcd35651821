import { describe, expect, it } from "vitest";
import { parseDateTimePhrase } from "../../src/schedule/phrase.js";

// Tuesday 1 December 2026, 10:00 in Tokyo (01:00 UTC)
const NOW = new Date("2026-12-01T01:00:00Z");
const iso = (s: string) => new Date(s).toISOString();

describe("Japanese date and time phrases", () => {
  it.each([
    ["12月10日(水)14時から16時", "2026-12-10T05:00:00Z", "2026-12-10T07:00:00Z"],
    ["来週水曜の18時半", "2026-12-09T09:30:00Z", undefined],
    ["明日 9時", "2026-12-02T00:00:00Z", undefined],
    ["12/10 14:00-16:00", "2026-12-10T05:00:00Z", "2026-12-10T07:00:00Z"],
    ["令和8年12月10日 午後2時〜4時", "2026-12-10T05:00:00Z", "2026-12-10T07:00:00Z"],
    ["1月8日 10時", "2027-01-08T01:00:00Z", undefined],
    ["十二月十日 十四時", "2026-12-10T05:00:00Z", undefined],
    ["金曜日の午後1時30分", "2026-12-04T04:30:00Z", undefined],
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
