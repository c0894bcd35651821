import type { Db } from "../data/client.js";
import type { LineGateway } from "../line/client.js";
import { text, type Message } from "../line/messages.js";
import type { Logger } from "../log.js";

export interface RunnerDeps {
  db: Db;
  line: LineGateway;
  logger: Logger;
  /** Pause between multicast calls, to stay under LINE's rate limit. */
  chunkIntervalMs?: number;
  /** A chunk claimed longer ago than this by a sender that never finished it (a crash) is taken over. */
  staleClaimMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** True once a graceful shutdown began: the chunk in hand is finished, no new one started. */
  shouldStop?: () => boolean;
}

const DEFAULT_STALE_MS = 60_000;

/**
 * Sends one chunk at a time. Each chunk is claimed in the database before it
 * is sent (so two processes never send the same chunk) and always goes out
 * with its stored retry key (so a chunk resent after a crash is not delivered twice).
 */
async function claimNextChunk(db: Db, broadcastId: number, now: Date, staleMs: number) {
  const stale = new Date(now.getTime() - staleMs);
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

export async function runBroadcast(d: RunnerDeps, broadcastId: number, now: () => Date): Promise<void> {
  const { db, line } = d;
  const b = await db.broadcast.findUnique({ where: { id: broadcastId } });
  if (!b) return;
  const messages = JSON.parse(b.messages) as Message[];
  let first = true;
  for (;;) {
    if (d.shouldStop?.()) return;
    const chunk = await claimNextChunk(db, b.id, now(), d.staleClaimMs ?? DEFAULT_STALE_MS);
    if (!chunk) break;
    if (!first && d.chunkIntervalMs) await (d.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(d.chunkIntervalMs);
    first = false;
    const recipients = JSON.parse(chunk.recipients) as string[];
    const result = await line.multicastWithKey(recipients, messages, chunk.retryKey);
    await db.broadcastChunk.update({
      where: { id: chunk.id },
      data: result.ok ? { status: "sent", sentAt: now(), lastError: null } : { status: "failed", lastError: result.error?.message ?? "failed" },
    });
  }
  await finish(d, b.id, now());
}

/** Closes the job once no chunk is left, and tells the SC who sent it (exactly one process does). */
async function finish(d: RunnerDeps, broadcastId: number, now: Date): Promise<void> {
  const { db, line } = d;
  const open = await db.broadcastChunk.count({ where: { broadcastId, status: { in: ["pending", "sending"] } } });
  if (open > 0) return;
  const chunks = await db.broadcastChunk.findMany({ where: { broadcastId } });
  const count = (status: string) => chunks.filter((c) => c.status === status).reduce((n, c) => n + (JSON.parse(c.recipients) as string[]).length, 0);
  const delivered = count("sent");
  const failed = count("failed");
  const closed = await db.broadcast.updateMany({
    where: { id: broadcastId, status: { in: ["queued", "sending"] } },
    data: { status: failed ? "failed" : "done", deliveredCount: delivered, completedAt: now },
  });
  if (closed.count !== 1) return;
  const b = await db.broadcast.findUniqueOrThrow({ where: { id: broadcastId } });
  d.logger.info("broadcast finished", { broadcast: broadcastId, delivered, failed });
  const sc = b.createdBy ? await db.user.findUnique({ where: { id: b.createdBy } }) : null;
  if (sc?.following) {
    const body = failed
      ? `お知らせ（No.${b.id}）を${delivered}人に送りました。${failed}人には送れませんでした。時間をおいて、もう一度お試しください。`
      : `お知らせ（No.${b.id}）を${delivered}人に送りました。`;
    await line.push(sc.lineUserId, [text(body)]);
  }
}

/** Runs every announcement whose time has come; resumes ones a stop left half-sent. */
export async function runDueBroadcasts(d: RunnerDeps, now: () => Date): Promise<number> {
  const due = await d.db.broadcast.findMany({ where: { status: { in: ["queued", "sending"] }, scheduledAt: { lte: now() } }, orderBy: { id: "asc" } });
  for (const b of due) {
    if (d.shouldStop?.()) break;
    await d.db.broadcast.updateMany({ where: { id: b.id, status: "queued" }, data: { status: "sending" } });
    await runBroadcast(d, b.id, now);
  }
  return due.length;
}
