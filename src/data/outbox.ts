import { createHash, randomUUID } from "node:crypto";
import type { Db } from "./client.js";

/**
 * Pushes and multicasts, stored with their retry key before the first attempt,
 * so a send interrupted by a crash is resent with the same key (LINE accepts a
 * key once) and its bytes never change between attempts.
 */

export function storeOutbound(db: Db, kind: "push" | "multicast", target: string, payload: string) {
  return db.outboundMessage.create({
    data: { retryKey: randomUUID(), kind, target, payload, payloadHash: createHash("sha256").update(payload).digest("hex") },
  });
}

/** Sends still pending (the process stopped before finishing them), oldest first. */
export function pendingOutbound(db: Db) {
  return db.outboundMessage.findMany({ where: { status: "pending", kind: { in: ["push", "multicast"] } }, orderBy: { id: "asc" } });
}

export async function countOutboundAttempt(db: Db, id: number): Promise<void> {
  await db.outboundMessage.update({ where: { id }, data: { attempts: { increment: 1 } } });
}

export async function finishOutbound(db: Db, id: number, outcome: { ok: true; at: Date } | { ok: false; error?: string; requestId?: string }): Promise<void> {
  await db.outboundMessage.update({
    where: { id },
    data: outcome.ok ? { status: "sent", sentAt: outcome.at, lastError: null } : { status: "failed", lastError: outcome.error, requestId: outcome.requestId },
  });
}

/** Forgets delivered sends made before `delivered` and failed ones made before `failed`; returns how many. */
export async function pruneOutbound(db: Db, delivered: Date, failed: Date): Promise<number> {
  const r = await db.outboundMessage.deleteMany({ where: { OR: [{ status: "sent", createdAt: { lt: delivered } }, { status: "failed", createdAt: { lt: failed } }] } });
  return r.count;
}
