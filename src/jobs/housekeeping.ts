import { sqliteTimestamp, sqlOf, type Db } from "../db/client.js";

/**
 * How long a handled webhook event is remembered. LINE redelivers an event
 * only for a short while after it failed; a week is far past that, and
 * without pruning the table would gain a row for every message forever.
 */
export const HANDLED_EVENT_RETENTION_DAYS = 7;

const BATCH = 1000;

/**
 * Forgets handled webhook events older than the retention, a batch per
 * transaction so webhooks arriving meanwhile never wait long. Events not yet
 * handled are kept whatever their age. Returns how many were removed.
 */
/** Failed events (kind and time only, no payload) are kept longer, for the failure report. */
export const FAILED_EVENT_RETENTION_DAYS = 30;

export async function pruneHandledEvents(db: Db, now: Date, keepDays = HANDLED_EVENT_RETENTION_DAYS): Promise<number> {
  const sql = sqlOf(db);
  const cutoff = sqliteTimestamp(new Date(now.getTime() - keepDays * 86_400_000));
  const failedCutoff = sqliteTimestamp(new Date(now.getTime() - Math.max(keepDays, FAILED_EVENT_RETENTION_DAYS) * 86_400_000));
  let removed = 0;
  for (;;) {
    const n = await sql.write(() =>
      sql.run(
        `DELETE FROM "ProcessedEvent" WHERE rowid IN (SELECT rowid FROM "ProcessedEvent" WHERE ("status" = 'done' AND "receivedAt" < ?) OR ("status" = 'failed' AND "receivedAt" < ?) LIMIT ${BATCH})`,
        cutoff,
        failedCutoff,
      ),
    );
    removed += n;
    if (n < BATCH) return removed;
  }
}

/**
 * Stored outbound payloads carry names, phone numbers and the recipients' ids.
 * Kept only while they may need resending: a delivered one for a day, a failed
 * one for a week (for the report of failures), then deleted.
 */
export const DELIVERED_PAYLOAD_RETENTION_HOURS = 24;
export const FAILED_PAYLOAD_RETENTION_DAYS = 7;

export async function pruneOutboundPayloads(db: Db, now: Date): Promise<number> {
  const delivered = new Date(now.getTime() - DELIVERED_PAYLOAD_RETENTION_HOURS * 3_600_000);
  const failed = new Date(now.getTime() - FAILED_PAYLOAD_RETENTION_DAYS * 86_400_000);
  const r = await db.outboundMessage.deleteMany({
    where: { OR: [{ status: "sent", createdAt: { lt: delivered } }, { status: "failed", createdAt: { lt: failed } }] },
  });
  return r.count;
}
