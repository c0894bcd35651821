import { parentPort } from "node:worker_threads";
import { serveCalls } from "../thread-server.js";
import type { AreaEntry } from "./router.js";
import { Router } from "./router.js";
import { loadTokenizer } from "./tokenizer.js";
import { loadRoutingVocabulary } from "./vocabulary.js";

/**
 * The NLU thread (see remote.ts). The dictionary starts loading as soon as
 * the thread exists, and the router is built from intents/ right after,
 * while the main thread is still starting; the areas, which the main thread
 * reads from the database, are added when they come.
 */
export type ToWorker = { kind: "init"; areas: AreaEntry[]; timeZone: string } | { kind: "route"; id: number; text: string; now: number };
export type Routed = { kind: "routed"; id: number; result?: unknown; error?: string };
/** Routing answers come back in batches (serveCalls); start-up messages one by one. */
export type FromWorker = { kind: "ready" } | { kind: "failed"; error: string };

const port = parentPort!;
// Built before the areas are known (a failure is reported when they come, below).
const building = loadTokenizer().then((tk) => new Router(tk, loadRoutingVocabulary(), [], "Asia/Tokyo"));
building.catch(() => {});
let router: Router | undefined;

function route(m: Extract<ToWorker, { kind: "route" }>): Routed {
  try {
    if (!router) throw new Error("router not initialised");
    return { kind: "routed", id: m.id, result: router.route(m.text, new Date(m.now)) };
  } catch (err) {
    return { kind: "routed", id: m.id, error: String((err as Error)?.message ?? err) };
  }
}

serveCalls(port, route, async (m) => {
  const init = m as Extract<ToWorker, { kind: "init" }>;
  if (init?.kind !== "init") return;
  try {
    const built = await building;
    built.configure(init.areas, init.timeZone);
    router = built;
    port.postMessage({ kind: "ready" } satisfies FromWorker);
  } catch (err) {
    port.postMessage({ kind: "failed", error: String((err as Error)?.stack ?? err) } satisfies FromWorker);
  }
});
