import { randomInt } from "node:crypto";
import type { Db } from "../../data/client.js";
import type { User } from "../../generated/prisma/client.js";
import { withRole } from "../../users/service.js";

/** SC invitations (one-time codes), their claims, and every SC's scope. */

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
const FAILED_CLAIMS_PER_HOUR = 5;

export function newCode(length = 8): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

export async function createInvitation(db: Db, o: { layer: 1 | 2; areaIds: number[]; now: Date }): Promise<{ code: string; expiresAt: Date }> {
  const code = newCode();
  const expiresAt = new Date(o.now.getTime() + INVITATION_TTL_MS);
  await db.invitation.create({ data: { code, role: "sc", layer: o.layer, areaIds: JSON.stringify(o.layer === 1 ? [] : o.areaIds), expiresAt } });
  await audit(db, null, "invite.create", { layer: o.layer, areas: o.areaIds.length });
  return { code, expiresAt };
}

export type ClaimResult =
  | { ok: true; layer: number; areaNames: string[] }
  | { ok: false; reason: "invalid" | "expired" | "used" | "rate_limited" };

export async function audit(db: Db, actorId: number | null, action: string, detail: object): Promise<void> {
  await db.auditLog.create({ data: { actorId, action, detail: JSON.stringify(detail) } });
}

export async function claimInvitation(db: Db, user: User, rawCode: string, now: Date): Promise<ClaimResult> {
  const since = new Date(now.getTime() - 3600_000);
  const failures = await db.auditLog.count({ where: { actorId: user.id, action: "invite.claim_failed", createdAt: { gte: since } } });
  if (failures >= FAILED_CLAIMS_PER_HOUR) return { ok: false, reason: "rate_limited" };
  const code = rawCode.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const inv = await db.invitation.findUnique({ where: { code } });
  const fail = async (reason: "invalid" | "expired" | "used") => {
    await db.auditLog.create({ data: { actorId: user.id, action: "invite.claim_failed", detail: JSON.stringify({ reason }), createdAt: now } });
    return { ok: false as const, reason };
  };
  if (!inv || inv.revokedAt) return fail("invalid");
  if (inv.claimedAt) return fail("used");
  if (inv.expiresAt.getTime() <= now.getTime()) return fail("expired");
  const areaIds: number[] = JSON.parse(inv.areaIds);
  // The claim itself is the guard against two people using one code at once.
  const claimed = await db.invitation.updateMany({ where: { id: inv.id, claimedAt: null }, data: { claimedAt: now, claimedBy: user.id } });
  if (claimed.count === 0) return fail("used");
  await db.$transaction([
    db.scAssignment.deleteMany({ where: { userId: user.id } }),
    ...(inv.layer === 1 ? [db.scAssignment.create({ data: { userId: user.id, layer: 1, areaId: null } })] : areaIds.map((areaId) => db.scAssignment.create({ data: { userId: user.id, layer: 2, areaId } }))),
    db.user.update({ where: { id: user.id }, data: { roles: withRole(user, "sc", true) } }),
    db.auditLog.create({ data: { actorId: user.id, action: "invite.claim", detail: JSON.stringify({ layer: inv.layer, areas: areaIds }) } }),
  ]);
  const areas = await db.area.findMany({ where: { id: { in: areaIds } }, orderBy: { sortOrder: "asc" } });
  return { ok: true, layer: inv.layer, areaNames: areas.map((a) => a.name) };
}

export interface ScScope {
  layer1: boolean;
  /** Layer-2 area ids the SC covers (every area for layer 1). */
  areaIds: number[];
}

export async function scScope(db: Db, userId: number): Promise<ScScope> {
  const rows = await db.scAssignment.findMany({ where: { userId } });
  if (rows.some((r) => r.layer === 1)) {
    const all = await db.area.findMany({ where: { kind: "area" }, select: { id: true } });
    return { layer1: true, areaIds: all.map((a) => a.id) };
  }
  return { layer1: false, areaIds: rows.map((r) => r.areaId).filter((x): x is number => x !== null) };
}

/** SCs whose scope covers an area (layer 1 covers all). */
export async function scsForArea(db: Db, areaId: number | null): Promise<User[]> {
  const rows = await db.scAssignment.findMany({
    where: areaId === null ? { layer: 1 } : { OR: [{ layer: 1 }, { areaId }] },
    include: { user: true },
  });
  const seen = new Map<number, User>();
  for (const r of rows) if (r.user.roles.includes("sc")) seen.set(r.user.id, r.user);
  return [...seen.values()];
}

export async function revokeSc(db: Db, userRef: string): Promise<User | null> {
  const user = /^\d+$/.test(userRef) ? await db.user.findUnique({ where: { id: Number(userRef) } }) : await db.user.findUnique({ where: { lineUserId: userRef } });
  if (!user) return null;
  await db.$transaction([
    db.scAssignment.deleteMany({ where: { userId: user.id } }),
    db.user.update({ where: { id: user.id }, data: { roles: withRole(user, "sc", false) } }),
    db.auditLog.create({ data: { actorId: null, action: "sc.revoke", detail: JSON.stringify({ userId: user.id }) } }),
  ]);
  return user;
}
