import { randomUUID } from "node:crypto";
import { meetingById } from "../data/meetings.js";
import { claimReminder, dueReminders, finishReminder, skipPastReminders, skipReminders } from "../data/reminders.js";
import { userById } from "../data/users.js";
import type { Db } from "../data/client.js";
import type { LineGateway } from "../line/client.js";
import type { Logger } from "../log.js";
import { reminderMessages } from "../features/meetings/messages.js";

export interface ReminderDeps {
  db: Db;
  line: LineGateway;
  logger: Logger;
  timeZone: string;
  staleClaimMs?: number;
  /** Who claims (one id per process), for the log. */
  owner?: string;
  shouldStop?: () => boolean;
}

const DEFAULT_STALE_MS = 60_000;

/**
 * Sends every reminder whose time has come, exactly once: each (meeting,
 * recipient, slot) row is claimed before sending and always sent with its
 * stored retry key, so a restart between claim and send, or a second
 * scheduler on the same database, never sends it twice. After downtime,
 * missed reminders still go out while the meeting has not started; never after.
 */
export async function runDueReminders(d: ReminderDeps, now: () => Date): Promise<number> {
  const { db } = d;
  const t = now();
  await skipPastReminders(db, t);
  const due = await dueReminders(db, t, new Date(t.getTime() - (d.staleClaimMs ?? DEFAULT_STALE_MS)));
  // Several reminders of one meeting due at once (after downtime, or a meeting registered a
  // few days ahead): only the latest goes out, with a heading that fits; the others are skipped.
  const latest = new Map<string, (typeof due)[number]>();
  for (const r of due) {
    const k = `${r.meetingId}|${r.userId}`;
    const seen = latest.get(k);
    if (!seen || r.dueAt.getTime() > seen.dueAt.getTime()) latest.set(k, r);
  }
  const superseded = due.filter((r) => r.status === "planned" && latest.get(`${r.meetingId}|${r.userId}`) !== r).map((r) => r.id);
  await skipReminders(db, superseded);
  let sent = 0;
  for (const r of due) {
    if (superseded.includes(r.id)) continue;
    if (d.shouldStop?.()) break;
    const retryKey = r.retryKey ?? randomUUID();
    if (!(await claimReminder(db, r, { at: now(), owner: d.owner ?? null, retryKey }))) continue;
    const [meeting, user] = await Promise.all([meetingById(db, r.meetingId), userById(db, r.userId)]);
    if (!meeting || !user?.following) {
      await finishReminder(db, r.id, "skipped", now());
      continue;
    }
    const result = await d.line.pushWithKey(user.lineUserId, reminderMessages(meeting, d.timeZone, now()), retryKey);
    await finishReminder(db, r.id, result.ok ? "sent" : "failed", now());
    if (result.ok) sent++;
  }
  if (sent) d.logger.info("reminders sent", { count: sent });
  return sent;
}
