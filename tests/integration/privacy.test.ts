import { describe, expect, it } from "vitest";
import { lastQuick } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const RES = "U1818181818181818181818181818aaaa";

describe("a user deleting their data", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("removes the person and everything linked to them, keeping only anonymous counts", async () => {
    await t.send(events.text(RES, "蓮根に住んでいます"));
    await t.send(events.text(RES, "山田です。電球を替えてほしい"));
    await t.send(events.postback(RES, lastQuick(t, RES, "コーディネーターに相談")));
    await t.send(events.postback(RES, lastQuick(t, RES, "はい、伝える")));
    await t.send(events.text(RES, "はすねのさろん"));
    const logsBefore = await t.db.inquiryLog.count();
    await t.send(events.text(RES, "退会したい"));
    await t.send(events.postback(RES, lastQuick(t, RES, "退会する")));
    expect(t.textsTo(RES).at(-1)).toMatch(/あなたの情報を消しました/);
    expect(await t.db.user.count({ where: { lineUserId: RES } })).toBe(0);
    expect(await t.db.conversationState.count()).toBe(0);
    const logs = await t.db.inquiryLog.findMany();
    expect(logs).toHaveLength(logsBefore);
    expect(logs.every((l) => l.userId === null && l.text === "")).toBe(true);
    const req = await t.db.helpRequest.findFirstOrThrow();
    expect(req.userId).toBeNull();
    expect(req.description).not.toContain("山田");
    expect(await t.db.outboundMessage.count({ where: { target: RES } })).toBe(0);
  });

  it("asks first, and keeps everything when the user says no", async () => {
    await t.send(events.text(RES, "蓮根に住んでいます"));
    await t.send(events.text(RES, "データを削除して"));
    await t.send(events.text(RES, "やめる"));
    expect(await t.db.user.count({ where: { lineUserId: RES } })).toBe(1);
  });
});
