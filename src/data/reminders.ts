import type { Db } from "./client.js";

/**
 * Meeting reminders, one row per (meeting, recipient, slot), each claimed by a
 * conditional update before it is sent (see broadcasts.ts for why that makes
 * it exactly once across processes).
 */

/** Reminders of meetings that started or were cancelled will never go out. */
export async function skipPastReminders(db: Db, now: Date): Promise<void> {
  await db.reminder.updateMany({
    where: { status: { in: ["planned", "claimed"] }, OR: [{ meeting: { startsAt: { lte: now } } }, { meeting: { status: "cancelled" } }] },
    data: { status: "skipped" },
  });
}

/** Reminders due now, or claimed by a sender that stopped before `stale`, of meetings still ahead. */
export function dueReminders(db: Db, now: Date, stale: Date, take = 1000) {
  return db.reminder.findMany({
    where: {
      OR: [{ status: "planned", dueAt: { lte: now } }, { status: "claimed", claimedAt: { lt: stale } }],
      meeting: { startsAt: { gt: now }, status: { not: "cancelled" } },
    },
    orderBy: { dueAt: "asc" },
    take,
  });
}

export async function skipReminders(db: Db, ids: number[]): Promise<void> {
  if (ids.length) await db.reminder.updateMany({ where: { id: { in: ids }, status: "planned" }, data: { status: "skipped" } });
}

/** Claims a reminder as it was read; false when another sender got it first. */
export async function claimReminder(
  db: Db,
  r: { id: number; status: string; claimedAt: Date | null },
  o: { at: Date; owner: string | null; retryKey: string },
): Promise<boolean> {
  const claimed = await db.reminder.updateMany({ where: { id: r.id, status: r.status, claimedAt: r.claimedAt }, data: { status: "claimed", claimedAt: o.at, claimedBy: o.owner, retryKey: o.retryKey } });
  return claimed.count === 1;
}

export async function finishReminder(db: Db, id: number, status: "sent" | "failed" | "skipped", at: Date): Promise<void> {
  await db.reminder.update({ where: { id }, data: status === "sent" ? { status, sentAt: at } : { status } });
}
