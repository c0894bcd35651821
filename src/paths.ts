import fs from "node:fs";
import path from "node:path";

/**
 * The project folder, found by walking up to our package.json, so the same
 * code finds intents/, prisma/ and the simulator page whether it runs from
 * src/ (tsx, tests) or from the bundle in dist/ (npm start).
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).name === "sasaeai-line") return dir;
    } catch {
      // no package.json here
    }
    if (path.dirname(dir) === dir) throw new Error(`project root not found above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);

export const projectPath = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts);
