import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrisma } from "../../src/data/client.js";
import { deployMigrations } from "../../src/data/migrate.js";
import { seedDatabase } from "../../src/data/seed.js";
import { adminQuery, databaseUrlFor } from "./database.js";

/**
 * Builds one migrated and seeded database per run; each test copies it
 * instead of migrating and seeding again. SQLite by default; PostgreSQL when
 * TEST_DATABASE_URL names a server (npm run test:pg).
 */
export default async function setup({ provide }: { provide: (key: "testDatabase", value: unknown) => void }) {
  const pgUrl = process.env.TEST_DATABASE_URL?.trim();
  if (pgUrl) {
    const prefix = `sasaeai_t${process.pid}`;
    const template = `${prefix}_seeded`;
    const emptyTemplate = `${prefix}_empty`;
    await dropDatabases(pgUrl, prefix);
    for (const name of [emptyTemplate, template]) {
      await adminQuery(pgUrl, `CREATE DATABASE "${name}"`);
      await deployMigrations(databaseUrlFor(pgUrl, name));
    }
    const db = await createPrisma(databaseUrlFor(pgUrl, template));
    await seedDatabase(db);
    await db.$disconnect();
    provide("testDatabase", { provider: "postgresql", adminUrl: pgUrl, template, emptyTemplate, prefix });
    return () => dropDatabases(pgUrl, prefix);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sasaeai-template-"));
  const file = path.join(dir, "template.db");
  await deployMigrations(file);
  const db = await createPrisma(file);
  await seedDatabase(db);
  await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.$disconnect();
  provide("testDatabase", { provider: "sqlite", template: file });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

/** Drops this run's databases (a run that was killed leaves its own; they carry its pid). */
async function dropDatabases(adminUrl: string, prefix: string): Promise<void> {
  const r = await adminQuery(adminUrl, `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}\\_%'`);
  for (const { datname } of r.rows) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
}
