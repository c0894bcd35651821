// `npm start`: the bundled bot (see build.mjs), rebuilt first if src/ changed.
import { pathToFileURL } from "node:url";
import { ensureBuilt } from "./build.mjs";

await import(pathToFileURL(await ensureBuilt()).href);
