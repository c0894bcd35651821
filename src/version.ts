import fs from "node:fs";
import { projectPath } from "./paths.js";

export const VERSION: string = (() => {
  try {
    const pkg = JSON.parse(fs.readFileSync(projectPath("package.json"), "utf8"));
    return String(pkg.version);
  } catch {
    return "unknown";
  }
})();
