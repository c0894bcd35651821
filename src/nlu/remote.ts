import type { Worker } from "node:worker_threads";
import { spawnThread } from "../threads.js";
import type { Nlu } from "./nlu.js";
import type { AreaEntry } from "./router.js";
import type { RouteResult } from "./types.js";
import type { FromWorker, ToWorker } from "./worker.js";

/**
 * Routing on a worker thread. Tokenizing is the heaviest CPU work a message
 * causes; on its own thread it runs beside webhook acknowledgements, replies
 * and SQLite instead of between them, and uses the machine's second core.
 * The thread also keeps the dictionary (~60 MB) out of the main heap.
 */
export class NluWorker implements Nlu {
  private worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: RouteResult) => void; reject: (e: Error) => void }>();
  private ready: Promise<void>;
  private init?: { areas: AreaEntry[]; timeZone: string };
  private closed = false;

  /** Starts the thread now so the dictionary loads while the rest of the app starts. */
  constructor(private readonly onRestart: (reason: string) => void = () => {}) {
    this.worker = this.spawn();
    this.ready = new Promise(() => {});
  }

  /** Builds the router on the thread; resolves once it can route. */
  start(areas: AreaEntry[], timeZone: string): Promise<void> {
    this.init = { areas, timeZone };
    this.ready = this.initialise(this.worker);
    return this.ready;
  }

  async route(text: string, now: Date): Promise<RouteResult> {
    await this.ready;
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ kind: "route", id, text, now: now.getTime() } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }

  private spawn(): Worker {
    const worker = spawnThread("nlu-worker");
    worker.on("message", (m: FromWorker) => {
      if (m.kind !== "routed") return;
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error !== undefined) w.reject(new Error(`NLU: ${m.error}`));
      else w.resolve(m.result as RouteResult);
    });
    worker.on("error", () => {
      // Reported by "exit" below, which always follows.
    });
    worker.on("exit", (code) => {
      if (this.closed || worker !== this.worker) return;
      // A crashed thread fails the messages it held (they get the apology) and is replaced.
      for (const w of this.waiting.values()) w.reject(new Error(`NLU thread exited (${code})`));
      this.waiting.clear();
      this.worker = this.spawn();
      if (this.init) this.ready = this.initialise(this.worker);
      this.onRestart(`exit code ${code}`);
    });
    return worker;
  }

  private initialise(worker: Worker): Promise<void> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        if (m.kind === "ready") {
          worker.off("message", onMessage);
          resolve();
        } else if (m.kind === "failed") {
          worker.off("message", onMessage);
          reject(new Error(`NLU thread could not start: ${m.error}`));
        }
      };
      worker.on("message", onMessage);
      worker.once("exit", (code) => reject(new Error(`NLU thread exited during start (${code})`)));
      worker.postMessage({ kind: "init", ...this.init! } satisfies ToWorker);
    });
  }
}
