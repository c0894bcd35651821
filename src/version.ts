import fs from "node:fs";
import path from "node:path";

export const VERSION: string = (() => {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../package.json"), "utf8"));
    return String(pkg.version);
  } catch {
    return "unknown";
  }
})();
