import type { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./client.js";

/** What the staff console's pages read and write (scope is checked by the console before calling). */

/** Recent announcements, all or one SC's, with their chunks. */
export function recentBroadcasts(db: Db, createdBy: number | null, take = 20) {
  return db.broadcast.findMany({ where: createdBy === null ? {} : { createdBy }, orderBy: { id: "desc" }, take, include: { chunks: true } });
}

/** The newest audit entries, all or one actor's. */
export function recentAudit(db: Db, actorId: number | null, take = 200) {
  return db.auditLog.findMany({ where: actorId === null ? {} : { actorId }, orderBy: { id: "desc" }, take });
}

export function helpRequestWithOffers(db: Db, id: number) {
  return db.helpRequest.findUnique({ where: { id }, include: { offers: { include: { volunteer: true } } } });
}

/** The newest help requests, of these areas (null: all). */
export function recentHelpRequests(db: Db, areaIds: number[] | null, take = 200) {
  return db.helpRequest.findMany({ where: areaIds ? { areaId: { in: areaIds } } : {}, orderBy: { createdAt: "desc" }, take });
}

export function meetingWithAreasAndDecisions(db: Db, id: number) {
  return db.meeting.findUnique({ where: { id }, include: { areas: true, decisions: true } });
}

/** Meetings since `since`, all or those an SC manages (created by them or in their areas), with attendees. */
export function meetingsSince(db: Db, since: Date, managedBy: { userId: number; areaIds: number[] } | null) {
  return db.meeting.findMany({
    where: { startsAt: { gt: since }, ...(managedBy ? { OR: [{ createdBy: managedBy.userId }, { areas: { some: { areaId: { in: managedBy.areaIds } } } }] } : {}) },
    orderBy: { startsAt: "asc" },
    include: { attendees: true },
  });
}

export async function setMeetingAgendaAndNotes(db: Db, id: number, agenda: string[], notes: string): Promise<void> {
  await db.meeting.update({ where: { id }, data: { agenda: JSON.stringify(agenda), notes } });
}

export async function addMeetingDecision(db: Db, d: { meetingId: number; text: string; categoryKey: string | null; areaId: number | null; createdBy: number }): Promise<void> {
  await db.meetingDecision.create({ data: d });
}

export function resourceById(db: Db, id: number) {
  return db.resource.findUnique({ where: { id } });
}

export interface ResourceListFilter {
  /** One area, or these areas (null: all). */
  areaIds: number[] | null;
  categoryKey?: string;
  status?: string;
  /** Not confirmed since then (or never). */
  staleBefore?: Date | null;
}

export function resourceList(db: Db, f: ResourceListFilter, take = 300) {
  return db.resource.findMany({
    where: {
      ...(f.areaIds ? { areaId: { in: f.areaIds } } : {}),
      ...(f.categoryKey ? { categoryKey: f.categoryKey } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.staleBefore ? { OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: f.staleBefore } }] } : {}),
    },
    include: { category: true, area: true },
    orderBy: [{ areaId: "asc" }, { name: "asc" }],
    take,
  });
}

/** A staff edit of a listing (its fields and what is derived from them). */
export async function updateResource(db: Db, id: number, data: Prisma.ResourceUncheckedUpdateInput): Promise<void> {
  await db.resource.update({ where: { id }, data });
}

/** Active volunteers of these areas (null: all), with their areas. */
export function activeVolunteers(db: Db, areaIds: number[] | null) {
  return db.volunteer.findMany({
    where: { status: "active", ...(areaIds ? { areas: { some: { areaId: { in: areaIds } } } } : {}) },
    include: { areas: { include: { area: true } } },
    orderBy: { id: "asc" },
  });
}
