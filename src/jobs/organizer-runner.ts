import { randomUUID } from "node:crypto";
import { claimOrganizerCheck, dueOrganizerChecks, finishOrganizerCheck, planOrganizerChecks, resourceById } from "../data/organizers.js";
import { userById } from "../data/users.js";
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
  await planOrganizerChecks(d.db, month.label);
  const due = await dueOrganizerChecks(d.db, month.label, new Date(t.getTime() - (d.staleClaimMs ?? 60_000)));
  let sent = 0;
  for (const c of due) {
    if (d.shouldStop?.()) break;
    const retryKey = c.retryKey ?? randomUUID();
    if (!(await claimOrganizerCheck(d.db, c, now(), retryKey))) continue;
    const [resource, user] = await Promise.all([resourceById(d.db, c.resourceId), userById(d.db, c.userId)]);
    if (!resource || !user?.following || resource.status === "ended") {
      await finishOrganizerCheck(d.db, c.id, "skipped", now());
      continue;
    }
    const result = await d.line.pushWithKey(user.lineUserId, checkMessages(resource.id, resource.name, month.label, datesInMonth(ruleOf(resource), month, d.timeZone)), retryKey);
    await finishOrganizerCheck(d.db, c.id, result.ok ? "sent" : "failed", now());
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
