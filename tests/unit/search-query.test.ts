import { describe, expect, it } from "vitest";
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
