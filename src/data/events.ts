import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./client.js";
import { execute, isPostgres, queryRows, type SqlValue } from "./hot.js";

/**
 * The life of a webhook event, all in one place:
 * recorded (received) → handled (done) | failed (with the error's kind) →
 * forgotten after the retention. The payload is kept only until the event is
 * finished, so an event accepted before a crash is handled after the restart.
 */

export interface IncomingEvent {
  key: string;
  type: string;
  redelivery: boolean;
  payload: string;
  /** The LINE user, group or room whose events are handled in order. */
  sourceKey?: string;
  /** LINE's timestamp of the event. */
  occurredAt?: Date | null;
}

/**
 * Records a body's events in one statement (all or none: on failure the
 * webhook answers 5xx and LINE redelivers). Returns the keys that were new: a
 * redelivery, a duplicate POST or the same event reaching another instance is
 * recorded once, by the primary key, whichever process gets there first.
 */
export async function recordEvents(db: Db, events: IncomingEvent[], now: Date): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  // One statement for the whole body (atomic without a transaction: all of its events are recorded, or
  // none and LINE redelivers). ON CONFLICT … DO NOTHING RETURNING, as SQLite and PostgreSQL both write it,
  // both records the events and names the new ones. A body's events are a millisecond apart: their
  // order in the body breaks ties between equal LINE timestamps.
  const args: SqlValue[] = [];
  events.forEach((e, i) => args.push(e.key, e.type.slice(0, 40), e.redelivery, e.payload, new Date(now.getTime() + i), e.sourceKey ?? "", e.occurredAt ?? null));
  const rows = await queryRows<{ webhookEventId: string }>(
    db,
    `INSERT INTO "ProcessedEvent" ("webhookEventId", "type", "status", "redelivery", "payload", "receivedAt", "sourceKey", "occurredAt")
     VALUES ${events.map(() => "(?, ?, 'received', ?, ?, ?, ?, ?)").join(", ")} ON CONFLICT ("webhookEventId") DO NOTHING RETURNING "webhookEventId"`,
    args,
  );
  return new Set(rows.map((r) => r.webhookEventId));
}

export type EventOutcome = { status: "done" } | { status: "failed"; errorKind: string };

/** Handled or failed: the payload (personal text) is dropped either way; a failure keeps only its kind. */
export async function finishEvent(db: Db, key: string, outcome: EventOutcome, now: Date): Promise<void> {
  const errorKind = outcome.status === "failed" ? outcome.errorKind.slice(0, 80) : null;
  await execute(db, `UPDATE "ProcessedEvent" SET "status" = ?, "errorKind" = ?, "payload" = NULL, "finishedAt" = ? WHERE "webhookEventId" = ?`, [outcome.status, errorKind, now, key]);
}

/** Events accepted but never finished (the process stopped), oldest first. */
export async function unfinishedEvents(db: Db): Promise<{ key: string; payload: string }[]> {
  const rows = await db.processedEvent.findMany({
    where: { status: "received", payload: { not: null } },
    orderBy: { receivedAt: "asc" },
    select: { webhookEventId: true, payload: true },
  });
  return rows.map((r) => ({ key: r.webhookEventId, payload: r.payload! }));
}

/**
 * Takes (or renews) the lease on a source's events for `owner` until
 * `expiresAt`; false while another process holds an unexpired one. One
 * statement, so two processes can never both get it.
 */
async function takeSourceLease(db: Db, sourceKey: string, owner: string, now: Date, expiresAt: Date): Promise<boolean> {
  const n = await db.$executeRaw`INSERT INTO "SourceLease" ("sourceKey", "owner", "expiresAt") VALUES (${sourceKey}, ${owner}, ${expiresAt})
    ON CONFLICT ("sourceKey") DO UPDATE SET "owner" = excluded."owner", "expiresAt" = excluded."expiresAt"
    WHERE "SourceLease"."expiresAt" < ${now} OR "SourceLease"."owner" = excluded."owner"`;
  return n === 1;
}

async function releaseSourceLease(db: Db, sourceKey: string, owner: string): Promise<void> {
  await db.sourceLease.deleteMany({ where: { sourceKey, owner } });
}

/** The source's oldest event not yet handled (by LINE's time, then arrival). */
async function nextEventOf(db: Db, sourceKey: string): Promise<{ key: string; payload: string | null } | null> {
  const row = await db.processedEvent.findFirst({
    where: { sourceKey, status: "received" },
    orderBy: [{ occurredAt: "asc" }, { receivedAt: "asc" }, { webhookEventId: "asc" }],
    select: { webhookEventId: true, payload: true },
  });
  return row ? { key: row.webhookEventId, payload: row.payload } : null;
}

/**
 * One turn of a source's lease: take it (when free, lapsed or already ours)
 * and read the source's oldest waiting event. On PostgreSQL, where each
 * round trip is what an event costs most, one statement (a data-modifying
 * WITH); on SQLite, which has none, the two statements above.
 */
export async function takeSourceTurn(db: Db, sourceKey: string, owner: string, now: Date, expiresAt: Date): Promise<{ took: boolean; next: { key: string; payload: string | null } | null }> {
  if (!isPostgres(db)) {
    if (!(await takeSourceLease(db, sourceKey, owner, now, expiresAt))) return { took: false, next: null };
    return { took: true, next: await nextEventOf(db, sourceKey) };
  }
  const [row] = await queryRows<{ took: number; key: string | null; payload: string | null }>(
    db,
    `WITH "taken" AS (
       INSERT INTO "SourceLease" ("sourceKey", "owner", "expiresAt") VALUES (?, ?, ?)
       ON CONFLICT ("sourceKey") DO UPDATE SET "owner" = excluded."owner", "expiresAt" = excluded."expiresAt"
       WHERE "SourceLease"."expiresAt" < ? OR "SourceLease"."owner" = excluded."owner"
       RETURNING 1)
     SELECT (SELECT count(*) FROM "taken")::int AS "took", "e"."webhookEventId" AS "key", "e"."payload" AS "payload"
     FROM (SELECT 1) AS "one" LEFT JOIN LATERAL (
       SELECT "webhookEventId", "payload" FROM "ProcessedEvent" WHERE "sourceKey" = ? AND "status" = 'received'
       ORDER BY "occurredAt" ASC, "receivedAt" ASC, "webhookEventId" ASC LIMIT 1) AS "e" ON true`,
    [sourceKey, owner, expiresAt, now, sourceKey],
  );
  const took = Number(row?.took ?? 0) === 1;
  return { took, next: took && row?.key ? { key: row.key, payload: row.payload } : null };
}

/**
 * Ends a turn: gives the lease back and says whether the source still has
 * events waiting (recorded meanwhile, here or by another process that gave
 * way to this one). One statement on PostgreSQL, two on SQLite.
 */
export async function endSourceTurn(db: Db, sourceKey: string, owner: string): Promise<boolean> {
  if (!isPostgres(db)) {
    await releaseSourceLease(db, sourceKey, owner);
    // Whether one is waiting, without reading its payload.
    return (await db.processedEvent.findFirst({ where: { sourceKey, status: "received" }, select: { webhookEventId: true } })) !== null;
  }
  const [row] = await queryRows<{ more: boolean }>(
    db,
    `WITH "released" AS (DELETE FROM "SourceLease" WHERE "sourceKey" = ? AND "owner" = ? RETURNING 1)
     SELECT EXISTS (SELECT 1 FROM "ProcessedEvent" WHERE "sourceKey" = ? AND "status" = 'received') AS "more"`,
    [sourceKey, owner, sourceKey],
  );
  return row?.more === true;
}

/** Sources with events waiting since before `before` (their process stopped, or their lease lapsed). */
export async function sourcesWithWaitingEvents(db: Db, before: Date): Promise<string[]> {
  const rows = await db.processedEvent.findMany({ where: { status: "received", receivedAt: { lt: before } }, distinct: ["sourceKey"], select: { sourceKey: true }, take: 1000 });
  return rows.map((r) => r.sourceKey);
}

export async function countFailedEventsSince(db: Db, since: Date): Promise<number> {
  return db.processedEvent.count({ where: { status: "failed", receivedAt: { gte: since } } });
}

/** The failure report: kinds and event types with counts and the latest time, never content. */
export async function failedEventSummary(db: Db): Promise<{ errorKind: string | null; type: string; count: number; latest: Date | null }[]> {
  const rows = await db.processedEvent.groupBy({ by: ["errorKind", "type"], where: { status: "failed" }, _count: { _all: true }, _max: { receivedAt: true } });
  return rows.map((r) => ({ errorKind: r.errorKind, type: r.type, count: r._count._all, latest: r._max.receivedAt }));
}

/**
 * How long a handled webhook event is remembered. LINE redelivers an event
 * only for a short while after it failed; a week is far past that, and
 * without pruning the table would gain a row for every message forever.
 */
export const HANDLED_EVENT_RETENTION_DAYS = 7;
/** Failed events (kind and time only, no payload) are kept longer, for the failure report. */
export const FAILED_EVENT_RETENTION_DAYS = 30;

const PRUNE_BATCH = 1000;

/**
 * Forgets finished events older than the retention, a batch per statement so
 * webhooks arriving meanwhile never wait long. Events not yet handled are kept
 * whatever their age. Returns how many were removed.
 */
export async function pruneFinishedEvents(db: Db, now: Date, keepDays = HANDLED_EVENT_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - keepDays * 86_400_000);
  const failedCutoff = new Date(now.getTime() - Math.max(keepDays, FAILED_EVENT_RETENTION_DAYS) * 86_400_000);
  let removed = 0;
  for (;;) {
    const n = await db.$executeRaw`DELETE FROM "ProcessedEvent" WHERE "webhookEventId" IN (SELECT "webhookEventId" FROM "ProcessedEvent" WHERE ("status" = 'done' AND "receivedAt" < ${cutoff}) OR ("status" = 'failed' AND "receivedAt" < ${failedCutoff}) LIMIT ${Prisma.raw(String(PRUNE_BATCH))})`;
    removed += n;
    if (n < PRUNE_BATCH) return removed;
  }
}

/** True when the database answers. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
