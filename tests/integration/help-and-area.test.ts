import { describe, expect, it } from "vitest";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const RESIDENT = "U5555555555555555555555555555eeee";
const quick = (m: any, label: string) => m.quickReply.items.find((i: any) => i.action.label === label)?.action;

describe("a resident asking for help", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("when a resident of 蓮根 writes 電球を替えてほしい, shows housework services and, with consent, records a help request", async () => {
    await t.send(events.text(RESIDENT, "蓮根に住んでいます"));
    await t.send(events.text(RESIDENT, "電球を替えてほしい"));
    const answer = t.messagesTo(RESIDENT).slice(1);
    expect(answer.at(-1).text).toMatch(/コーディネーター/);
    await t.send(events.postback(RESIDENT, quick(answer.at(-1), "コーディネーターに相談").data));
    const consent = t.messagesTo(RESIDENT).at(-1);
    expect(consent.text).toMatch(/蓮根の生活支援コーディネーター.*お名前や電話番号はお伝えしません/s);
    expect(await t.db.helpRequest.count()).toBe(0);
    await t.send(events.text(RESIDENT, "はい"));
    expect(t.messagesTo(RESIDENT).at(-1).text).toMatch(/受け付けました/);
    const req = await t.db.helpRequest.findFirstOrThrow({ include: { area: true } });
    expect(req).toMatchObject({ status: "received", description: "電球を替えてほしい", categoryKey: "housework" });
    expect(req.area?.name).toBe("蓮根");
    expect(req.consentAt).not.toBeNull();
  });

  it("records nothing when the resident declines at the consent step", async () => {
    await t.send(events.text(RESIDENT, "一人暮らしで不安です"));
    await t.send(events.postback(RESIDENT, quick(t.messagesTo(RESIDENT).at(-1), "コーディネーターに相談").data));
    // No home area: the flow asks where first.
    expect(t.messagesTo(RESIDENT).at(-1).text).toMatch(/どちらの地域/);
    await t.send(events.text(RESIDENT, "高島平"));
    expect(t.messagesTo(RESIDENT).at(-1).text).toMatch(/高島平の生活支援コーディネーター/);
    await t.send(events.text(RESIDENT, "やめる"));
    expect(t.messagesTo(RESIDENT).at(-1).text).toMatch(/やめました/);
    expect(await t.db.helpRequest.count()).toBe(0);
  });
});

describe("a resident setting their home area", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("stores the area named in kana and confirms it", async () => {
    await t.send(events.text(RESIDENT, "なりますにすんでます"));
    expect(t.textsTo(RESIDENT)[0]).toContain("「成増」");
    const user = await t.db.user.findUniqueOrThrow({ where: { lineUserId: RESIDENT }, include: { homeArea: true } });
    expect(user.homeArea?.name).toBe("成増");
  });

  it("offers blocks, then the block's areas, when no area is named", async () => {
    await t.send(events.text(RESIDENT, "住んでいる地域を変えたい"));
    const ask = t.messagesTo(RESIDENT)[0];
    await t.send(events.postback(RESIDENT, quick(ask, "赤塚地域").data));
    const areas = t.messagesTo(RESIDENT)[1];
    expect(areas.quickReply.items.map((i: any) => i.action.label)).toEqual(["桜川", "下赤塚", "成増", "徳丸", "高島平"]);
    await t.send(events.postback(RESIDENT, quick(areas, "徳丸").data));
    expect(t.textsTo(RESIDENT)[2]).toContain("「徳丸」");
  });

  it("tells a user who comes back after the flow expired, and routes the new message normally", async () => {
    await t.send(events.text(RESIDENT, "住んでいる地域を変えたい"));
    t.clock.advance(31 * 60 * 1000);
    await t.send(events.text(RESIDENT, "こんにちは"));
    const texts = t.textsTo(RESIDENT);
    expect(texts[1]).toMatch(/時間がたったため終了/);
    expect(texts[2]).toMatch(/こんにちは/);
  });
});
