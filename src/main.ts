import { NluWorker } from "./nlu/remote.js";

/**
 * Entry point. The NLU thread starts first: loading the kuromoji dictionary
 * is the slowest part of start-up, and it runs while the rest of the app is
 * imported and the database is migrated.
 */
const nluWorker = new NluWorker((what) => {
  console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: what }));
});

process.on("unhandledRejection", (err) => {
  console.error(JSON.stringify({ level: "error", msg: "unhandled rejection", err: String(err) }));
});

const { boot } = await import("./boot.js");
boot(nluWorker).catch((err) => {
  console.error(err);
  process.exit(1);
});
