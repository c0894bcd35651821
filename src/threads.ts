import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { projectPath } from "./paths.js";

/** Entry points that run on worker threads, by bundle name, with their sources (scripts/build.mjs bundles the same list). */
const ENTRIES = {
  "nlu-worker": "src/nlu/worker.ts",
  "line-sender": "src/line/sender-worker.ts",
} as const;

export type ThreadName = keyof typeof ENTRIES;

/**
 * Threads keep a small young generation (8 MB instead of V8's default,
 * which grows to ≈48 MB per thread under load). Measured with
 * `npm run bench:startup` in alternating runs: RSS after 2,000 events
 * 388–408 MB against 420–443, after start ≈20 MB less; the saturation rate
 * (`bench:e2e`, 1,190–1,254 against 1,228–1,229 events/s) and start-up did
 * not change beyond the machine's noise.
 */
const LIMITS = { maxYoungGenerationSizeMb: 8 };

/**
 * Starts a worker thread. From the bundle (npm start) the thread runs its
 * own bundle beside dist/main.mjs (see scripts/build.mjs); from the sources
 * (tests, tsx) it runs the .ts file through tsx.
 */
export function spawnThread(name: ThreadName, workerData?: unknown): Worker {
  const bundled = import.meta.url.endsWith(".mjs");
  // On Node 20 a worker's --import runs after its entry is loaded, so a .ts entry is loaded through tsx's API instead.
  const source = pathToFileURL(projectPath(ENTRIES[name])).href;
  const worker = bundled
    ? new Worker(new URL(`./${name}.mjs`, import.meta.url), { execArgv: [], workerData, resourceLimits: LIMITS })
    : new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, { eval: true, execArgv: [], workerData, resourceLimits: LIMITS });
  // A thread never keeps the process alive on its own; shutdown closes it.
  worker.unref();
  return worker;
}
