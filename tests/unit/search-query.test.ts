import { describe, expect, it } from "vitest";
import { describeQuery } from "../../src/features/search/messages.js";
import { parseQueryParams, queryParams, type SearchQuery } from "../../src/features/search/query.js";

/** What a postback carries: the parameters as the strings LINE gives back. */
function roundTrip(q: SearchQuery): SearchQuery | null {
  const p = Object.fromEntries(Object.entries(queryParams(q)).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return parseQueryParams(p);
}

describe("search buttons keep the whole question", () => {
  it("a free-only search in 蓮根 on Mondays afternoons comes back from its button unchanged", () => {
    const q: SearchQuery = { categories: ["salon"], areaId: 12, weekdays: [1], timeOfDay: "afternoon", free: true, offset: 5 };
    expect(roundTrip(q)).toEqual(q);
  });

  it("a search without the free filter does not gain one", () => {
    expect(roundTrip({ categories: ["exercise"], areaId: 3 })?.free).toBeUndefined();
  });

  it("a tampered free flag makes the button count as expired rather than searching something else", () => {
    expect(parseQueryParams({ c: "salon", f: "yes" })).toBeNull();
  });
});

describe("the heading of an answer", () => {
  it("names weekends as 土・日曜日 (Monday first), whatever order they were asked in", () => {
    expect(describeQuery("志村坂上", "サロン・通いの場", { categories: ["salon"], weekdays: [0, 6] })).toBe("志村坂上の土・日曜日のサロン・通いの場");
    expect(describeQuery("蓮根", "体操・運動", { categories: ["exercise"], weekdays: [5, 1, 3] })).toBe("蓮根の月・水・金曜日の体操・運動");
  });

  it("says 無料の when only free activities were asked for", () => {
    expect(describeQuery("蓮根", "食事会", { categories: ["meal"], free: true })).toBe("蓮根の無料の食事会");
  });
});
