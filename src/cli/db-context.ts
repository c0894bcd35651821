import { loadConfig, type Config } from "../config.js";
import { createPrisma, type Db } from "../data/client.js";
import { deployMigrations } from "../data/migrate.js";
import { describeTarget } from "../data/target.js";
import { seedIfEmpty } from "../data/seed.js";

/** The configured database, migrated (and holding the demo data when new), for command-line tools. */
export async function openDatabase(): Promise<{ db: Db; file: string; timeZone: string; config: Config }> {
  const config = loadConfig();
  await deployMigrations(config.databaseUrl);
  const db = await createPrisma(config.databaseUrl);
  await seedIfEmpty(db);
  return { db, file: describeTarget(config.database), timeZone: config.timeZone, config };
}

/** Runs a command and exits with its code; errors print one line, not a stack. */
export function run(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`エラー: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
