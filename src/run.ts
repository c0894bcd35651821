import type { Worker } from "node:worker_threads";
import { boot } from "./boot.js";
import { NluWorker } from "./nlu/remote.js";

/** The app, started by main.ts with the NLU thread it has already started. */
export async function run(nluThread: Worker): Promise<void> {
  const nluWorker = new NluWorker(
    (what) => {
      console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: what }));
    },
    undefined,
    nluThread,
  );
  await boot(nluWorker);
}
