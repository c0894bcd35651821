import { randomInt } from "node:crypto";
import { allAreaIds, areasByIds } from "../../data/areas.js";
import type { Db } from "../../data/client.js";
import { invitationByCode } from "../../data/meetings.js";
import { assignSc, audit, claimInvitationRow, countAuditSince, createScInvitation, scAssignmentsForArea, scAssignmentsOf, unassignSc, userByIdOrLineId } from "../../data/roles.js";
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
  await createScInvitation(db, code, o.layer, o.layer === 1 ? [] : o.areaIds, expiresAt);
  await audit(db, null, "invite.create", { layer: o.layer, areas: o.areaIds.length });
  return { code, expiresAt };
}

export type ClaimResult =
  | { ok: true; layer: number; areaNames: string[] }
  | { ok: false; reason: "invalid" | "expired" | "used" | "rate_limited" };

export { audit };

export async function claimInvitation(db: Db, user: User, rawCode: string, now: Date): Promise<ClaimResult> {
  const since = new Date(now.getTime() - 3600_000);
  const failures = await countAuditSince(db, user.id, "invite.claim_failed", since);
  if (failures >= FAILED_CLAIMS_PER_HOUR) return { ok: false, reason: "rate_limited" };
  const code = rawCode.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const inv = await invitationByCode(db, code);
  const fail = async (reason: "invalid" | "expired" | "used") => {
    await audit(db, user.id, "invite.claim_failed", { reason }, now);
    return { ok: false as const, reason };
  };
  if (!inv || inv.revokedAt) return fail("invalid");
  if (inv.claimedAt) return fail("used");
  if (inv.expiresAt.getTime() <= now.getTime()) return fail("expired");
  const areaIds: number[] = JSON.parse(inv.areaIds);
  // The claim itself is the guard against two people using one code at once.
  if (!(await claimInvitationRow(db, inv.id, user.id, now))) return fail("used");
  await assignSc(db, user, withRole(user, "sc", true), inv.layer, areaIds);
  const areas = await areasByIds(db, areaIds);
  return { ok: true, layer: inv.layer, areaNames: areas.map((a) => a.name) };
}

export interface ScScope {
  layer1: boolean;
  /** Layer-2 area ids the SC covers (every area for layer 1). */
  areaIds: number[];
}

export async function scScope(db: Db, userId: number): Promise<ScScope> {
  const rows = await scAssignmentsOf(db, userId);
  if (rows.some((r) => r.layer === 1)) return { layer1: true, areaIds: await allAreaIds(db) };
  return { layer1: false, areaIds: rows.map((r) => r.areaId).filter((x): x is number => x !== null) };
}

/** SCs whose scope covers an area (layer 1 covers all). */
export async function scsForArea(db: Db, areaId: number | null): Promise<User[]> {
  const rows = await scAssignmentsForArea(db, areaId);
  const seen = new Map<number, User>();
  for (const r of rows) if (r.user.roles.includes("sc")) seen.set(r.user.id, r.user);
  return [...seen.values()];
}

export async function revokeSc(db: Db, userRef: string): Promise<User | null> {
  const user = await userByIdOrLineId(db, userRef);
  if (!user) return null;
  await unassignSc(db, user, withRole(user, "sc", false));
  return user;
}
