import type { Db } from "../../data/client.js";
import { forgetShapes } from "../../data/shape-cache.js";
import type { User } from "../../generated/prisma/client.js";
import { nextOccurrences, type Occurrence } from "../../schedule/occurrences.js";
import { parseSchedule } from "../../schedule/parse.js";
import { parseExceptions, withExceptions, type Exceptions, type ScheduleRule } from "../../schedule/rule.js";
import { daysInMonth, isoDate, zonedInstant, zonedParts, type PlainDate } from "../../schedule/time.js";
import { withRole } from "../../users/service.js";
import { audit, INVITATION_TTL_MS, newCode, scScope } from "../roles/service.js";

/**
 * Organisers keep their own listings true: an SC invites them for one or more
 * resources, they confirm next month's dates once a month, and what they say
 * becomes per-date exceptions on the resource (days off, moved days, a pause,
 * the end) that every reader of dates applies.
 */

export async function createOrganizerInvitation(db: Db, o: { resourceIds: number[]; createdBy: number | null; now: Date }): Promise<{ code: string; expiresAt: Date }> {
  const code = newCode();
  const expiresAt = new Date(o.now.getTime() + INVITATION_TTL_MS);
  await db.invitation.create({ data: { code, role: "organizer", layer: 0, resourceIds: JSON.stringify(o.resourceIds), createdBy: o.createdBy, expiresAt } });
  await audit(db, o.createdBy, "organizer.invite", { resources: o.resourceIds });
  return { code, expiresAt };
}

export type OrganizerClaim = { ok: true; resources: { id: number; name: string }[] } | { ok: false; reason: "invalid" | "expired" | "used" };

export async function claimOrganizerInvitation(db: Db, user: User, rawCode: string, now: Date): Promise<OrganizerClaim> {
  const inv = await db.invitation.findUnique({ where: { code: rawCode.trim().toUpperCase() } });
  if (!inv || inv.role !== "organizer" || inv.revokedAt) return { ok: false, reason: "invalid" };
  if (inv.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  if (inv.claimedAt && inv.claimedBy !== user.id) return { ok: false, reason: "used" };
  const claimed = await db.invitation.updateMany({ where: { id: inv.id, OR: [{ claimedAt: null }, { claimedBy: user.id }] }, data: { claimedAt: now, claimedBy: user.id } });
  if (claimed.count !== 1) return { ok: false, reason: "used" };
  const ids = JSON.parse(inv.resourceIds) as number[];
  const resources = await db.resource.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  for (const r of resources) {
    await db.resourceOrganizer.upsert({ where: { userId_resourceId: { userId: user.id, resourceId: r.id } }, create: { userId: user.id, resourceId: r.id }, update: {} });
  }
  await db.user.update({ where: { id: user.id }, data: { roles: withRole(user, "organizer", true) } });
  await audit(db, user.id, "organizer.claim", { resources: resources.map((r) => r.id) });
  return { ok: true, resources };
}

/** The listings this person organises (not ended). */
export async function organizedResources(db: Db, userId: number) {
  return db.resource.findMany({ where: { organizers: { some: { userId } }, status: { not: "ended" } }, orderBy: { name: "asc" } });
}

export async function isOrganizerOf(db: Db, userId: number, resourceId: number): Promise<boolean> {
  return (await db.resourceOrganizer.count({ where: { userId, resourceId } })) === 1;
}

/** Resources an SC may invite organisers for: their areas (layer 1: all), by a part of the name. */
export async function resourcesForSc(db: Db, scUserId: number, nameLike: string) {
  const scope = await scScope(db, scUserId);
  return db.resource.findMany({
    where: { name: { contains: nameLike }, status: { not: "ended" }, ...(scope.layer1 ? {} : { areaId: { in: scope.areaIds } }) },
    orderBy: { name: "asc" },
    take: 10,
  });
}

/** The month after `now` (YYYY-MM) and its first and last day. */
export function nextMonth(now: Date, timeZone: string): { label: string; first: PlainDate; last: PlainDate } {
  const p = zonedParts(now, timeZone);
  const y = p.m === 12 ? p.y + 1 : p.y;
  const m = p.m === 12 ? 1 : p.m + 1;
  return { label: `${y}-${String(m).padStart(2, "0")}`, first: { y, m, d: 1 }, last: { y, m, d: daysInMonth(y, m) } };
}

/** A month's dates of a resource as the bot computes them (exceptions applied). */
export function datesInMonth(rule: ScheduleRule | null, month: { first: PlainDate; last: PlainDate }, timeZone: string): Occurrence[] {
  if (!rule) return [];
  const from = zonedInstant(month.first, 0, 0, timeZone);
  return nextOccurrences(rule, from, timeZone, 31, 40).filter((o) => isoDate(o.date) <= isoDate(month.last));
}

export function ruleOf(r: { scheduleRule: string | null }): ScheduleRule | null {
  return r.scheduleRule ? (JSON.parse(r.scheduleRule) as ScheduleRule) : null;
}

export type Change =
  | { kind: "confirm" }
  | { kind: "closed"; dates: string[] }
  | { kind: "moved"; from: string; to: string }
  | { kind: "pause"; until: string }
  | { kind: "resume" }
  | { kind: "end" };

/**
 * What an organiser (or SC) said, written on the resource: its exceptions
 * folded into the rule, 最終確認日 set, the status for a pause without an end
 * or the end. Returns whether the resource became active again.
 */
export async function applyChange(db: Db, resourceId: number, change: Change, actorId: number | null, now: Date): Promise<{ resumed: boolean }> {
  const r = await db.resource.findUniqueOrThrow({ where: { id: resourceId } });
  const e: Exceptions = parseExceptions(r.exceptions);
  let status = r.status;
  if (change.kind === "closed") e.cancelled = [...new Set([...(e.cancelled ?? []), ...change.dates])].sort();
  if (change.kind === "moved") e.moved = [...(e.moved ?? []).filter((m) => m.from !== change.from), { from: change.from, to: change.to }];
  if (change.kind === "pause") {
    if (change.until) e.pausedUntil = change.until;
    else status = "paused";
  }
  if (change.kind === "resume") {
    delete e.pausedUntil;
    status = "active";
  }
  if (change.kind === "end") status = "ended";
  const base = r.scheduleText ? parseSchedule(r.scheduleText) : null;
  const rule = base && base.pattern !== "none" ? withExceptions(base, e) : base;
  const resumed = status === "active" && r.status !== "active";
  await db.resource.update({
    where: { id: resourceId },
    data: {
      exceptions: JSON.stringify(e),
      scheduleRule: rule ? JSON.stringify(rule) : r.scheduleRule,
      status,
      lastVerifiedAt: now,
      staleFlaggedAt: null,
      ...(resumed ? { activatedAt: now } : {}),
    },
  });
  forgetShapes(db);
  await audit(db, actorId, `resource.${change.kind}`, { resource: resourceId });
  return { resumed };
}
