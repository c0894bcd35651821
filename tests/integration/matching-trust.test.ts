import { describe, expect, it } from "vitest";
import { becomeSc, flexButton, lastQuick, registerVolunteer } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const VOL = "U4040404040404040404040404040aaaa";
const RES = "U4141414141414141414141414141bbbb";
const SC = "U4242424242424242424242424242cccc";

const volunteer = (t: TestApp) => registerVolunteer(t, VOL, { name: "山田花子です", area: "蓮根", skills: "電球の交換ならできます" });

async function request(t: TestApp, words: string) {
  await t.send(events.text(RES, "蓮根に住んでいます"));
  await t.send(events.text(RES, words));
  await t.send(events.postback(RES, lastQuick(t, RES, "コーディネーターに相談")));
  await t.send(events.postback(RES, lastQuick(t, RES, "はい、伝える")));
}

describe("matching a help request without leaking the resident's words", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("when a resident types their phone number and address, the SC's card shows them masked", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await request(t, "蓮根2丁目28番3号の山田です。電話は090-1234-5678。電球を替えてほしい");
    const card = JSON.stringify(t.messagesTo(SC));
    expect(card).not.toContain("090-1234-5678");
    expect(card).not.toContain("28番3号");
    expect(card).toContain("（電話番号）");
    expect(card).toContain("（住所）");
  });

  it("the volunteer gets the SC's summary, never the resident's own words; a second tap does not ask again; the SC's card then shows who accepted", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await volunteer(t);
    await request(t, "足が悪くて電球を替えられません。電話は03-5932-1111です");
    await t.send(events.postback(SC, flexButton(t, SC, "候補を見る")));
    const ask = flexButton(t, SC, "この人に頼む");
    await t.send(events.postback(SC, ask));
    expect(t.textsTo(SC).at(-1)).toMatch(/ボランティアに伝える内容/);
    await t.send(events.text(SC, "台所の電球の交換、30分ほど"));
    const task = t.textsTo(VOL).at(-1)!;
    expect(task).toMatch(/台所の電球の交換、30分ほど/);
    expect(task).not.toMatch(/足が悪くて/);
    expect(task).not.toMatch(/03-5932-1111/);

    const pushesBefore = t.messagesTo(VOL).length;
    await t.send(events.postback(SC, ask));
    expect(t.textsTo(SC).at(-1)).toMatch(/すでにお願いしています/);
    expect(t.messagesTo(VOL).length).toBe(pushesBefore);

    await t.send(events.postback(VOL, lastQuick(t, VOL, "引き受ける")));
    await t.send(events.text(SC, "相談の一覧"));
    expect(t.textsTo(SC).at(-1)).toMatch(/引き受けた人[\s\S]*山田花子さん/);
  });
});
