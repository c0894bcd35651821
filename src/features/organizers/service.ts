import type { Db } from "../../data/client.js";
import { invitationByCode } from "../../data/meetings.js";
import {
  claimOrganizerInvitationRow,
  createOrganizerInvitationRow,
  isOrganizerOf,
  linkOrganizer,
  organizedResources,
  resourceByIdOrThrow,
  resourcesNamed,
  writeListingChange,
} from "../../data/organizers.js";
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
  await createOrganizerInvitationRow(db, code, o.resourceIds, o.createdBy, expiresAt);
  await audit(db, o.createdBy, "organizer.invite", { resources: o.resourceIds });
  return { code, expiresAt };
}

export type OrganizerClaim = { ok: true; resources: { id: number; name: string }[] } | { ok: false; reason: "invalid" | "expired" | "used" };

export async function claimOrganizerInvitation(db: Db, user: User, rawCode: string, now: Date): Promise<OrganizerClaim> {
  const inv = await invitationByCode(db, rawCode.trim().toUpperCase());
  if (!inv || inv.role !== "organizer" || inv.revokedAt) return { ok: false, reason: "invalid" };
  if (inv.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  if (inv.claimedAt && inv.claimedBy !== user.id) return { ok: false, reason: "used" };
  if (!(await claimOrganizerInvitationRow(db, inv.id, user.id, now))) return { ok: false, reason: "used" };
  const resources = await linkOrganizer(db, user.id, JSON.parse(inv.resourceIds) as number[], withRole(user, "organizer", true));
  await audit(db, user.id, "organizer.claim", { resources: resources.map((r) => r.id) });
  return { ok: true, resources };
}

export { isOrganizerOf, organizedResources };

/** Resources an SC may invite organisers for: their areas (layer 1: all), by a part of the name. */
export async function resourcesForSc(db: Db, scUserId: number, nameLike: string) {
  const scope = await scScope(db, scUserId);
  return resourcesNamed(db, nameLike, scope.layer1 ? null : scope.areaIds);
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
  const r = await resourceByIdOrThrow(db, resourceId);
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
  await writeListingChange(db, resourceId, { exceptions: JSON.stringify(e), scheduleRule: rule ? JSON.stringify(rule) : r.scheduleRule, status, at: now, activated: resumed });
  forgetShapes(db);
  await audit(db, actorId, `resource.${change.kind}`, { resource: resourceId });
  return { resumed };
}
