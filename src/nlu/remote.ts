import type { Worker } from "node:worker_threads";
import { ThreadClient } from "../thread-client.js";
import type { Nlu } from "./nlu.js";
import { Router, type AreaEntry } from "./router.js";
import { loadTokenizer } from "./tokenizer.js";
import type { RouteResult } from "./types.js";
import { loadRoutingVocabulary } from "./vocabulary.js";
import type { FromWorker, Routed, ToWorker } from "./worker.js";

/**
 * Routing on a worker thread. Tokenizing is the heaviest CPU work a message
 * causes; on its own thread it runs beside webhook acknowledgements, replies
 * and SQLite instead of between them, and uses the machine's second core.
 * The thread also keeps the dictionary (~60 MB) out of the main heap. If the
 * thread cannot stay up, routing falls back to the main thread.
 */
export class NluWorker implements Nlu {
  private readonly thread: ThreadClient<Routed>;
  private ready: Promise<void> = new Promise(() => {});
  private init?: { areas: AreaEntry[]; timeZone: string };
  private inProcess?: Promise<Router>;

  /**
   * Starts the thread now so the dictionary loads while the rest of the app
   * starts. Routing takes well under a millisecond; a message not routed in
   * routeTimeoutMs means the thread is stuck, and it is replaced.
   */
  constructor(
    private readonly onTrouble: (what: string) => void = () => {},
    routeTimeoutMs = 5000,
    /** The thread, when main.ts has already started it. */
    started?: Worker,
  ) {
    this.thread = new ThreadClient<Routed>("nlu-worker", undefined, {
      lost: (code) => new Error(`NLU thread exited (${code})`),
      timeout: { ms: routeTimeoutMs, error: () => new Error("NLU thread did not answer in time") },
      // A replacement thread is given the areas before it is asked anything.
      spawned: (worker) => {
        if (this.init) this.ready = this.initialise(worker);
      },
      restarted: (code) => this.onTrouble(`NLU thread restarted (exit code ${code})`),
      gaveUp: (code) => {
        this.onTrouble(`NLU thread keeps failing (exit code ${code}); routing on the main thread`);
        this.ready = Promise.resolve();
        this.fallBack();
      },
    }, started);
  }

  /** Builds the router on the thread; resolves once it can route. */
  start(areas: AreaEntry[], timeZone: string): Promise<void> {
    this.init = { areas, timeZone };
    this.ready = this.initialise(this.thread.worker);
    return this.ready;
  }

  async route(text: string, now: Date): Promise<RouteResult> {
    await this.ready;
    if (this.inProcess) return (await this.inProcess).route(text, now);
    const a = await this.thread.call({ kind: "route", text, now: now.getTime() } satisfies Omit<Extract<ToWorker, { kind: "route" }>, "id">);
    if (a.error !== undefined) throw new Error(`NLU: ${a.error}`);
    return a.result as RouteResult;
  }

  close(): Promise<void> {
    return this.thread.close();
  }

  private fallBack(): void {
    const init = this.init;
    if (!init) return;
    this.inProcess ??= loadTokenizer().then((tk) => new Router(tk, loadRoutingVocabulary(), init.areas, init.timeZone));
  }

  private initialise(worker: Worker): Promise<void> {
    const starting = new Promise<void>((resolve, reject) => {
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
    // Whoever routes next sees a failure; nobody else has to.
    starting.catch(() => {});
    return starting;
  }
}
