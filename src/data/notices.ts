import type { Db } from "./client.js";

/** 見つかったら知らせてほしい: one waiting request per person, area and category. */
export async function requestNotice(db: Db, userId: number, areaId: number, categoryKey: string, now: Date, expiresAt: Date): Promise<void> {
  const open = await db.notifyRequest.findFirst({ where: { userId, areaId, categoryKey, notifiedAt: null, expiresAt: { gt: now } } });
  if (!open) await db.notifyRequest.create({ data: { userId, areaId, categoryKey, expiresAt } });
}

/** Waiting 見つかったら知らせて requests, with their person. */
export function openNoticeRequests(db: Db, now: Date, take = 500) {
  return db.notifyRequest.findMany({ where: { notifiedAt: null, expiresAt: { gt: now } }, include: { user: true }, take });
}

/** The first public activity of the request's area and category that became active after it was made. */
export function newlyActiveMatch(db: Db, r: { areaId: number; categoryKey: string; createdAt: Date }) {
  return db.resource.findFirst({
    where: { areaId: r.areaId, categoryKey: r.categoryKey, status: "active", visibility: "public", activatedAt: { gt: r.createdAt } },
    include: { category: true, area: true },
    orderBy: { activatedAt: "asc" },
  });
}

/** Claims a request for one notice; false when another process sent it. */
export async function claimNoticeRequest(db: Db, id: number, resourceId: number, at: Date): Promise<boolean> {
  const claimed = await db.notifyRequest.updateMany({ where: { id, notifiedAt: null }, data: { notifiedAt: at, resourceId } });
  return claimed.count === 1;
}

/** Active listings not confirmed since `cutoff` and not yet flagged to an SC. */
export function unflaggedStaleListings(db: Db, cutoff: Date) {
  return db.resource.findMany({
    where: { status: "active", staleFlaggedAt: null, OR: [{ lastVerifiedAt: { lt: cutoff } }, { lastVerifiedAt: null, createdAt: { lt: cutoff } }] },
    select: { id: true, name: true, areaId: true, lastVerifiedAt: true, createdAt: true },
  });
}

export async function markListingsFlagged(db: Db, ids: number[], at: Date): Promise<void> {
  await db.resource.updateMany({ where: { id: { in: ids } }, data: { staleFlaggedAt: at } });
}

/** SCs (following the account) responsible for an area; areaId null: layer-1 SCs. */
export function scsOfArea(db: Db, areaId: number | null) {
  return db.user.findMany({
    where: { following: true, roles: { contains: "sc" }, scAssignments: { some: areaId === null ? { layer: 1 } : { OR: [{ areaId }, { layer: 1, areaId: null }] } } },
  });
}
