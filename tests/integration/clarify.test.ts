import { describe, expect, it } from "vitest";
import { lastQuick } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const RES = "U6060606060606060606060606060aaaa";
const labels = (t: TestApp, u: string): string[] => t.messagesTo(u).at(-1).quickReply.items.map((i: any) => i.action.label);

describe("asking instead of failing", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("when a resident writes only 手伝い, the bot offers もしかして buttons; tapping お手伝いを頼みたい answers as a request for help and counts the choice without the text", async () => {
    await t.send(events.text(RES, "蓮根に住んでいます"));
    await t.send(events.text(RES, "手伝い"));
    expect(t.textsTo(RES).at(-1)).toMatch(/もしかして/);
    expect(labels(t, RES)).toEqual(expect.arrayContaining(["お手伝いを頼みたい", "ボランティアに登録したい", "どれでもない"]));
    await t.send(events.postback(RES, lastQuick(t, RES, "お手伝いを頼みたい")));
    expect(t.textsTo(RES).at(-1)).toMatch(/コーディネーター/);
    const choices = await t.db.clarifyChoice.findMany();
    expect(choices).toHaveLength(1);
    expect(choices[0].chosen).toBe("request_help");
    expect(JSON.stringify(choices)).not.toContain("手伝い");
  });

  it("when the resident types the offered label instead of tapping, it works the same", async () => {
    await t.send(events.text(RES, "手伝い"));
    await t.send(events.text(RES, "ボランティアに登録したい"));
    expect(t.textsTo(RES).at(-1)).toMatch(/ボランティア登録では/);
  });

  it("a coordinator-only meaning is never offered to a resident, and a tampered button changes nothing", async () => {
    await t.send(events.text(RES, "集計"));
    const offered = t.messagesTo(RES).at(-1).quickReply?.items.map((i: any) => i.action.data ?? "") ?? [];
    expect(offered.join(" ")).not.toContain("needs_report");
    await t.send(events.postback(RES, "v1:clarify?i=needs_report"));
    expect(t.textsTo(RES).at(-1)).toMatch(/使えなくなりました|もう一度/);
    expect(await t.db.clarifyChoice.count()).toBe(0);
  });
});
