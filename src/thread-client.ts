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
  private readonly waiting = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
  private spawnedAt = 0;
  private quickExits = 0;
  private closed = false;
  private lastExit = 0;
  gaveUp = false;

  constructor(
    private readonly name: ThreadName,
    private readonly workerData: unknown,
    private readonly hooks: ThreadHooks,
  ) {
    this.current = this.spawn();
  }

  get worker(): Worker {
    return this.current;
  }

  call(message: object): Promise<Answer> {
    if (this.closed || this.gaveUp) return Promise.reject(this.hooks.lost(this.lastExit));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const worker = this.current;
      const limit = this.hooks.timeout;
      const timer = limit
        ? setTimeout(() => {
            if (!this.waiting.delete(id)) return;
            reject(limit.error());
            void worker.terminate();
          }, limit.ms)
        : undefined;
      this.waiting.set(id, {
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      worker.postMessage({ ...message, id });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.current.terminate();
  }

  private spawn(): Worker {
    const worker = spawnThread(this.name, this.workerData);
    this.spawnedAt = Date.now();
    worker.on("message", (a: Answer) => {
      const w = typeof a?.id === "number" ? this.waiting.get(a.id) : undefined;
      if (!w) return;
      this.waiting.delete(a.id);
      w.resolve(a);
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
