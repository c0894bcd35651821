import { loadTokenizer } from "./nlu/tokenizer.js";

/**
 * Entry point. The kuromoji dictionary is the slowest thing to load, so it
 * starts first, while the rest of the app is still being imported.
 */
const tokenizerLoading = loadTokenizer();
tokenizerLoading.catch(() => {});

process.on("unhandledRejection", (err) => {
  console.error(JSON.stringify({ level: "error", msg: "unhandled rejection", err: String(err) }));
});

const { boot } = await import("./boot.js");
boot(tokenizerLoading).catch((err) => {
  console.error(err);
  process.exit(1);
});
