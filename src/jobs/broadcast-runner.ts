import { broadcastById, claimNextChunk, closeBroadcast, dueBroadcasts, markBroadcastSending, markChunk } from "../data/broadcasts.js";
import type { Db } from "../data/client.js";
import { userById } from "../data/users.js";
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
export async function runBroadcast(d: RunnerDeps, broadcastId: number, now: () => Date): Promise<void> {
  const { db, line } = d;
  const b = await broadcastById(db, broadcastId);
  if (!b) return;
  const messages = JSON.parse(b.messages) as Message[];
  let first = true;
  for (;;) {
    if (d.shouldStop?.()) return;
    const t = now();
    const chunk = await claimNextChunk(db, b.id, t, new Date(t.getTime() - (d.staleClaimMs ?? DEFAULT_STALE_MS)));
    if (!chunk) break;
    if (!first && d.chunkIntervalMs) await (d.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(d.chunkIntervalMs);
    first = false;
    const recipients = JSON.parse(chunk.recipients) as string[];
    const result = await line.multicastWithKey(recipients, messages, chunk.retryKey);
    await markChunk(db, chunk.id, result.ok ? { ok: true, at: now() } : { ok: false, error: result.error?.message ?? "failed" });
  }
  await finish(d, b.id, now());
}

/** Closes the job once no chunk is left, and tells the SC who sent it (exactly one process does). */
async function finish(d: RunnerDeps, broadcastId: number, now: Date): Promise<void> {
  const { db, line } = d;
  const closed = await closeBroadcast(db, broadcastId, now);
  if (!closed) return;
  const { broadcast: b, delivered, failed } = closed;
  d.logger.info("broadcast finished", { broadcast: broadcastId, delivered, failed });
  const sc = b.createdBy ? await userById(db, b.createdBy) : null;
  if (sc?.following) {
    const body = failed
      ? `お知らせ（No.${b.id}）を${delivered}人に送りました。${failed}人には送れませんでした。時間をおいて、もう一度お試しください。`
      : `お知らせ（No.${b.id}）を${delivered}人に送りました。`;
    await line.push(sc.lineUserId, [text(body)]);
  }
}

/** Runs every announcement whose time has come; resumes ones a stop left half-sent. */
export async function runDueBroadcasts(d: RunnerDeps, now: () => Date): Promise<number> {
  const due = await dueBroadcasts(d.db, now());
  for (const b of due) {
    if (d.shouldStop?.()) break;
    await markBroadcastSending(d.db, b.id);
    await runBroadcast(d, b.id, now);
  }
  return due.length;
}
