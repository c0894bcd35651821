import { describe, expect, it } from "vitest";
import { parsePreferredTimes, preferredTimesText } from "../../src/features/help/service.js";

describe("when a help request says when help is wanted", () => {
  it("writes one day with its weekday and the time of day (12月2日(水) 午後)", () => {
    expect(preferredTimesText({ date: "2026-12-02", timeOfDay: "afternoon" })).toBe("12月2日(水) 午後");
  });

  it("writes 来週の木曜日 (next week and a Thursday) as the one day it means", () => {
    expect(preferredTimesText({ date: "2026-12-07", dateTo: "2026-12-13", weekdays: [4] })).toBe("12月10日(木)");
  });

  it("writes a week without a weekday as the range", () => {
    expect(preferredTimesText({ date: "2026-12-07", dateTo: "2026-12-13" })).toBe("12月7日(月)〜12月13日(日)");
  });

  it("writes weekdays alone as 火・木曜日 and nothing at all as an empty text", () => {
    expect(preferredTimesText({ weekdays: [2, 4], timeOfDay: "morning" })).toBe("火・木曜日 午前");
    expect(preferredTimesText({ weekdays: [] })).toBe("");
  });

  it("reads requests stored before dates were kept, and ignores a date that is not one", () => {
    expect(parsePreferredTimes('{"weekdays":[2],"timeOfDay":null}')).toEqual({ weekdays: [2], timeOfDay: undefined, date: undefined, dateTo: undefined });
    expect(parsePreferredTimes('{"weekdays":[],"date":"2026-13-40"}').date).toBeUndefined();
    expect(parsePreferredTimes("not json")).toEqual({ weekdays: [] });
  });
});
