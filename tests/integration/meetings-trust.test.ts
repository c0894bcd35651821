import { describe, expect, it } from "vitest";
import { attendanceReport } from "../../src/reports/attendance.js";
import { becomeSc, lastQuick } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const SC = "U2020202020202020202020202020aaaa";
const M1 = "U2121212121212121212121212121bbbb";
const M2 = "U2222222222222222222222222222cccc";

describe("registering a meeting in LINE", () => {
  let t: TestApp;
  // Tuesday 1 December 2026, 10:00 in Tokyo.
  useApp({ now: "2026-12-01T01:00:00Z" }, (x) => (t = x));

  async function startMeeting(when: string) {
    await t.send(events.text(SC, "会議を登録"));
    await t.send(events.postback(SC, lastQuick(t, SC, "協議体（第2層）")));
    await t.send(events.text(SC, "第4回 蓮根地区協議体"));
    await t.send(events.text(SC, when));
  }
  async function invite(...users: string[]) {
    await t.send(events.text(SC, "協議体メンバーの招待"));
    const code = /登録コードは ([A-Z0-9]+)/.exec(t.textsTo(SC).at(-1)!)![1];
    for (const u of users) {
      await t.send(events.follow(u));
      await t.send(events.text(u, `協議体参加 ${code}`));
    }
  }
  async function finish() {
    await t.send(events.text(SC, "蓮根地域センター"));
    await t.send(events.postback(SC, lastQuick(t, SC, "協議体メンバー")));
    await t.send(events.postback(SC, lastQuick(t, SC, "登録する")));
    return t.db.meeting.findFirstOrThrow({ include: { reminders: true, attendees: true } });
  }
  const tokyo = (d: Date) => d.toLocaleString("ja-JP", { timeZone: "Asia/Tokyo", hour12: false });

  it.each([
    ["夜6時半", "18:30"],
    ["夕方6時", "18:00"],
    ["18時半", "18:30"],
    ["午後6時半", "18:30"],
    ["朝9時", "9:00"],
  ])("when an SC writes the time as 12月10日 %s, the meeting starts at %s", async (time, hhmm) => {
    await becomeSc(t, SC, ["蓮根"]);
    await startMeeting(`12月10日 ${time}`);
    const m = await finish();
    expect(tokyo(m.startsAt)).toContain(`2026/12/10 ${hhmm.padStart(5, "0")}`.replace(" 0", " "));
  });

  it("when an SC writes a bare 6時, the bot asks 午前 or 午後 and uses the answer", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await startMeeting("12月10日 6時から8時");
    expect(t.textsTo(SC).at(-1)).toMatch(/6時は、午前ですか、午後ですか/);
    await t.send(events.text(SC, "午後です"));
    const m = await finish();
    expect(tokyo(m.startsAt)).toContain("18:00");
    expect(tokyo(m.endsAt!)).toContain("20:00");
  });

  it("when an SC writes 12月10日(水) and the 10th is a Thursday, the bot asks which day instead of accepting it", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await startMeeting("12月10日(水)14時から16時");
    expect(t.textsTo(SC).at(-1)).toMatch(/12月10日は木曜日です/);
    await t.send(events.postback(SC, lastQuick(t, SC, "12月9日(水)")));
    const m = await finish();
    expect(tokyo(m.startsAt)).toContain("2026/12/9 14:00");
  });

  it("the example date the bot shows carries the right weekday for today's calendar", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await t.send(events.text(SC, "会議を登録"));
    await t.send(events.postback(SC, lastQuick(t, SC, "協議体（第2層）")));
    await t.send(events.text(SC, "第4回 蓮根地区協議体"));
    expect(t.textsTo(SC).at(-1)).toMatch(/例：12月10日\(木\)/);
  });

  it("when nobody would be notified, the confirmation says so before registering", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await startMeeting("12月10日 14時");
    await t.send(events.text(SC, "蓮根地域センター"));
    await t.send(events.postback(SC, lastQuick(t, SC, "協議体メンバー")));
    expect(t.textsTo(SC).at(-1)).toMatch(/誰にも届きません/);
  });

  it("a member who joins after the meeting was registered gets its later reminders", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await invite(M1);
    await startMeeting("12月10日 14時");
    const m = await finish();
    expect(m.attendees).toHaveLength(1);
    await invite(M2);
    const late = await t.db.user.findUniqueOrThrow({ where: { lineUserId: M2 } });
    expect(await t.db.meetingAttendee.count({ where: { meetingId: m.id, userId: late.id } })).toBe(1);
    expect(await t.db.reminder.count({ where: { meetingId: m.id, userId: late.id, status: "planned" } })).toBeGreaterThan(0);
    t.clock.set(new Date("2026-12-09T01:00:00Z"));
    await t.jobs.kick();
    expect(t.textsTo(M2).join("\n")).toMatch(/明日の会議のお知らせ/);
  });

  it("a reminder already due when a meeting three days ahead is registered is headed 3日後の会議, not 1週間後", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await invite(M1);
    await startMeeting("12月4日 14時");
    await finish();
    await t.jobs.kick();
    const texts = t.textsTo(M1).join("\n");
    expect(texts).toMatch(/3日後の会議のお知らせ/);
    expect(texts).not.toMatch(/1週間後/);
  });

  it("the attendance report shows members by the name the SC sees in LINE, never 利用者#N", async () => {
    t.line.profiles.set(M1, { displayName: "山田花子" });
    await becomeSc(t, SC, ["蓮根"]);
    await invite(M1);
    await startMeeting("12月10日 14時");
    const m = await finish();
    const report = await attendanceReport(t.db, m.id, "Asia/Tokyo");
    expect(report).toMatch(/山田花子/);
    expect(report).not.toMatch(/利用者#/);
  });
});

describe("a coordinator asking for a new meeting in their own words", () => {
  let t: TestApp;
  // Tuesday 1 December 2026, 10:00 in Tokyo.
  useApp({ now: "2026-12-01T01:00:00Z" }, (x) => (t = x));

  it("when an SC writes 協議体の会議を作りたい, the registration starts by asking which kind of meeting", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await t.send(events.text(SC, "協議体の会議を作りたい"));
    expect(t.textsTo(SC).at(-1)).toMatch(/会議の種類を選んでください/);
    expect(lastQuick(t, SC, "協議体（第2層）")).toBeTruthy();
  });

  it("when a resident writes かいぎを つくりたい, no meeting registration starts and nothing is created", async () => {
    await t.send(events.text(M1, "かいぎを つくりたい"));
    expect(t.textsTo(M1).join("\n")).not.toMatch(/会議の種類を選んでください/);
    await t.send(events.text(M1, "第5回 協議体"));
    expect(await t.db.meeting.count()).toBe(0);
  });

  it("when an SC with no meetings ahead asks for 会議の予定, the answer offers 会議を登録", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await t.send(events.text(SC, "会議の予定"));
    expect(t.textsTo(SC).at(-1)).toMatch(/これからの会議の予定はありません/);
    await t.send(events.text(SC, lastQuick(t, SC, "会議を登録")));
    expect(t.textsTo(SC).at(-1)).toMatch(/会議の種類を選んでください/);
  });
});
