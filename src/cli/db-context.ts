import { loadConfig, type Config } from "../config.js";
import { createPrisma, type Db } from "../db/client.js";
import { deployMigrations } from "../db/migrate.js";
import { seedIfEmpty } from "../db/seed.js";

/** The configured database, migrated (and holding the demo data when new), for command-line tools. */
export async function openDatabase(): Promise<{ db: Db; file: string; timeZone: string; config: Config }> {
  const config = loadConfig();
  deployMigrations(config.databaseFile);
  const db = createPrisma(config.databaseFile);
  await seedIfEmpty(db);
  return { db, file: config.databaseFile, timeZone: config.timeZone, config };
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
