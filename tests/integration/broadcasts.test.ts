import { describe, expect, it } from "vitest";
import { createInvitation } from "../../src/features/roles/service.js";
import { createBroadcast } from "../../src/features/broadcasts/service.js";
import { text } from "../../src/line/messages.js";
import { becomeSc, lastQuick } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const SC = "U1212121212121212121212121212eeee";
const RES = "U1313131313131313131313131313ffff";
const uid = (n: number) => `U${String(n).padStart(32, "0")}`;

async function residents(t: TestApp, areaName: string, from: number, count: number, extra: object = {}) {
  const area = await t.db.area.findUniqueOrThrow({ where: { name: areaName } });
  await t.db.user.createMany({ data: Array.from({ length: count }, (_, i) => ({ lineUserId: uid(from + i), homeAreaId: area.id, following: true, ...extra })) });
}

describe("SC roles", () => {
  let t: TestApp;
  useApp({}, (x) => (t = x));

  it("an SC claims a one-time code and gets the SC menu; the same code cannot be used again", async () => {
    const area = await t.db.area.findUniqueOrThrow({ where: { name: "蓮根" } });
    const inv = await createInvitation(t.db, { layer: 2, areaIds: [area.id], now: t.clock.now() });
    await t.send(events.text(SC, `ｓｃ登録　${inv.code.toLowerCase()}`));
    expect(t.textsTo(SC)[0]).toMatch(/コーディネーターとして登録しました[\s\S]*蓮根/);
    const sc = await t.db.user.findUniqueOrThrow({ where: { lineUserId: SC }, include: { scAssignments: true } });
    expect(sc.roles).toContain("sc");
    expect(sc.scAssignments.map((a) => a.areaId)).toEqual([area.id]);
    await t.send(events.text(RES, `SC登録 ${inv.code}`));
    expect(t.textsTo(RES)[0]).toMatch(/すでに使われています/);
    expect((await t.db.user.findUniqueOrThrow({ where: { lineUserId: RES } })).roles).not.toContain("sc");
  });

  it("refuses wrong and expired codes, and stops answering after repeated wrong codes", async () => {
    const inv = await createInvitation(t.db, { layer: 1, areaIds: [], now: t.clock.now() });
    t.clock.advance(8 * 24 * 3600 * 1000);
    await t.send(events.text(RES, `SC登録 ${inv.code}`));
    expect(t.textsTo(RES)[0]).toMatch(/有効期限が切れています/);
    for (let i = 0; i < 5; i++) await t.send(events.text(RES, "SC登録 WRONGCODE"));
    expect(t.textsTo(RES)[1]).toMatch(/正しくありません/);
    const fresh = await createInvitation(t.db, { layer: 1, areaIds: [], now: t.clock.now() });
    await t.send(events.text(RES, `SC登録 ${fresh.code}`));
    expect(t.textsTo(RES).at(-1)).toMatch(/しばらく受け付けられません/);
    expect((await t.db.user.findUniqueOrThrow({ where: { lineUserId: RES } })).roles).not.toContain("sc");
  });

  it("a resident who types an SC phrase gets the resident answer and nothing is sent", async () => {
    await t.send(events.text(RES, "お知らせを送りたい"));
    expect(t.textsTo(RES)[0]).not.toMatch(/誰に送りますか/);
    expect(await t.db.conversationState.count()).toBe(0);
    await t.send(events.postback(RES, "v1:bc.role?r=residents"));
    expect(await t.db.broadcast.count()).toBe(0);
  });
});

describe("announcements", () => {
  let t: TestApp;
  useApp({ now: "2026-12-01T01:00:00Z" }, (x) => (t = x));

  async function compose(body: string) {
    await t.send(events.text(SC, "お知らせを送りたい"));
    await t.send(events.postback(SC, lastQuick(t, SC, "住民")));
    await t.send(events.text(SC, body));
    await t.send(events.postback(SC, lastQuick(t, SC, "付けない")));
  }

  it("a broadcast to 蓮根 residents reaches exactly those who follow, live there and did not opt out, in multicasts of at most 500", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await residents(t, "蓮根", 1, 1100);
    await residents(t, "蓮根", 2000, 7, { following: false });
    await residents(t, "蓮根", 3000, 5, { announcementsOptOut: true });
    await residents(t, "舟渡", 4000, 9);
    await compose("年末の見守り訪問についてのお知らせです。");
    const preview = t.textsTo(SC).at(-1);
    expect(preview).toMatch(/蓮根の住民（1100人）/);
    const sendButton = lastQuick(t, SC, "送信");
    t.line.reset();
    await t.send(events.postback(SC, sendButton));
    const multicasts = t.line.delivered.filter((c) => c.path === "/v2/bot/message/multicast");
    expect(multicasts.map((c) => c.body.to.length)).toEqual([500, 500, 100]);
    const all = multicasts.flatMap((c) => c.body.to);
    expect(new Set(all).size).toBe(1100);
    expect(all.every((u: string) => Number(u.slice(1)) >= 1 && Number(u.slice(1)) <= 1100)).toBe(true);
    expect(multicasts[0].body.messages[0].text).toBe("【お知らせ】\n年末の見守り訪問についてのお知らせです。");
    expect(t.textsTo(SC).at(-1)).toMatch(/1100人に送りました/);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "broadcast.create" } });
    expect(audit.detail).toContain('"count":1100');
    expect(audit.detail).not.toContain("見守り訪問");
  });

  it("a job interrupted after its first chunk sends each remaining recipient exactly once, reusing the stored retry key", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    const recipients = Array.from({ length: 1200 }, (_, i) => uid(i + 1));
    const sc = await t.db.user.findUniqueOrThrow({ where: { lineUserId: SC } });
    const b = await createBroadcast(t.db, { createdBy: sc.id, audience: { role: "residents", areaIds: [], label: "x" }, messages: [text("お知らせ")], recipients, urgent: false, sendAt: t.clock.now() });
    const chunks = await t.db.broadcastChunk.findMany({ where: { broadcastId: b.id }, orderBy: { index: "asc" } });
    // The process died: chunk 0 was sent; chunk 1 was accepted by LINE but the answer was lost.
    await t.gateway.multicastWithKey(JSON.parse(chunks[0].recipients), [text("お知らせ")], chunks[0].retryKey);
    await t.db.broadcastChunk.update({ where: { id: chunks[0].id }, data: { status: "sent" } });
    await t.gateway.multicastWithKey(JSON.parse(chunks[1].recipients), [text("お知らせ")], chunks[1].retryKey);
    await t.db.broadcastChunk.update({ where: { id: chunks[1].id }, data: { status: "sending", claimedAt: new Date(t.clock.now().getTime() - 10 * 60_000) } });
    await t.db.broadcast.update({ where: { id: b.id }, data: { status: "sending" } });
    await t.jobs.kick();
    const calls = t.line.calls.filter((c) => c.path === "/v2/bot/message/multicast");
    expect(calls.filter((c) => c.retryKey === chunks[1].retryKey).map((c) => c.status)).toEqual([200, 409]);
    const accepted = calls.filter((c) => c.status === 200).flatMap((c) => c.body.to);
    expect(accepted.length).toBe(1200);
    expect(new Set(accepted).size).toBe(1200);
    expect((await t.db.broadcast.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("done");
  });

  it("a non-urgent send confirmed at 21:30 goes out at 8:00 the next morning", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await residents(t, "蓮根", 1, 3);
    t.clock.set("2026-12-01T12:30:00Z"); // 21:30 in Tokyo
    await compose("明日は燃えないごみの日です。");
    await t.send(events.postback(SC, lastQuick(t, SC, "送信")));
    expect(t.textsTo(SC).at(-1)).toMatch(/12月2日\(水\) 8:00に送ります/);
    expect(t.line.delivered.filter((c) => c.path.endsWith("multicast"))).toHaveLength(0);
    t.clock.set("2026-12-01T22:59:00Z"); // 7:59
    await t.jobs.kick();
    expect(t.line.delivered.filter((c) => c.path.endsWith("multicast"))).toHaveLength(0);
    t.clock.set("2026-12-01T23:00:00Z"); // 8:00
    await t.jobs.kick();
    expect(t.line.delivered.filter((c) => c.path.endsWith("multicast"))).toHaveLength(1);
  });

  it("an urgent send goes out at once even at night, and a dated announcement is a Flex card", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await residents(t, "蓮根", 1, 2);
    t.clock.set("2026-12-01T13:00:00Z"); // 22:00
    await t.send(events.text(SC, "お知らせを送りたい"));
    await t.send(events.postback(SC, lastQuick(t, SC, "住民")));
    await t.send(events.text(SC, "避難所を開設しました。"));
    await t.send(events.postback(SC, lastQuick(t, SC, "日時と場所を付ける")));
    await t.send(events.text(SC, "12月2日 8時から"));
    await t.send(events.text(SC, "蓮根地域センター"));
    await t.send(events.postback(SC, lastQuick(t, SC, "緊急で送信")));
    const sent = t.line.delivered.filter((c) => c.path.endsWith("multicast"));
    expect(sent).toHaveLength(1);
    expect(sent[0].body.messages[0].type).toBe("flex");
    expect(JSON.stringify(sent[0].body.messages[0])).toContain("蓮根地域センター");
  });

  it("residents can turn announcements off and on", async () => {
    await t.send(events.text(RES, "お知らせ停止"));
    expect((await t.db.user.findUniqueOrThrow({ where: { lineUserId: RES } })).announcementsOptOut).toBe(true);
    await t.send(events.text(RES, "お知らせ再開"));
    expect((await t.db.user.findUniqueOrThrow({ where: { lineUserId: RES } })).announcementsOptOut).toBe(false);
  });

  it.each([
    ["おしらせ とめて", "おしらせ さいかい"],
    ["お知らせはいりません。", "お知らせを受け取りたいです"],
    ["配信停止", "お知らせ再開してください"],
    ["お知らせをストップしてほしい", "お知らせを再開してほしいです"],
    ["お知らせはもういらない", "お知らせ再開"],
  ])("a resident who writes %s stops announcements, and %s starts them again", async (off, on) => {
    const optedOut = async () => (await t.db.user.findUniqueOrThrow({ where: { lineUserId: RES } })).announcementsOptOut;
    await t.send(events.text(RES, off));
    expect(await optedOut()).toBe(true);
    expect(t.textsTo(RES).at(-1)).toContain("止めました");
    await t.send(events.text(RES, on));
    expect(await optedOut()).toBe(false);
  });

  it("a resident asking about the announcements is not opted out", async () => {
    await t.send(events.text(RES, "お知らせの日程を教えて"));
    expect((await t.db.user.findUnique({ where: { lineUserId: RES } }))?.announcementsOptOut ?? false).toBe(false);
  });
});
