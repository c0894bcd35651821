import type { Db } from "../data/client.js";
import { pruneOutbound } from "../data/outbox.js";

export { FAILED_EVENT_RETENTION_DAYS, HANDLED_EVENT_RETENTION_DAYS, pruneFinishedEvents as pruneHandledEvents } from "../data/events.js";

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
  return pruneOutbound(db, delivered, failed);
}
