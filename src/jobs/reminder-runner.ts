import { randomUUID } from "node:crypto";
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
  await db.reminder.updateMany({
    where: { status: { in: ["planned", "claimed"] }, OR: [{ meeting: { startsAt: { lte: t } } }, { meeting: { status: "cancelled" } }] },
    data: { status: "skipped" },
  });
  const stale = new Date(t.getTime() - (d.staleClaimMs ?? DEFAULT_STALE_MS));
  const due = await db.reminder.findMany({
    where: {
      OR: [{ status: "planned", dueAt: { lte: t } }, { status: "claimed", claimedAt: { lt: stale } }],
      meeting: { startsAt: { gt: t }, status: { not: "cancelled" } },
    },
    orderBy: { dueAt: "asc" },
    take: 1000,
  });
  // Several reminders of one meeting due at once (after downtime, or a meeting registered a
  // few days ahead): only the latest goes out, with a heading that fits; the others are skipped.
  const latest = new Map<string, (typeof due)[number]>();
  for (const r of due) {
    const k = `${r.meetingId}|${r.userId}`;
    const seen = latest.get(k);
    if (!seen || r.dueAt.getTime() > seen.dueAt.getTime()) latest.set(k, r);
  }
  const superseded = due.filter((r) => r.status === "planned" && latest.get(`${r.meetingId}|${r.userId}`) !== r).map((r) => r.id);
  if (superseded.length) await db.reminder.updateMany({ where: { id: { in: superseded }, status: "planned" }, data: { status: "skipped" } });
  let sent = 0;
  for (const r of due) {
    if (superseded.includes(r.id)) continue;
    if (d.shouldStop?.()) break;
    const retryKey = r.retryKey ?? randomUUID();
    const claimed = await db.reminder.updateMany({
      where: { id: r.id, status: r.status, claimedAt: r.claimedAt },
      data: { status: "claimed", claimedAt: now(), claimedBy: d.owner ?? null, retryKey },
    });
    if (claimed.count !== 1) continue;
    const [meeting, user] = await Promise.all([db.meeting.findUnique({ where: { id: r.meetingId } }), db.user.findUnique({ where: { id: r.userId } })]);
    if (!meeting || !user?.following) {
      await db.reminder.update({ where: { id: r.id }, data: { status: "skipped" } });
      continue;
    }
    const result = await d.line.pushWithKey(user.lineUserId, reminderMessages(meeting, d.timeZone, now()), retryKey);
    await db.reminder.update({ where: { id: r.id }, data: result.ok ? { status: "sent", sentAt: now() } : { status: "failed" } });
    if (result.ok) sent++;
  }
  if (sent) d.logger.info("reminders sent", { count: sent });
  return sent;
}
