import readline from "node:readline";
import { loadConfig } from "../config.js";
import { createPrisma } from "../data/client.js";
import { deployMigrations } from "../data/migrate.js";
import { seedIfEmpty } from "../data/seed.js";
import { loadNlu } from "../nlu/index.js";

/**
 * npm run --silent nlu [-- --explain]: one utterance per line on stdin, one
 * JSON object per line on stdout, using the areas of the configured database.
 */
async function main(): Promise<void> {
  const explain = process.argv.includes("--explain");
  const config = loadConfig();
  await deployMigrations(config.databaseUrl);
  const db = await createPrisma(config.databaseUrl);
  await seedIfEmpty(db);
  const router = await loadNlu(db, config.timeZone);
  await db.$disconnect();
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const now = new Date();
    const r = explain ? router.explain(line, now) : router.route(line, now);
    const { normalized: _n, reading: _r, ...out } = r as typeof r & { normalized?: string; reading?: string };
    process.stdout.write(JSON.stringify(explain ? r : out) + "\n");
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
