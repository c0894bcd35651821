import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Db } from "../data/client.js";
import { endSourceTurn, finishEvent, sourcesWithWaitingEvents, takeSourceTurn, unfinishedEvents, type EventOutcome } from "../data/events.js";
import type { Logger } from "../log.js";
import type { WebhookEvent } from "./events.js";
import { KeyedQueue } from "./queue.js";
import { queueKeyOf } from "./route.js";

/**
 * How one source's events (a person's messages) are kept in order:
 * - "process": one bot process owns the database (SQLite): an in-memory queue per source.
 * - "database": several processes share it (PostgreSQL behind a load balancer): the process
 *   handling a source holds its lease in the database and handles that source's recorded
 *   events oldest first, whichever process received them.
 */
export type EventOrdering = "process" | "database";

export interface EventRunnerOptions {
  db: Db;
  logger: Logger;
  ordering: EventOrdering;
  /** Handles one event (the dispatcher); a throw is recorded as a failure of the error's kind. */
  handle: (ev: WebhookEvent) => Promise<EventOutcome>;
  /** Events wait for this before being handled (e.g. the tokenizer loading). */
  whenReady: Promise<void>;
  /** A lease not renewed for this long is taken over (its process died). */
  leaseMs?: number;
}

export interface EventRunner {
  /** An event just recorded as new. */
  accepted(ev: WebhookEvent, key: string): void;
  /** Events recorded but never finished (a stop or a crash, here or in another process). */
  resume(): Promise<number>;
  /** Takes over sources whose events have waited longer than a lease (their process died). */
  sweep(): Promise<number>;
  /** Resolves when everything queued in this process has been handled. */
  idle(): Promise<void>;
}

export const DEFAULT_LEASE_MS = 30_000;

export function createEventRunner(o: EventRunnerOptions): EventRunner {
  const queue = new KeyedQueue((err) => o.logger.error("queued event failed", { err }));
  const owner = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
  /** Sources with a drain queued that has not started yet: one is enough. */
  const queued = new Set<string>();

  async function run(ev: WebhookEvent, key: string): Promise<void> {
    await o.whenReady;
    let outcome: EventOutcome;
    try {
      outcome = await o.handle(ev);
    } catch (err) {
      outcome = { status: "failed", errorKind: err instanceof Error ? err.constructor.name : typeof err };
      o.logger.error("event failed", { err, type: ev.type });
    }
    await finishEvent(o.db, key, outcome, new Date());
  }

  /** A stored event read back; one that cannot be read is recorded as failed (null). */
  async function storedEvent(key: string, payload: string | null): Promise<WebhookEvent | null> {
    try {
      if (payload) return JSON.parse(payload) as WebhookEvent;
    } catch {
      /* recorded below */
    }
    await finishEvent(o.db, key, { status: "failed", errorKind: "UnreadablePayload" }, new Date());
    return null;
  }

  const lease = () => {
    const now = Date.now();
    return [new Date(now), new Date(now + leaseMs)] as const;
  };

  /**
   * Handles the source's waiting events oldest first, one per turn of the lease: take it and
   * read the oldest waiting event, handle it, release and look again. Two statements besides
   * the event's own on PostgreSQL (four on SQLite); if another process holds the lease, this
   * one gives way (the holder looks again after releasing, so nothing recorded meanwhile is
   * left behind).
   */
  async function drain(source: string): Promise<void> {
    await o.whenReady;
    for (;;) {
      const turn = await takeSourceTurn(o.db, source, owner, ...lease());
      if (!turn.took) return;
      let more: boolean;
      try {
        const next = turn.next;
        const ev = next && (await storedEvent(next.key, next.payload));
        if (next && ev) await run(ev, next.key);
      } finally {
        more = await endSourceTurn(o.db, source, owner);
      }
      if (!more) return;
    }
  }

  function scheduleDrain(source: string): void {
    if (queued.has(source)) return;
    queued.add(source);
    queue.push(source, async () => {
      queued.delete(source);
      await drain(source);
    });
  }

  return {
    accepted(ev, key) {
      if (o.ordering === "database") scheduleDrain(queueKeyOf(ev));
      else queue.push(queueKeyOf(ev), () => run(ev, key));
    },
    async resume() {
      if (o.ordering === "database") {
        const sources = await sourcesWithWaitingEvents(o.db, new Date(Date.now() + 1000));
        for (const s of sources) scheduleDrain(s);
        return sources.length;
      }
      const rows = await unfinishedEvents(o.db);
      for (const row of rows) {
        const ev = await storedEvent(row.key, row.payload);
        if (ev) queue.push(queueKeyOf(ev), () => run(ev, row.key));
      }
      return rows.length;
    },
    async sweep() {
      if (o.ordering !== "database") return 0;
      const sources = await sourcesWithWaitingEvents(o.db, new Date(Date.now() - leaseMs));
      for (const s of sources) scheduleDrain(s);
      return sources.length;
    },
    idle: () => queue.idle(),
  };
}
