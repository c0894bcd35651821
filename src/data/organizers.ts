import type { Db } from "./client.js";

/** Organisers' side: their monthly checks and recruiting notes. */

export function resourceById(db: Db, id: number) {
  return db.resource.findUnique({ where: { id } });
}

/** The organiser answered (or changed something): this month's check for the activity is done. */
export async function markChecksAnswered(db: Db, resourceId: number, userId: number, at: Date): Promise<void> {
  await db.organizerCheck.updateMany({ where: { resourceId, userId, answeredAt: null }, data: { answeredAt: at } });
}

export function createRecruitNote(db: Db, userId: number, resourceId: number, kind: string, text: string) {
  return db.recruitNote.create({ data: { userId, resourceId, kind, text } });
}

export function recruitNoteById(db: Db, id: number) {
  return db.recruitNote.findUnique({ where: { id } });
}

/** Decides a pending note once: false when another SC decided it first. */
export async function decideRecruitNote(db: Db, id: number, approve: boolean, by: number, at: Date): Promise<boolean> {
  const claimed = await db.recruitNote.updateMany({ where: { id, status: "pending" }, data: { status: approve ? "approved" : "declined", decidedBy: by, decidedAt: at } });
  return claimed.count === 1;
}

/** Plans this month's check for every organiser of a running activity, once (the unique key decides between processes). */
export async function planOrganizerChecks(db: Db, month: string): Promise<void> {
  const links = await db.resourceOrganizer.findMany({ where: { resource: { status: { in: ["active", "paused"] } } }, select: { userId: true, resourceId: true } });
  const planned = new Set((await db.organizerCheck.findMany({ where: { month }, select: { resourceId: true, userId: true } })).map((c) => `${c.resourceId}|${c.userId}`));
  for (const l of links) {
    if (planned.has(`${l.resourceId}|${l.userId}`)) continue;
    await db.organizerCheck.create({ data: { resourceId: l.resourceId, userId: l.userId, month } }).catch(() => undefined);
  }
}

/** This month's checks not yet sent, or claimed by a sender that stopped before `stale`. */
export function dueOrganizerChecks(db: Db, month: string, stale: Date, take = 500) {
  return db.organizerCheck.findMany({ where: { month, OR: [{ status: "planned" }, { status: "claimed", claimedAt: { lt: stale } }] }, take });
}

/** Claims a check as it was read; false when another sender got it first. */
export async function claimOrganizerCheck(db: Db, c: { id: number; status: string; claimedAt: Date | null }, at: Date, retryKey: string): Promise<boolean> {
  const claimed = await db.organizerCheck.updateMany({ where: { id: c.id, status: c.status, claimedAt: c.claimedAt }, data: { status: "claimed", claimedAt: at, retryKey } });
  return claimed.count === 1;
}

export async function finishOrganizerCheck(db: Db, id: number, status: "sent" | "failed" | "skipped", at: Date): Promise<void> {
  await db.organizerCheck.update({ where: { id }, data: status === "sent" ? { status, sentAt: at } : { status } });
}

export async function createOrganizerInvitationRow(db: Db, code: string, resourceIds: number[], createdBy: number | null, expiresAt: Date): Promise<void> {
  await db.invitation.create({ data: { code, role: "organizer", layer: 0, resourceIds: JSON.stringify(resourceIds), createdBy, expiresAt } });
}

/** Claims an organiser invitation for this person (again, if it was theirs); false when someone else has it. */
export async function claimOrganizerInvitationRow(db: Db, id: number, userId: number, at: Date): Promise<boolean> {
  const claimed = await db.invitation.updateMany({ where: { id, OR: [{ claimedAt: null }, { claimedBy: userId }] }, data: { claimedAt: at, claimedBy: userId } });
  return claimed.count === 1;
}

/** Links the person to these activities as their organiser and updates their roles. */
export async function linkOrganizer(db: Db, userId: number, resourceIds: number[], roles: string): Promise<{ id: number; name: string }[]> {
  const resources = await db.resource.findMany({ where: { id: { in: resourceIds } }, select: { id: true, name: true } });
  for (const r of resources) {
    await db.resourceOrganizer.upsert({ where: { userId_resourceId: { userId, resourceId: r.id } }, create: { userId, resourceId: r.id }, update: {} });
  }
  await db.user.update({ where: { id: userId }, data: { roles } });
  return resources;
}

/** The listings this person organises (not ended). */
export function organizedResources(db: Db, userId: number) {
  return db.resource.findMany({ where: { organizers: { some: { userId } }, status: { not: "ended" } }, orderBy: { name: "asc" } });
}

export async function isOrganizerOf(db: Db, userId: number, resourceId: number): Promise<boolean> {
  return (await db.resourceOrganizer.count({ where: { userId, resourceId } })) === 1;
}

/** Listings (not ended) whose name contains the words, of these areas (null: all), at most 10. */
export function resourcesNamed(db: Db, nameLike: string, areaIds: number[] | null) {
  return db.resource.findMany({ where: { name: { contains: nameLike }, status: { not: "ended" }, ...(areaIds ? { areaId: { in: areaIds } } : {}) }, orderBy: { name: "asc" }, take: 10 });
}

/** What an organiser or SC confirmed or changed, written on the listing (最終確認日 set, the stale flag cleared). */
export async function writeListingChange(
  db: Db,
  id: number,
  data: { exceptions: string; scheduleRule: string | null; status: string; at: Date; activated: boolean },
): Promise<void> {
  await db.resource.update({
    where: { id },
    data: { exceptions: data.exceptions, scheduleRule: data.scheduleRule, status: data.status, lastVerifiedAt: data.at, staleFlaggedAt: null, ...(data.activated ? { activatedAt: data.at } : {}) },
  });
}

export function resourceByIdOrThrow(db: Db, id: number) {
  return db.resource.findUniqueOrThrow({ where: { id } });
}
