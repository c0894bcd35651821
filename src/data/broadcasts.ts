import { randomUUID } from "node:crypto";
import type { Db } from "./client.js";

/**
 * Announcements and their chunks (≤ 500 recipients each). Every chunk is
 * claimed by a conditional update before it is sent: the claim matches only
 * the row as it was read, so of two processes (or a restarted one) exactly one
 * gets it; on PostgreSQL the second waits for the first's row lock and then
 * matches nothing.
 */

export function broadcastById(db: Db, id: number) {
  return db.broadcast.findUnique({ where: { id } });
}

/** The next chunk to send (pending, or claimed by a sender that stopped before `stale`), claimed for this one. */
export async function claimNextChunk(db: Db, broadcastId: number, now: Date, stale: Date) {
  for (;;) {
    const next = await db.broadcastChunk.findFirst({
      where: { broadcastId, OR: [{ status: "pending" }, { status: "sending", claimedAt: { lt: stale } }] },
      orderBy: { index: "asc" },
    });
    if (!next) return null;
    const claimed = await db.broadcastChunk.updateMany({
      where: { id: next.id, status: next.status, claimedAt: next.claimedAt },
      data: { status: "sending", claimedAt: now, attempts: { increment: 1 } },
    });
    if (claimed.count === 1) return next;
  }
}

export async function markChunk(db: Db, chunkId: number, outcome: { ok: true; at: Date } | { ok: false; error: string }): Promise<void> {
  await db.broadcastChunk.update({
    where: { id: chunkId },
    data: outcome.ok ? { status: "sent", sentAt: outcome.at, lastError: null } : { status: "failed", lastError: outcome.error },
  });
}

/**
 * Closes an announcement whose chunks are all finished, with its counts. Null while chunks
 * remain, or when another process closed it first (exactly one closes it, and tells the SC).
 */
export async function closeBroadcast(db: Db, broadcastId: number, now: Date) {
  const open = await db.broadcastChunk.count({ where: { broadcastId, status: { in: ["pending", "sending"] } } });
  if (open > 0) return null;
  const chunks = await db.broadcastChunk.findMany({ where: { broadcastId } });
  const count = (status: string) => chunks.filter((c) => c.status === status).reduce((n, c) => n + (JSON.parse(c.recipients) as string[]).length, 0);
  const delivered = count("sent");
  const failed = count("failed");
  const closed = await db.broadcast.updateMany({
    where: { id: broadcastId, status: { in: ["queued", "sending"] } },
    data: { status: failed ? "failed" : "done", deliveredCount: delivered, completedAt: now },
  });
  if (closed.count !== 1) return null;
  return { broadcast: await db.broadcast.findUniqueOrThrow({ where: { id: broadcastId } }), delivered, failed };
}

/** Announcements whose time has come, and ones a stop left half-sent. */
export function dueBroadcasts(db: Db, now: Date) {
  return db.broadcast.findMany({ where: { status: { in: ["queued", "sending"] }, scheduledAt: { lte: now } }, orderBy: { id: "asc" } });
}

export async function markBroadcastSending(db: Db, id: number): Promise<void> {
  await db.broadcast.updateMany({ where: { id, status: "queued" }, data: { status: "sending" } });
}

export interface NewBroadcast {
  createdBy: number | null;
  /** JSON. */
  audience: string;
  messages: string;
  messageHash: string;
  urgent: boolean;
  scheduledAt: Date;
  /** LINE user ids, chunk by chunk (≤ 500 each). */
  chunks: string[][];
  /** What the audit log keeps (never the text). */
  auditDetail: object;
}

/** An announcement, its chunks (each with its retry key) and its audit entry, in one transaction. */
export function insertBroadcast(db: Db, b: NewBroadcast) {
  return db.$transaction(async (tx) => {
    const row = await tx.broadcast.create({
      data: {
        createdBy: b.createdBy,
        audience: b.audience,
        messages: b.messages,
        messageHash: b.messageHash,
        urgent: b.urgent,
        scheduledAt: b.scheduledAt,
        status: "queued",
        recipientsCount: b.chunks.reduce((n, c) => n + c.length, 0),
      },
    });
    for (const [index, ids] of b.chunks.entries()) {
      await tx.broadcastChunk.create({ data: { broadcastId: row.id, index, recipients: JSON.stringify(ids), retryKey: randomUUID() } });
    }
    await tx.auditLog.create({ data: { actorId: b.createdBy, action: "broadcast.create", detail: JSON.stringify({ broadcast: row.id, ...b.auditDetail }) } });
    return row;
  });
}

/** LINE ids of people following the account and not opted out: residents, active volunteers or 協議体 members of these areas. */
export async function announcementRecipients(db: Db, role: "residents" | "volunteers" | "council", areaIds: number[]): Promise<string[]> {
  const base = { following: true, announcementsOptOut: false };
  const where =
    role === "residents"
      ? { ...base, homeAreaId: { in: areaIds } }
      : role === "volunteers"
        ? { ...base, volunteer: { status: "active", areas: { some: { areaId: { in: areaIds } } } } }
        : { ...base, councilMembers: { some: { areaId: { in: areaIds } } } };
  return (await db.user.findMany({ where, select: { lineUserId: true } })).map((u) => u.lineUserId);
}
