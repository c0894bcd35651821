import { randomUUID } from "node:crypto";
import type { Db } from "../data/client.js";
import { REPLY_FLOW } from "../features/organizers/handler.js";
import { checkMessages } from "../features/organizers/messages.js";
import { datesInMonth, nextMonth, ruleOf } from "../features/organizers/service.js";
import { inQuietHours } from "../features/broadcasts/quiet.js";
import { saveState, loadState } from "../conversation/state-store.js";
import { CONTEXT_STEP } from "../conversation/types.js";
import type { LineGateway } from "../line/client.js";
import type { Logger } from "../log.js";
import { zonedParts } from "../schedule/time.js";

export interface OrganizerRunDeps {
  db: Db;
  line: LineGateway;
  logger: Logger;
  timeZone: string;
  check: { day: number; minutes: number };
  staleClaimMs?: number;
  shouldStop?: () => boolean;
}

/** How long a reply in words after a check is passed to the SC. */
const REPLY_WINDOW_MS = 7 * 86_400_000;

/**
 * The monthly check: from the configured day and time (default the 25th,
 * 10:00) each organiser gets, per activity, next month's dates and one-tap
 * answers. Each (activity, organiser, month) is planned once under a unique
 * key and claimed before it is sent with its stored retry key, so a restart or
 * a second process never sends it twice. Never during quiet hours: a check
 * that was due at night goes out the next morning.
 */
export async function runOrganizerChecks(d: OrganizerRunDeps, now: () => Date): Promise<number> {
  const t = now();
  const p = zonedParts(t, d.timeZone);
  if (p.d < d.check.day || (p.d === d.check.day && p.hour * 60 + p.minute < d.check.minutes)) return 0;
  if (inQuietHours(t, d.timeZone)) return 0;
  const month = nextMonth(t, d.timeZone);
  const links = await d.db.resourceOrganizer.findMany({ where: { resource: { status: { in: ["active", "paused"] } } }, select: { userId: true, resourceId: true } });
  const planned = new Set((await d.db.organizerCheck.findMany({ where: { month: month.label }, select: { resourceId: true, userId: true } })).map((c) => `${c.resourceId}|${c.userId}`));
  for (const l of links) {
    if (planned.has(`${l.resourceId}|${l.userId}`)) continue;
    // The unique key plans each check once, whichever process gets here first.
    await d.db.organizerCheck.create({ data: { resourceId: l.resourceId, userId: l.userId, month: month.label } }).catch(() => undefined);
  }
  const stale = new Date(t.getTime() - (d.staleClaimMs ?? 60_000));
  const due = await d.db.organizerCheck.findMany({
    where: { month: month.label, OR: [{ status: "planned" }, { status: "claimed", claimedAt: { lt: stale } }] },
    take: 500,
  });
  let sent = 0;
  for (const c of due) {
    if (d.shouldStop?.()) break;
    const retryKey = c.retryKey ?? randomUUID();
    const claimed = await d.db.organizerCheck.updateMany({ where: { id: c.id, status: c.status, claimedAt: c.claimedAt }, data: { status: "claimed", claimedAt: now(), retryKey } });
    if (claimed.count !== 1) continue;
    const [resource, user] = await Promise.all([d.db.resource.findUnique({ where: { id: c.resourceId } }), d.db.user.findUnique({ where: { id: c.userId } })]);
    if (!resource || !user?.following || resource.status === "ended") {
      await d.db.organizerCheck.update({ where: { id: c.id }, data: { status: "skipped" } });
      continue;
    }
    const result = await d.line.pushWithKey(user.lineUserId, checkMessages(resource.id, resource.name, month.label, datesInMonth(ruleOf(resource), month, d.timeZone)), retryKey);
    await d.db.organizerCheck.update({ where: { id: c.id }, data: result.ok ? { status: "sent", sentAt: now() } : { status: "failed" } });
    if (result.ok) {
      sent++;
      // A reply in words (not a button) goes to the SC for a week, unless they are in the middle of something.
      const current = await loadState(d.db, user.id, now());
      if (!current || current.expired || current.state.step === CONTEXT_STEP) {
        await saveState(d.db, user.id, { flow: REPLY_FLOW, step: CONTEXT_STEP, data: { r: resource.id } }, now(), REPLY_WINDOW_MS);
      }
    }
  }
  if (sent) d.logger.info("organiser checks sent", { count: sent });
  return sent;
}
