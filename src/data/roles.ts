import type { User } from "../generated/prisma/client.js";
import type { Db } from "./client.js";

/** SC invitations, assignments (scope) and the audit log. */

export async function audit(db: Db, actorId: number | null, action: string, detail: object, at?: Date): Promise<void> {
  await db.auditLog.create({ data: { actorId, action, detail: JSON.stringify(detail), ...(at ? { createdAt: at } : {}) } });
}

export function countAuditSince(db: Db, actorId: number, action: string, since: Date): Promise<number> {
  return db.auditLog.count({ where: { actorId, action, createdAt: { gte: since } } });
}

export async function createScInvitation(db: Db, code: string, layer: 1 | 2, areaIds: number[], expiresAt: Date): Promise<void> {
  await db.invitation.create({ data: { code, role: "sc", layer, areaIds: JSON.stringify(areaIds), expiresAt } });
}

/** Claims an invitation once; false when someone else claimed it first. */
export async function claimInvitationRow(db: Db, id: number, userId: number, at: Date): Promise<boolean> {
  const claimed = await db.invitation.updateMany({ where: { id, claimedAt: null }, data: { claimedAt: at, claimedBy: userId } });
  return claimed.count === 1;
}

/** Makes the person an SC of layer 1 or of these areas (replacing any earlier scope), in one transaction. */
export async function assignSc(db: Db, user: Pick<User, "id">, roles: string, layer: number, areaIds: number[]): Promise<void> {
  await db.$transaction([
    db.scAssignment.deleteMany({ where: { userId: user.id } }),
    ...(layer === 1 ? [db.scAssignment.create({ data: { userId: user.id, layer: 1, areaId: null } })] : areaIds.map((areaId) => db.scAssignment.create({ data: { userId: user.id, layer: 2, areaId } }))),
    db.user.update({ where: { id: user.id }, data: { roles } }),
    db.auditLog.create({ data: { actorId: user.id, action: "invite.claim", detail: JSON.stringify({ layer, areas: areaIds }) } }),
  ]);
}

/** No longer an SC: scope removed, roles updated, audited, in one transaction. */
export async function unassignSc(db: Db, user: Pick<User, "id">, roles: string): Promise<void> {
  await db.$transaction([
    db.scAssignment.deleteMany({ where: { userId: user.id } }),
    db.user.update({ where: { id: user.id }, data: { roles } }),
    db.auditLog.create({ data: { actorId: null, action: "sc.revoke", detail: JSON.stringify({ userId: user.id }) } }),
  ]);
}

export function scAssignmentsOf(db: Db, userId: number) {
  return db.scAssignment.findMany({ where: { userId } });
}

/** Assignments covering an area (layer 1 covers all), with their people. */
export function scAssignmentsForArea(db: Db, areaId: number | null) {
  return db.scAssignment.findMany({ where: areaId === null ? { layer: 1 } : { OR: [{ layer: 1 }, { areaId }] }, include: { user: true } });
}

export function userByIdOrLineId(db: Db, ref: string) {
  return /^\d+$/.test(ref) ? db.user.findUnique({ where: { id: Number(ref) } }) : db.user.findUnique({ where: { lineUserId: ref } });
}

/** Invitation codes not used, revoked or expired. */
export function openInvitations(db: Db, now: Date) {
  return db.invitation.findMany({ where: { claimedAt: null, revokedAt: null, expiresAt: { gt: now } } });
}
