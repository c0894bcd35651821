import { describe, expect, it } from "vitest";
import { parseSchedule } from "../../src/schedule/parse.js";
import { occursOn } from "../../src/schedule/occurrences.js";
import { weekdayOf, zonedParts } from "../../src/schedule/time.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const RESIDENT = "U4444444444444444444444444444dddd";

function carousel(msgs: any[]) {
  return msgs.find((m) => m.type === "flex" && m.contents.type === "carousel");
}
function bubbleTexts(bubble: any): string[] {
  const out: string[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== "object") return;
    if (n.type === "text" && typeof n.text === "string") out.push(n.text);
    for (const v of Object.values(n)) walk(v);
  };
  walk(bubble);
  return out;
}
function uris(bubble: any): string[] {
  return (bubble.footer?.contents ?? []).map((b: any) => b.action?.uri).filter(Boolean);
}

describe("residents searching", () => {
  let t: TestApp;
  // Tuesday 1 December 2026, 10:00 in Tokyo
  useApp({ now: "2026-12-01T01:00:00Z" }, (x) => (t = x));

  it("when a resident types はすねのさろん, answers with a carousel of 蓮根's salons showing their next dates", async () => {
    await t.send(events.text(RESIDENT, "はすねのさろん"));
    const msgs = t.messagesTo(RESIDENT);
    expect(msgs[0].type).toBe("text");
    expect(msgs[0].text).toMatch(/蓮根.*見つかりました/);
    const c = carousel(msgs);
    expect(c.altText).toContain("蓮根");
    const salons = await t.db.resource.findMany({ where: { area: { name: "蓮根" }, categoryKey: "salon" } });
    expect(c.contents.contents).toHaveLength(salons.length);
    for (const bubble of c.contents.contents) {
      const texts = bubbleTexts(bubble);
      expect(salons.map((s) => s.name)).toContain(texts[0]);
      expect(texts.join(" ")).toMatch(/次回|日程/);
    }
    expect(bubbleTexts(c.contents.contents[0]).join(" ")).toMatch(/\d+月\d+日\([日月火水木金土]\)/);
    const log = await t.db.inquiryLog.findFirstOrThrow();
    expect(log).toMatchObject({ intent: "find_place", categoryKey: "salon", resultsCount: salons.length });
  });

  it("when a resident near 高島平 sends their location, lists the nearest places first with walking minutes", async () => {
    await t.send(events.location(RESIDENT, 35.7892, 139.6614));
    const c = carousel(t.messagesTo(RESIDENT));
    const minutes = c.contents.contents
      .map((b: any) => bubbleTexts(b).join(" ").match(/徒歩約(\d+)分/))
      .filter(Boolean)
      .map((m: RegExpMatchArray) => Number(m[1]));
    expect(minutes.length).toBeGreaterThanOrEqual(3);
    expect([...minutes].sort((a, b) => a - b)).toEqual(minutes);
    expect(bubbleTexts(c.contents.contents[0]).join(" ")).toContain("高島平");
  });

  it("when asked 月曜日に体操できるところ, shows only exercise groups that meet on a Monday", async () => {
    await t.send(events.text(RESIDENT, "蓮根に住んでいます"));
    await t.send(events.location(RESIDENT, 35.78, 139.68));
    t.line.reset();
    await t.send(events.text(RESIDENT, "月曜日に体操できるところ"));
    // No area in the text and a home area saved: 蓮根's groups, or none; widen to the block by asking for a location instead.
    await t.send(events.text(RESIDENT, "近くで月曜日に体操できるところ"));
    await t.send(events.location(RESIDENT, 35.78, 139.68));
    const c = carousel(t.messagesTo(RESIDENT).slice(-2));
    expect(c).toBeDefined();
    const names = c.contents.contents.map((b: any) => bubbleTexts(b)[0]).filter((n: string) => !/ほかに/.test(n));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const r = await t.db.resource.findFirstOrThrow({ where: { name } });
      expect(r.categoryKey).toBe("exercise");
      const rule = parseSchedule(r.scheduleText);
      expect(rule.weekdays ?? [], r.scheduleText).toContain(1);
    }
    for (const b of c.contents.contents) {
      const when = bubbleTexts(b).join(" ").match(/(\d+)月(\d+)日\((.)\)/);
      if (when) expect(when[3]).toBe("月");
    }
  });

  it("when nothing matches, says so plainly, suggests alternatives and records the unmet need", async () => {
    await t.send(events.text(RESIDENT, "舟渡で日曜日の夜にやってる認知症カフェ"));
    const msgs = t.messagesTo(RESIDENT);
    expect(msgs).toHaveLength(1);
    expect(msgs[0].type).toBe("text");
    expect(msgs[0].text).toMatch(/見つかりませんでした/);
    expect(msgs[0].quickReply.items.some((i: any) => i.action.data?.startsWith("v1:help.ask"))).toBe(true);
    const log = await t.db.inquiryLog.findFirstOrThrow();
    expect(log.resultsCount).toBe(0);
    expect(log.categoryKey).toBe("dementia_cafe");
    expect(log.areaId).toBe((await t.db.area.findUniqueOrThrow({ where: { name: "舟渡" } })).id);
  });

  it("when a resident with a saved home area asks for the 地域包括支援センター, answers with that area's centre and a tel: button", async () => {
    await t.send(events.text(RESIDENT, "成増に住んでいます"));
    expect((await t.db.user.findUniqueOrThrow({ where: { lineUserId: RESIDENT }, include: { homeArea: true } })).homeArea?.name).toBe("成増");
    await t.send(events.text(RESIDENT, "地域包括支援センター"));
    const msgs = t.messagesTo(RESIDENT).slice(-2);
    expect(msgs[0].text).toContain("おとしより相談センター成増");
    const bubble = msgs[1].contents;
    expect(uris(bubble).some((u) => u.startsWith("tel:03"))).toBe(true);
    // A counter is open, not held: its next day is labelled 次の受付, not 次回.
    expect(bubbleTexts(bubble)).toContain("次の受付");
    expect(bubbleTexts(bubble)).not.toContain("次回");
  });

  it("asks which area with buttons when neither the text nor the profile says, then searches the chosen area", async () => {
    await t.send(events.text(RESIDENT, "サロンを探しています"));
    const ask = t.messagesTo(RESIDENT)[0];
    expect(ask.text).toMatch(/どちらの地域/);
    const block = ask.quickReply.items.find((i: any) => i.action.label === "志村地域");
    await t.send(events.postback(RESIDENT, block.action.data));
    const areas = t.messagesTo(RESIDENT)[1];
    const hasune = areas.quickReply.items.find((i: any) => i.action.label === "蓮根");
    await t.send(events.postback(RESIDENT, hasune.action.data));
    expect(t.messagesTo(RESIDENT)[2].text).toMatch(/蓮根のサロン/);
  });

  it("pages through many results with もっと見る", async () => {
    await t.send(events.text(RESIDENT, "サロンを探しています"));
    const whole = t.messagesTo(RESIDENT)[0].quickReply.items.find((i: any) => i.action.label === "板橋区全体");
    await t.send(events.postback(RESIDENT, whole.action.data));
    const c = carousel(t.messagesTo(RESIDENT));
    expect(t.messagesTo(RESIDENT)[1].text).toMatch(/板橋区のサロン・通いの場が\d+件/);
    expect(c.contents.contents.length).toBeLessThanOrEqual(11);
    const more = c.contents.contents.at(-1);
    const button = more.body.contents.find((x: any) => x.type === "button");
    expect(button.action.data.length).toBeLessThanOrEqual(300);
    t.line.reset();
    await t.send(events.postback(RESIDENT, button.action.data));
    expect(t.messagesTo(RESIDENT)[0].text).toMatch(/11〜/);
  });

  it("never shows a home-based salon's address to a resident", async () => {
    const home = await t.db.resource.findFirstOrThrow({ where: { visibility: "sc_only" }, include: { area: true } });
    await t.send(events.text(RESIDENT, `${home.area!.name}のサロン`));
    const c = carousel(t.messagesTo(RESIDENT));
    const bubble = c.contents.contents.find((b: any) => bubbleTexts(b)[0] === home.name);
    expect(bubble).toBeDefined();
    const all = JSON.stringify(bubble);
    expect(all).not.toContain(home.address);
    expect(all).not.toContain("maps");
    expect(all).toContain("お申し込みの際にご案内します");
  });

  it("uses the Tokyo calendar for 明日: on Tuesday 23:30 in Tokyo, tomorrow is Wednesday", async () => {
    t.clock.set("2026-12-01T14:30:00Z");
    expect(zonedParts(t.clock.now(), "Asia/Tokyo").weekday).toBe(2);
    await t.send(events.text(RESIDENT, "明日やってる蓮根のサロン"));
    const c = carousel(t.messagesTo(RESIDENT));
    if (c) {
      for (const b of c.contents.contents) {
        const name = bubbleTexts(b)[0];
        const r = await t.db.resource.findFirstOrThrow({ where: { name } });
        expect(occursOn(parseSchedule(r.scheduleText), { y: 2026, m: 12, d: 2 })).toBe(true);
      }
    } else {
      expect(t.messagesTo(RESIDENT)[0].text).toMatch(/見つかりませんでした/);
    }
    expect(weekdayOf({ y: 2026, m: 12, d: 2 })).toBe(3);
  });
});
