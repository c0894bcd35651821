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
