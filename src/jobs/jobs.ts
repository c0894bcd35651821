import { randomUUID } from "node:crypto";
import type { Clock } from "../clock.js";
import type { Db } from "../data/client.js";
import type { LineGateway } from "../line/client.js";
import type { Logger } from "../log.js";
import { runDueBroadcasts } from "./broadcast-runner.js";
import { pruneHandledEvents, pruneOutboundPayloads } from "./housekeeping.js";
import { runDueReminders } from "./reminder-runner.js";
import { runOrganizerChecks } from "./organizer-runner.js";
import { flagStaleListings, runNotifyRequests } from "./notify-runner.js";

export interface JobsDeps {
  db: Db;
  line: LineGateway;
  logger: Logger;
  clock: Clock;
  timeZone: string;
  /** The organisers' monthly check (config ORGANIZER_CHECK_DAY / _TIME). */
  organizerCheck?: { day: number; minutes: number };
  chunkIntervalMs?: number;
  staleClaimMs?: number;
}

/**
 * The work the scheduler does every minute (due announcements, due meeting
 * reminders), also run at once when an SC confirms a send. Runs never
 * overlap within a process; across processes the database claims decide.
 */
export class Jobs {
  private running: Promise<void> | null = null;
  private again = false;
  /** Identifies this process in reminder claims. */
  readonly owner = randomUUID();
  private stopping = false;
  private lastHousekeeping = 0;

  constructor(private readonly d: JobsDeps) {}

  /** Runs now (or right after the run in progress); resolves when done. */
  kick(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.tick();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Graceful shutdown: finish the chunk or reminder in hand, start nothing new. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  /** Resolves when no run is in progress. */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => {});
  }

  private async tick(): Promise<void> {
    const now = () => this.d.clock.now();
    try {
      await runDueBroadcasts({ ...this.d, shouldStop: () => this.stopping }, now);
    } catch (err) {
      this.d.logger.error("broadcast run failed", { err });
    }
    try {
      await runDueReminders({ ...this.d, owner: this.owner, shouldStop: () => this.stopping }, now);
    } catch (err) {
      this.d.logger.error("reminder run failed", { err });
    }
    try {
      await runOrganizerChecks({ ...this.d, check: this.d.organizerCheck ?? { day: 25, minutes: 600 }, shouldStop: () => this.stopping }, now);
    } catch (err) {
      this.d.logger.error("organiser check run failed", { err });
    }
    try {
      await runNotifyRequests({ ...this.d, shouldStop: () => this.stopping }, now);
    } catch (err) {
      this.d.logger.error("found-it notice run failed", { err });
    }
    await this.housekeeping(now());
  }

  /** Once an hour at most: old bookkeeping rows go. */
  private async housekeeping(now: Date): Promise<void> {
    if (this.stopping || now.getTime() - this.lastHousekeeping < 3_600_000) return;
    this.lastHousekeeping = now.getTime();
    try {
      const removed = await pruneHandledEvents(this.d.db, now);
      if (removed) this.d.logger.info("forgot handled webhook events", { removed });
      const flagged = await flagStaleListings(this.d, now);
      if (flagged) this.d.logger.info("stale listings flagged to SCs", { count: flagged });
      const payloads = await pruneOutboundPayloads(this.d.db, now);
      if (payloads) this.d.logger.info("deleted delivered message payloads", { removed: payloads });
    } catch (err) {
      this.d.logger.error("housekeeping failed", { err });
    }
  }
}
