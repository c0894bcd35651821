import { describe, expect, it } from "vitest";
import { needsReport } from "../../src/reports/needs.js";
import { becomeSc } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const RESIDENT = "U7117117117117117117117117117aaaa";
const SC = "U7117117117117117117117117117bbbb";

const all = (t: TestApp, u: string) => t.textsTo(u).join("\n");
const telButtons = (t: TestApp, u: string): string[] => {
  const uris: string[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== "object") return;
    if (n.type === "uri" && typeof n.uri === "string" && n.uri.startsWith("tel:")) uris.push(n.uri);
    for (const v of Object.values(n)) walk(v);
  };
  t.messagesTo(u).forEach(walk);
  return uris;
};

describe("a resident in an emergency", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("when a resident of 蓮根 writes that they fell and cannot get up, the first answer says to call 119, then #7119 and the 蓮根 centre with its number written out", async () => {
    await t.send(events.text(RESIDENT, "蓮根に住んでいます"));
    const before = t.messagesTo(RESIDENT).length;
    await t.send(events.text(RESIDENT, "転んで起き上がれない"));
    const answer = t.textsTo(RESIDENT).slice(before);
    expect(answer[0]).toMatch(/119番に電話してください/);
    expect(answer.join("\n")).toMatch(/#7119/);
    expect(answer.join("\n")).toMatch(/おとしより相談センター蓮根.*\n電話：03-\d{4}-\d{4}/);
    expect(telButtons(t, RESIDENT)).toEqual(expect.arrayContaining(["tel:119", "tel:%237119"]));
    expect(answer.join("\n")).not.toMatch(/コーディネーターにお伝え/);
  });

  it.each([
    ["chest pain in kana", "むねがくるしいです"],
    ["cannot breathe", "息ができません"],
    ["a fire", "火事です！"],
    ["a collapsed person", "道で人が倒れています"],
    ["たすけて alone", "たすけて"],
    ["助けて with ください", "だれか助けてください！"],
  ])("when a resident writes about %s, they are told to call 119 at once", async (_what, message) => {
    await t.send(events.text(RESIDENT, message));
    expect(t.textsTo(RESIDENT)[0]).toMatch(/今すぐ119番/);
  });

  it.each([
    ["a fall-prevention class", "転倒予防教室はありますか"],
    ["housework help in kana", "かじをてつだってほしい"],
    ["a worry about falling", "母が倒れないか心配です"],
    ["a salon named いきいき", "いきいきサロン"],
  ])("when a resident asks about %s, no emergency answer is given", async (_what, message) => {
    await t.send(events.text(RESIDENT, message));
    expect(all(t, RESIDENT)).not.toMatch(/119番/);
  });

  it("when a resident in the middle of volunteer registration writes that their chest hurts, the emergency answer comes first and the registration waits", async () => {
    await t.send(events.text(RESIDENT, "ボランティアをしたい"));
    await t.send(events.text(RESIDENT, "胸が痛い"));
    expect(t.textsTo(RESIDENT)[1]).toMatch(/今すぐ119番/);
    const state = await t.db.conversationState.findFirst({ where: { user: { lineUserId: RESIDENT } } });
    expect(state?.flow).toMatch(/^v/);
    // The registration goes on where it was.
    await t.send(events.text(RESIDENT, "同意して進む"));
    expect(t.textsTo(RESIDENT).at(-1)).toMatch(/お名前/);
  });

  it("when a resident with no home area writes for help, the municipality's fallback centre is given with its number", async () => {
    await t.send(events.text(RESIDENT, "たすけて"));
    expect(all(t, RESIDENT)).toMatch(/板橋区役所 おとしより相談.*\n電話：03-3579-2079/);
  });

  it("when a resident writes that they want to die, the answer is calm and gives the national helpline with its number, never only an offer to tell a coordinator", async () => {
    await t.send(events.text(RESIDENT, "蓮根に住んでいます"));
    const before = t.messagesTo(RESIDENT).length;
    await t.send(events.text(RESIDENT, "もう生きているのがつらい。しにたい"));
    const answer = t.textsTo(RESIDENT).slice(before).join("\n");
    expect(answer).toMatch(/ひとりで抱えこまないで/);
    expect(answer).toMatch(/よりそいホットライン\s+0120-279-338/);
    expect(answer).toMatch(/おとしより相談センター蓮根/);
    expect(telButtons(t, RESIDENT)).toContain("tel:0120279338");
  });

  it("counts emergencies and despair as urgent in the needs figures, without keeping what was written", async () => {
    await t.send(events.text(RESIDENT, "蓮根に住んでいます"));
    await t.send(events.text(RESIDENT, "火事です"));
    await t.send(events.text(RESIDENT, "死にたい"));
    const rows = await t.db.inquiryLog.findMany({ where: { intent: { in: ["emergency", "despair"] } } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.text === "")).toBe(true);
    const hasune = await t.db.area.findUniqueOrThrow({ where: { name: "蓮根" } });
    const report = await needsReport(t.db, { areaIds: [hasune.id], from: new Date(0), to: new Date(t.clock.now().getTime() + 1000) });
    expect(report.urgent).toBe(2);
    expect(report.unmet.total).toBe(0);
  });

  it("when a coordinator writes an announcement about fire safety, the announcement flow keeps the text instead of the emergency answer", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await t.send(events.text(SC, "お知らせを送りたい"));
    const before = t.messagesTo(SC).length;
    await t.send(events.text(SC, "火事に注意しましょう。ストーブの近くに物を置かないでください。"));
    expect(t.textsTo(SC).slice(before).join("\n")).not.toMatch(/今すぐ119番/);
  });
});
