import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrisma } from "../../src/db/client.js";
import { deployMigrations } from "../../src/db/migrate.js";
import { seedDatabase } from "../../src/db/seed.js";

/**
 * Builds one migrated and seeded SQLite file per run; each test copies it
 * instead of migrating and seeding again.
 */
export default async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sasaeai-template-"));
  const file = path.join(dir, "template.db");
  deployMigrations(file);
  const db = createPrisma(file);
  await seedDatabase(db);
  await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.$disconnect();
  provide("templateDb", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}
