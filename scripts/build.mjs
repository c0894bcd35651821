// Bundles src/ into dist/ for `npm start` (main.mjs, a tiny entry that starts
// the NLU thread; run.mjs, the app; one bundle per worker thread): they load in
// a fraction of the time tsx needs to transform ~150 modules at every start.
// Packages stay external (Prisma, better-sqlite3 and kuromoji find their
// files relative to node_modules). Rebuilt whenever a source file is newer.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ENTRY = path.join(ROOT, "dist", "main.mjs");
const INPUTS = [path.join(ROOT, "src"), path.join(ROOT, "package.json"), path.join(ROOT, "tsconfig.json")];

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

function isFresh() {
  try {
    const built = fs.statSync(ENTRY).mtimeMs;
    return INPUTS.every((p) => newestMtime(p) <= built);
  } catch {
    return false;
  }
}

export async function build() {
  // Imported only when a build is due: a start with a fresh bundle skips loading esbuild.
  const { buildSync } = await import("esbuild");
  const result = buildSync({
    // Each worker thread's entry is a bundle of its own beside main.mjs, named as in src/threads.ts.
    entryPoints: [
      // main.mjs is tiny: it starts the NLU thread, then loads run.mjs (the app) by a path of its own.
      { in: path.join(ROOT, "src", "main.ts"), out: "main" },
      { in: path.join(ROOT, "src", "run.ts"), out: "run" },
      { in: path.join(ROOT, "src", "nlu", "worker.ts"), out: "nlu-worker" },
      { in: path.join(ROOT, "src", "line", "sender-worker.ts"), out: "line-sender" },
    ],
    outdir: path.dirname(ENTRY),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    packages: "external",
    sourcemap: "linked",
    write: false,
    logLevel: "warning",
  });
  fs.mkdirSync(path.dirname(ENTRY), { recursive: true });
  // Written beside and renamed, so a start running at the same time never imports half a file.
  // The worker and the maps first, the entry last: the entry's timestamp says the build is complete.
  const order = (f) => (f.path === ENTRY ? 2 : f.path.endsWith(".map") ? 0 : 1);
  for (const file of result.outputFiles.sort((a, b) => order(a) - order(b))) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, file.contents);
    fs.renameSync(tmp, file.path);
  }
  return ENTRY;
}

/** The bundle's path, building it first when it is missing or older than a source file. */
export async function ensureBuilt() {
  return isFresh() ? ENTRY : build();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build();
  console.log(`built ${path.relative(ROOT, ENTRY)}`);
}
