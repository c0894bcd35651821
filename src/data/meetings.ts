import type { Db } from "./client.js";

/** Meetings (協議体 and others), their attendees and council membership, as the LINE side reads them. */

export function meetingById(db: Db, id: number) {
  return db.meeting.findUnique({ where: { id } });
}

export function meetingWithAreas(db: Db, id: number) {
  return db.meeting.findUnique({ where: { id }, include: { areas: true } });
}

export function attendeesWithUsers(db: Db, meetingId: number) {
  return db.meetingAttendee.findMany({ where: { meetingId }, include: { user: true } });
}

/** Upcoming meetings a person is invited to, with their answer. */
export function upcomingAttendancesOf(db: Db, userId: number, now: Date) {
  return db.meetingAttendee.findMany({ where: { userId, meeting: { startsAt: { gt: now }, status: { not: "cancelled" } } }, include: { meeting: true } });
}

/** Upcoming meetings an SC manages: created by them or in their areas. */
export function upcomingManagedMeetings(db: Db, userId: number, areaIds: number[], now: Date) {
  return db.meeting.findMany({
    where: { startsAt: { gt: now }, status: { not: "cancelled" }, OR: [{ createdBy: userId }, { areas: { some: { areaId: { in: areaIds } } } }] },
  });
}

/** Upcoming public events (audience residents) of an area. */
export function upcomingPublicMeetings(db: Db, areaId: number, now: Date) {
  return db.meeting.findMany({ where: { audience: "residents", startsAt: { gt: now }, status: { not: "cancelled" }, areas: { some: { areaId } } } });
}

/** Anyone may answer a public event: the first answer adds them as an attendee. */
export async function addPublicAttendee(db: Db, meetingId: number, userId: number, attending: boolean, at: Date): Promise<void> {
  await db.meetingAttendee.create({ data: { meetingId, userId, response: attending ? "attend" : "absent", respondedAt: at } });
}

export async function createCouncilInvitation(db: Db, code: string, layer: 1 | 2, areaIds: number[], expiresAt: Date): Promise<void> {
  await db.invitation.create({ data: { code, role: "council", layer, areaIds: JSON.stringify(areaIds), expiresAt } });
}

export function invitationByCode(db: Db, code: string) {
  return db.invitation.findUnique({ where: { code } });
}

/** Joins (or re-joins) the council of an area, keeping the name the SC sees in LINE. */
export async function joinCouncil(db: Db, userId: number, areaId: number, displayName: string | null): Promise<void> {
  await db.councilMember.upsert({
    where: { userId_areaId: { userId, areaId } },
    create: { userId, areaId, displayName },
    update: displayName ? { displayName } : {},
  });
}

/** Who a meeting is for: 協議体 members, active volunteers or residents of these areas. */
export async function userIdsOfAudience(db: Db, audience: "council" | "volunteers" | "residents", areaIds: number[]): Promise<number[]> {
  const where =
    audience === "council"
      ? { councilMembers: { some: { areaId: { in: areaIds } } } }
      : audience === "volunteers"
        ? { volunteer: { status: "active", areas: { some: { areaId: { in: areaIds } } } } }
        : { homeAreaId: { in: areaIds } };
  return (await db.user.findMany({ where, select: { id: true } })).map((u) => u.id);
}

export async function attendeeIdsOf(db: Db, meetingId: number): Promise<number[]> {
  return (await db.meetingAttendee.findMany({ where: { meetingId }, select: { userId: true } })).map((a) => a.userId);
}

/** Plans one reminder; the unique (meeting, user, slot) key makes planning twice plan once. True when it was new. */
export async function planReminder(db: Db, meetingId: number, userId: number, slot: string, dueAt: Date): Promise<boolean> {
  const existing = await db.reminder.findUnique({ where: { meetingId_userId_slot: { meetingId, userId, slot } } });
  if (existing) return false;
  await db.reminder.create({ data: { meetingId, userId, slot, dueAt } });
  return true;
}

export interface MeetingRow {
  kind: string;
  title: string;
  seriesNo: number | null;
  venue: string;
  address: string;
  startsAt: Date;
  endsAt: Date | null;
  /** JSON. */
  agenda: string;
  audience: string;
  reminderPlan: string;
  createdBy: number | null;
}

/** A meeting with its areas and its invited attendees. */
export async function insertMeeting(db: Db, m: MeetingRow, areaIds: number[], attendeeIds: number[]) {
  const meeting = await db.meeting.create({ data: { ...m, areas: { create: areaIds.map((areaId) => ({ areaId })) } } });
  for (const userId of attendeeIds) await db.meetingAttendee.create({ data: { meetingId: meeting.id, userId } });
  return meeting;
}

/** Changes a meeting; its reminders not yet sent are dropped (to be planned again, or skipped when cancelled). */
export async function updateMeetingDroppingPlanned(db: Db, meetingId: number, data: { startsAt?: Date; endsAt?: Date | null; status?: string; reminderPlan?: string }) {
  const meeting = await db.meeting.update({ where: { id: meetingId }, data });
  if (data.status === "cancelled") await db.reminder.updateMany({ where: { meetingId, status: "planned" }, data: { status: "skipped" } });
  else await db.reminder.deleteMany({ where: { meetingId, status: "planned" } });
  return meeting;
}

/** An invited attendee's answer; false when they are not invited. */
export async function setAttendance(db: Db, meetingId: number, userId: number, attending: boolean, at: Date): Promise<boolean> {
  const r = await db.meetingAttendee.updateMany({ where: { meetingId, userId }, data: { response: attending ? "attend" : "absent", respondedAt: at } });
  return r.count === 1;
}

/** Upcoming council meetings of these areas. */
export function upcomingCouncilMeetings(db: Db, areaIds: number[], now: Date) {
  return db.meeting.findMany({ where: { audience: "council", status: { not: "cancelled" }, startsAt: { gt: now }, areas: { some: { areaId: { in: areaIds } } } } });
}

export async function addAttendee(db: Db, meetingId: number, userId: number): Promise<void> {
  await db.meetingAttendee.upsert({ where: { meetingId_userId: { meetingId, userId } }, create: { meetingId, userId }, update: {} });
}

/** Attendees with their volunteer registration and council membership (for the names the SC knows). */
export function attendeesWithProfiles(db: Db, meetingId: number) {
  return db.meetingAttendee.findMany({ where: { meetingId }, include: { user: { include: { volunteer: true, councilMembers: true } } }, orderBy: { userId: "asc" } });
}
