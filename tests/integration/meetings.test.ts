import { describe, expect, it } from "vitest";
import { Jobs } from "../../src/jobs/jobs.js";
import { LineGateway } from "../../src/line/client.js";
import { createMeeting, rescheduleMeeting } from "../../src/features/meetings/service.js";
import { reminderTimes, DEFAULT_PLAN } from "../../src/features/meetings/plan.js";
import { silentLogger } from "../../src/log.js";
import { becomeSc, flexButton, lastQuick } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const SC = "U1515151515151515151515151515aaaa";
const M1 = "U1616161616161616161616161616bbbb";
const M2 = "U1717171717171717171717171717cccc";
const TZ = "Asia/Tokyo";

describe("reminder planning", () => {
  it("plans 7 days and 1 day before at 10:00 Tokyo, and 2 hours before an evening meeting", () => {
    const evening = new Date("2026-12-10T09:30:00Z"); // 18:30 in Tokyo
    expect(reminderTimes(evening, DEFAULT_PLAN, TZ).map((r) => [r.slot, r.dueAt.toISOString()])).toEqual([
      ["d7", "2026-12-03T01:00:00.000Z"],
      ["d1", "2026-12-09T01:00:00.000Z"],
      ["h2", "2026-12-10T07:30:00.000Z"],
    ]);
    const afternoon = new Date("2026-12-10T05:00:00Z"); // 14:00
    expect(reminderTimes(afternoon, DEFAULT_PLAN, TZ).map((r) => r.slot)).toEqual(["d7", "d1"]);
  });
});

describe("meetings", () => {
  let t: TestApp;
  useApp({ now: "2026-12-01T01:00:00Z" }, (x) => (t = x));

  async function members() {
    await becomeSc(t, SC, ["蓮根"]);
    await t.send(events.text(SC, "協議体メンバーの招待"));
    const code = /登録コードは ([A-Z0-9]+)/.exec(t.textsTo(SC).at(-1)!)![1];
    for (const u of [M1, M2]) {
      await t.send(events.follow(u));
      await t.send(events.text(u, `協議体参加 ${code}`));
    }
    expect(await t.db.councilMember.count()).toBe(2);
  }

  async function meeting(start = "2026-12-10T09:30:00Z") {
    const area = await t.db.area.findUniqueOrThrow({ where: { name: "蓮根" } });
    return createMeeting(t.db, { kind: "協議体（第2層）", title: "第3回 蓮根地区協議体", areaIds: [area.id], venue: "蓮根地域センター", address: "", startsAt: new Date(start), agenda: ["見守りについて"], audience: "council" }, TZ);
  }
  const reminders = () => t.line.delivered.filter((c) => c.path.endsWith("/push") && /会議のお知らせ/.test(c.body.messages[0].altText ?? ""));

  it("an SC registers a 協議体 in LINE from Japanese phrases; members are invited", async () => {
    await members();
    await t.send(events.text(SC, "会議を登録"));
    await t.send(events.postback(SC, lastQuick(t, SC, "協議体（第2層）")));
    await t.send(events.text(SC, "第3回 蓮根地区協議体"));
    await t.send(events.text(SC, "12月10日(木)18時半から20時"));
    await t.send(events.text(SC, "蓮根地域センター 2階"));
    await t.send(events.postback(SC, lastQuick(t, SC, "協議体メンバー")));
    expect(t.textsTo(SC).at(-1)).toMatch(/お知らせする人：2人/);
    await t.send(events.postback(SC, lastQuick(t, SC, "登録する")));
    const m = await t.db.meeting.findFirstOrThrow({ include: { attendees: true, reminders: true } });
    expect(m.startsAt.toISOString()).toBe("2026-12-10T09:30:00.000Z");
    expect(m.endsAt?.toISOString()).toBe("2026-12-10T11:00:00.000Z");
    expect(m.seriesNo).toBe(3);
    expect(m.attendees).toHaveLength(2);
    expect(m.reminders).toHaveLength(6);
  });

  it("sends each reminder at its minute, whatever the host's time zone, with 出席/欠席 buttons; the answer is stored", async () => {
    expect(process.env.TZ).toBe("America/New_York");
    await members();
    await meeting();
    t.clock.set("2026-12-03T00:59:00Z"); // 9:59 Tokyo, a week before
    await t.jobs.kick();
    expect(reminders()).toHaveLength(0);
    t.clock.set("2026-12-03T01:00:00Z"); // 10:00
    await t.jobs.kick();
    expect(reminders()).toHaveLength(2);
    await t.jobs.kick();
    expect(reminders()).toHaveLength(2);
    await t.send(events.postback(M1, flexButton(t, M1, "出席")));
    expect(t.textsTo(M1).at(-1)).toMatch(/出席で承りました/);
    const a = await t.db.meetingAttendee.findFirstOrThrow({ where: { user: { lineUserId: M1 } } });
    expect(a.response).toBe("attend");
    await t.send(events.text(M2, "欠席します"));
    expect((await t.db.meetingAttendee.findFirstOrThrow({ where: { user: { lineUserId: M2 } } })).response).toBe("absent");
    await t.send(events.postback(SC, `v1:mtg.attendance?m=${(await t.db.meeting.findFirstOrThrow()).id}`));
    expect(t.textsTo(SC).at(-1)).toMatch(/出席 1人[\s\S]*欠席 1人[\s\S]*未回答 0人/);
    // A member cannot look at the attendance.
    await t.send(events.postback(M1, `v1:mtg.attendance?m=${(await t.db.meeting.findFirstOrThrow()).id}`));
    expect(t.textsTo(M1).at(-1)).toMatch(/もう一度お試しください/);
  });

  it("two schedulers on one database send each reminder once", async () => {
    await members();
    await meeting();
    t.clock.set("2026-12-09T01:00:00Z");
    const other = new Jobs({ db: t.db, line: new LineGateway({ db: t.db, logger: silentLogger, channelAccessToken: "x", baseUrl: t.line.url }), logger: silentLogger, clock: t.clock, timeZone: TZ });
    await Promise.all([t.jobs.kick(), other.kick(), t.jobs.kick(), other.kick()]);
    const d1 = reminders();
    // d7 (late) and d1 are both due: only the latest (d1) goes out, once for each of the two members.
    expect(d1).toHaveLength(2);
    expect(new Set(d1.map((c) => c.body.to)).size).toBe(2);
    expect(await t.db.reminder.count({ where: { slot: "d7", status: "skipped" } })).toBe(2);
  });

  it("a restart between claim and send does not duplicate: the stored retry key is reused", async () => {
    await members();
    const m = await meeting();
    t.clock.set("2026-12-03T01:00:00Z");
    const r = await t.db.reminder.findFirstOrThrow({ where: { meetingId: m.id, slot: "d7" } });
    // Crashed after LINE accepted the push but before marking it sent.
    await t.db.reminder.update({ where: { id: r.id }, data: { status: "claimed", claimedAt: new Date("2026-12-03T00:59:00Z"), retryKey: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" } });
    t.line.acceptedRetryKeys.add("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    t.clock.set("2026-12-03T01:05:00Z");
    await t.jobs.kick();
    const calls = t.line.calls.filter((c) => c.retryKey === "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    expect(calls.map((c) => c.status)).toEqual([409]);
    expect((await t.db.reminder.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("sent");
  });

  it("after downtime sends missed reminders while the meeting has not started, and never after it started", async () => {
    await members();
    await meeting();
    t.clock.set("2026-12-10T08:00:00Z"); // down all week; 17:00 on the day
    await t.jobs.kick();
    // d7, d1 and h2 were all missed: each member gets one reminder (the latest, "今日の会議"), not three at once.
    expect(reminders().length).toBe(2);
    expect(reminders().every((c) => /今日の会議のお知らせ/.test(c.body.messages[0].altText))).toBe(true);
    const later = await meeting("2026-12-12T05:00:00Z");
    t.line.reset();
    t.clock.set("2026-12-12T06:00:00Z"); // it started an hour ago
    await t.jobs.kick();
    expect(reminders()).toHaveLength(0);
    expect(await t.db.reminder.count({ where: { meetingId: later.id, status: "skipped" } })).toBe(4);
  });

  it("a changed time re-plans unsent reminders and tells members once; a cancellation sends one notice and no more reminders", async () => {
    await members();
    const m = await meeting();
    await t.send(events.postback(SC, `v1:mtg.reschedule?m=${m.id}`));
    await t.send(events.text(SC, "12月17日 18時30分"));
    expect(t.textsTo(SC).at(-1)).toMatch(/2人にお知らせしました/);
    const changed = t.line.delivered.filter((c) => c.path.endsWith("/push") && /日時が変わりました/.test(c.body.messages[0].altText ?? ""));
    expect(changed).toHaveLength(2);
    const planned = await t.db.reminder.findMany({ where: { meetingId: m.id, slot: "d1" } });
    expect(planned.every((r) => r.dueAt.toISOString() === "2026-12-16T01:00:00.000Z")).toBe(true);

    await t.send(events.postback(SC, `v1:mtg.cancel?m=${m.id}`));
    await t.send(events.postback(SC, lastQuick(t, SC, "中止にする")));
    const notices = t.line.delivered.filter((c) => c.path.endsWith("/push") && /中止になりました/.test(c.body.messages[0].text ?? ""));
    expect(notices).toHaveLength(2);
    t.line.reset();
    t.clock.set("2026-12-16T01:00:00Z");
    await t.jobs.kick();
    expect(reminders()).toHaveLength(0);
  });

  it("rescheduling in the service keeps slots already sent from being sent again", async () => {
    await members();
    const m = await meeting();
    t.clock.set("2026-12-03T01:00:00Z");
    await t.jobs.kick();
    await rescheduleMeeting(t.db, m.id, new Date("2026-12-11T09:30:00Z"), null, TZ);
    t.line.reset();
    t.clock.set("2026-12-04T02:00:00Z");
    await t.jobs.kick();
    expect(reminders()).toHaveLength(0);
  });

  it("an SC changes one meeting's reminder plan: only the day before at 10:00", async () => {
    await members();
    const m = await meeting();
    await t.send(events.postback(SC, `v1:mtg.plan?m=${m.id}`));
    await t.send(events.postback(SC, lastQuick(t, SC, "前日の10時だけ")));
    expect(t.textsTo(SC).at(-1)).toMatch(/前日の10時だけ/);
    const slots = await t.db.reminder.findMany({ where: { meetingId: m.id } });
    expect(new Set(slots.map((r) => r.slot))).toEqual(new Set(["d1"]));
    expect(slots).toHaveLength(2);
  });

  it("lists a member's upcoming meetings with their answer", async () => {
    await members();
    await meeting();
    await t.send(events.text(M1, "次の協議体はいつですか"));
    const list = t.messagesTo(M1).at(-1);
    expect(list.altText).toMatch(/第3回 蓮根地区協議体（12月10日\(木\) 18:30/);
  });
});
