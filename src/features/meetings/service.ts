import type { Db } from "../../data/client.js";
import {
  addAttendee,
  attendeeIdsOf,
  attendeesWithProfiles,
  insertMeeting,
  planReminder,
  setAttendance,
  upcomingCouncilMeetings,
  updateMeetingDroppingPlanned,
  userIdsOfAudience,
} from "../../data/meetings.js";
import type { Meeting } from "../../generated/prisma/client.js";
import { DEFAULT_PLAN, reminderTimes, type ReminderRule } from "./plan.js";

export const KINDS = ["協議体（第1層）", "協議体（第2層）", "作業部会", "連絡会", "研修会", "地域ケア会議", "住民向けフォーラム", "その他"] as const;
export type Audience = "council" | "volunteers" | "residents" | "named";
export const AUDIENCE_JA: Record<Audience, string> = { council: "協議体メンバー", volunteers: "ボランティア", residents: "地域の住民", named: "指定した人" };

export interface MeetingInput {
  kind: string;
  title: string;
  seriesNo?: number | null;
  areaIds: number[];
  venue: string;
  address: string;
  startsAt: Date;
  endsAt?: Date | null;
  agenda: string[];
  audience: Audience;
  createdBy?: number | null;
  /** User ids for audience "named". */
  named?: number[];
  plan?: ReminderRule[];
}

/** The users a meeting is for: members, volunteers or residents of its areas, or named users. */
export async function audienceUserIds(db: Db, audience: Audience, areaIds: number[], named: number[] = []): Promise<number[]> {
  if (audience === "named") return named;
  return userIdsOfAudience(db, audience, areaIds);
}

/** Plans the unsent reminders of a meeting for each attendee; reminders already due in the past are still planned (sent late if the meeting has not started). */
export async function planReminders(db: Db, meeting: Meeting, timeZone: string): Promise<number> {
  if (meeting.status === "cancelled") return 0;
  const plan = JSON.parse(meeting.reminderPlan || "null") as ReminderRule[] | null;
  const times = reminderTimes(meeting.startsAt, plan ?? DEFAULT_PLAN, timeZone);
  let n = 0;
  for (const userId of await attendeeIdsOf(db, meeting.id)) {
    for (const t of times) if (await planReminder(db, meeting.id, userId, t.slot, t.dueAt)) n++;
  }
  return n;
}

export async function createMeeting(db: Db, input: MeetingInput, timeZone: string): Promise<Meeting> {
  const row = {
    kind: input.kind,
    title: input.title,
    seriesNo: input.seriesNo ?? null,
    venue: input.venue,
    address: input.address,
    startsAt: input.startsAt,
    endsAt: input.endsAt ?? null,
    agenda: JSON.stringify(input.agenda),
    audience: input.audience,
    reminderPlan: JSON.stringify(input.plan ?? DEFAULT_PLAN),
    createdBy: input.createdBy ?? null,
  };
  const meeting = await insertMeeting(db, row, input.areaIds, await audienceUserIds(db, input.audience, input.areaIds, input.named));
  await planReminders(db, meeting, timeZone);
  return meeting;
}

/** A new time: unsent reminders are planned again for it. */
export async function rescheduleMeeting(db: Db, meetingId: number, startsAt: Date, endsAt: Date | null, timeZone: string): Promise<Meeting> {
  // Unsent reminders are planned again for the new time; ones already sent are not repeated.
  const meeting = await updateMeetingDroppingPlanned(db, meetingId, { startsAt, endsAt, status: "changed" });
  await planReminders(db, meeting, timeZone);
  return meeting;
}

/** A new reminder plan for one meeting: reminders not yet sent follow it. */
export async function setReminderPlan(db: Db, meetingId: number, plan: ReminderRule[], timeZone: string): Promise<Meeting> {
  const meeting = await updateMeetingDroppingPlanned(db, meetingId, { reminderPlan: JSON.stringify(plan) });
  await planReminders(db, meeting, timeZone);
  return meeting;
}

export async function cancelMeeting(db: Db, meetingId: number): Promise<Meeting> {
  return updateMeetingDroppingPlanned(db, meetingId, { status: "cancelled" });
}

export async function setRsvp(db: Db, meetingId: number, userId: number, attending: boolean, now: Date): Promise<boolean> {
  return setAttendance(db, meetingId, userId, attending, now);
}

/**
 * A 協議体 member who joins after meetings were registered: added to the
 * upcoming council meetings of their areas, with the reminders still to come.
 */
export async function joinUpcomingMeetings(db: Db, userId: number, areaIds: number[], now: Date, timeZone: string): Promise<number> {
  const meetings = await upcomingCouncilMeetings(db, areaIds, now);
  for (const meeting of meetings) {
    await addAttendee(db, meeting.id, userId);
    await planReminders(db, meeting, timeZone);
  }
  return meetings.length;
}

/** Attendees with the names the SC knows them by: a volunteer's registered name, else the LINE name they joined with. */
export async function attendeesWithNames(db: Db, meetingId: number): Promise<{ userId: number; lineUserId: string; name: string | null; response: string | null }[]> {
  const rows = await attendeesWithProfiles(db, meetingId);
  return rows.map((r) => ({
    userId: r.userId,
    lineUserId: r.user.lineUserId,
    name: r.user.volunteer?.displayName ?? r.user.councilMembers.find((c) => c.displayName)?.displayName ?? null,
    response: r.response,
  }));
}
