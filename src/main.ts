import { spawnThread } from "./threads.js";

/**
 * Entry point. It starts the NLU thread before anything else is loaded:
 * the thread reads the kuromoji dictionary and builds the router (the
 * slowest part of start-up) while this thread loads the app's packages and
 * migrates the database. So this file imports nothing but node built-ins
 * (through threads.ts), and loads the app from its own bundle (run.mjs
 * beside main.mjs, see scripts/build.mjs) by a path esbuild leaves alone.
 */
const nluThread = spawnThread("nlu-worker");

process.on("unhandledRejection", (err) => {
  console.error(JSON.stringify({ level: "error", msg: "unhandled rejection", err: String(err) }));
});

const app = import.meta.url.endsWith(".mjs") ? "./run.mjs" : "./run.ts";
const { run } = (await import(app)) as typeof import("./run.js");
run(nluThread).catch((err) => {
  console.error(err);
  process.exit(1);
});
