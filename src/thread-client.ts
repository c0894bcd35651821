import type { Worker } from "node:worker_threads";
import { spawnThread, type ThreadName } from "./threads.js";

/** A thread that dies this soon after starting, this many times in a row, is given up. */
const QUICK_EXIT_MS = 5000;
const QUICK_EXITS_TO_GIVE_UP = 3;

export interface ThreadHooks {
  /** The error in-flight calls get when the thread dies under them. */
  lost(code: number): Error;
  /**
   * A call not answered in this long fails with this error, and the thread,
   * presumably stuck, is replaced (its other calls fail as if it had died).
   */
  timeout?: { ms: number; error: () => Error };
  /** A new thread is running (the first one too): set it up before calls reach it. */
  spawned?(worker: Worker): void;
  /** The thread died and was replaced. */
  restarted?(code: number): void;
  /** The thread kept dying at start; no more are started and calls fail with lost(). */
  gaveUp?(code: number): void;
}

/**
 * Request/answer calls to a worker thread, matched by id. A thread that dies
 * fails the calls it held and is replaced; one that cannot stay up (a
 * missing bundle, say) is given up after a few tries instead of being
 * restarted in a tight loop, so the owner can fall back to working in-process.
 */
export class ThreadClient<Answer extends { id: number }> {
  private current: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void; deadline: number }>();
  private outbox: object[] = [];
  private timer?: NodeJS.Timeout;
  private spawnedAt = 0;
  private quickExits = 0;
  private closed = false;
  private lastExit = 0;
  gaveUp = false;

  /** `first`: a thread of this name already started (main.ts starts the NLU thread before anything else loads). */
  constructor(
    private readonly name: ThreadName,
    private readonly workerData: unknown,
    private readonly hooks: ThreadHooks,
    first?: Worker,
  ) {
    // One that already exited (threadId -1) is replaced: its exit happened before anyone listened.
    this.current = this.spawn(first && first.threadId >= 0 ? first : undefined);
  }

  get worker(): Worker {
    return this.current;
  }

  call(message: object): Promise<Answer> {
    if (this.closed || this.gaveUp) return Promise.reject(this.hooks.lost(this.lastExit));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const deadline = this.hooks.timeout ? performance.now() + this.hooks.timeout.ms : 0;
      this.waiting.set(id, { resolve, reject, deadline });
      this.armTimeout();
      if (this.outbox.length === 0) process.nextTick(this.flush);
      this.outbox.push({ ...message, id });
    });
  }

  /**
   * Calls made while the current task and its promise reactions run go to
   * the thread as one message, and the thread answers in kind: under load
   * one wake-up and one structured clone carry many calls instead of one.
   */
  private readonly flush = () => {
    const batch = this.outbox;
    this.outbox = [];
    if (batch.length > 0) this.current.postMessage(batch);
  };

  /**
   * One timer for all calls, set for the oldest one's deadline (calls are
   * kept in the order they were made, and all get the same limit), instead
   * of a timer per call.
   */
  private armTimeout(): void {
    const limit = this.hooks.timeout;
    if (!limit || this.timer) return;
    const first = this.waiting.values().next();
    if (first.done) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = performance.now();
      for (const [id, w] of this.waiting) {
        if (w.deadline > now) break;
        this.waiting.delete(id);
        w.reject(limit.error());
        // Presumably stuck: replaced, and its other calls fail as if it had died. (Every
        // waiting call is the current thread's: a thread's exit fails the calls it held.)
        void this.current.terminate();
      }
      this.armTimeout();
    }, Math.max(0, first.value.deadline - performance.now()));
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.current.terminate();
  }

  private spawn(started?: Worker): Worker {
    const worker = started ?? spawnThread(this.name, this.workerData);
    this.spawnedAt = Date.now();
    // Answers come in batches (see thread-server.ts); other messages belong to the owner.
    worker.on("message", (batch: Answer[]) => {
      if (!Array.isArray(batch)) return;
      for (const a of batch) {
        const w = typeof a?.id === "number" ? this.waiting.get(a.id) : undefined;
        if (!w) continue;
        this.waiting.delete(a.id);
        w.resolve(a);
      }
    });
    worker.on("error", () => {
      // "exit" follows and handles it.
    });
    worker.on("exit", (code) => {
      if (this.closed || worker !== this.current) return;
      this.lastExit = code;
      for (const w of this.waiting.values()) w.reject(this.hooks.lost(code));
      this.waiting.clear();
      this.quickExits = Date.now() - this.spawnedAt < QUICK_EXIT_MS ? this.quickExits + 1 : 0;
      if (this.quickExits >= QUICK_EXITS_TO_GIVE_UP) {
        this.gaveUp = true;
        this.hooks.gaveUp?.(code);
        return;
      }
      this.current = this.spawn();
      this.hooks.restarted?.(code);
    });
    this.hooks.spawned?.(worker);
    return worker;
  }
}
