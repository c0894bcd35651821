import { parentPort } from "node:worker_threads";
import type { AreaEntry } from "./router.js";
import { Router } from "./router.js";
import { loadTokenizer } from "./tokenizer.js";
import { loadVocabulary } from "./vocabulary.js";

/**
 * The NLU thread (see remote.ts). The dictionary starts loading as soon as
 * the thread exists; the router is built once the main thread has read the
 * areas from the database and sends them.
 */
export type ToWorker = { kind: "init"; areas: AreaEntry[]; timeZone: string } | { kind: "route"; id: number; text: string; now: number };
export type FromWorker = { kind: "ready" } | { kind: "failed"; error: string } | { kind: "routed"; id: number; result?: unknown; error?: string };

const port = parentPort!;
const tokenizer = loadTokenizer();
let router: Router | undefined;

port.on("message", async (m: ToWorker) => {
  if (m.kind === "init") {
    try {
      router = new Router(await tokenizer, loadVocabulary(), m.areas, m.timeZone);
      port.postMessage({ kind: "ready" } satisfies FromWorker);
    } catch (err) {
      port.postMessage({ kind: "failed", error: String((err as Error)?.stack ?? err) } satisfies FromWorker);
    }
    return;
  }
  try {
    if (!router) throw new Error("router not initialised");
    port.postMessage({ kind: "routed", id: m.id, result: router.route(m.text, new Date(m.now)) } satisfies FromWorker);
  } catch (err) {
    port.postMessage({ kind: "routed", id: m.id, error: String((err as Error)?.message ?? err) } satisfies FromWorker);
  }
});
