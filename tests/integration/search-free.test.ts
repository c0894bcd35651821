import { beforeEach, describe, expect, it } from "vitest";
import { lastQuick } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import { textOf, type TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const RESIDENT = "U4545454545454545454545454545eeee";

/** Every name in the answers to the resident since `from`. */
function shownNames(t: TestApp, from: number): string {
  return t.messagesTo(RESIDENT).slice(from).map(textOf).join("\n");
}

describe("a resident who can only go where it costs nothing", () => {
  let t: TestApp;
  // Tuesday 1 December 2026, 10:00 in Tokyo
  useApp({ now: "2026-12-01T01:00:00Z" }, (x) => (t = x));
  const salonsOf蓮根 = () => t.db.resource.findMany({ where: { area: { name: "蓮根" }, categoryKey: "salon", status: "active", visibility: "public" }, orderBy: { id: "asc" } });

  beforeEach(async () => {
    const [a, b] = await salonsOf蓮根();
    await t.db.resource.update({ where: { id: a.id }, data: { fee: "無料" } });
    await t.db.resource.update({ where: { id: b.id }, data: { fee: "初回無料・2回目から300円" } });
  });

  it("when a resident writes おかねの かからない さろん はすね, only the free salon is listed, under 無料の, and the one charging from the second visit is not", async () => {
    const [free, partly] = await salonsOf蓮根();
    await t.send(events.text(RESIDENT, "おかねの かからない さろん はすね"));
    const answer = shownNames(t, 0);
    expect(answer).toMatch(/蓮根の無料のサロン・通いの場が1件/);
    expect(answer).toContain(free.name);
    expect(answer).not.toContain(partly.name);
  });

  it("when a resident who has just seen 蓮根's salons asks むりょうのは？, the same search is narrowed to the free one", async () => {
    const [free, partly] = await salonsOf蓮根();
    await t.send(events.text(RESIDENT, "蓮根のサロン"));
    expect(shownNames(t, 0)).toContain(partly.name);
    const before = t.messagesTo(RESIDENT).length;
    await t.send(events.text(RESIDENT, "むりょうのは？"));
    const answer = shownNames(t, before);
    expect(answer).toContain(free.name);
    expect(answer).not.toContain(partly.name);
  });

  it("when nothing free is found, the answer says how many there are with a fee and its button lists them", async () => {
    for (const s of await salonsOf蓮根()) await t.db.resource.update({ where: { id: s.id }, data: { fee: "200円" } });
    await t.send(events.text(RESIDENT, "無料のサロン 蓮根"));
    expect(shownNames(t, 0)).toMatch(/見つかりませんでした[\s\S]*費用がかかるものも含めると2件あります/);
    const before = t.messagesTo(RESIDENT).length;
    await t.send(events.postback(RESIDENT, lastQuick(t, RESIDENT, "費用を問わずさがす")));
    expect(shownNames(t, before)).toMatch(/蓮根のサロン・通いの場が2件/);
  });

  it("on the web page, 費用「無料のものだけ」 lists only the free salon, and an unknown fee value is said to have been left out", async () => {
    const [free, partly] = await salonsOf蓮根();
    const page = await (await fetch(`${t.url}/search?area=${encodeURIComponent("蓮根")}&category=salon&fee=free`)).text();
    expect(page).toContain(free.name);
    expect(page).not.toContain(partly.name);
    expect(page).toMatch(/<option value="free" selected>無料のものだけ/);
    const typed = await (await fetch(`${t.url}/search?q=${encodeURIComponent("はすねの むりょうの さろん")}`)).text();
    expect(typed).toContain(free.name);
    expect(typed).not.toContain(partly.name);
    const bad = await (await fetch(`${t.url}/search?area=${encodeURIComponent("蓮根")}&category=salon&fee=cheap`)).text();
    expect(bad).toContain("その条件なしでさがしました");
    expect(bad).toContain(partly.name);
  });
});
