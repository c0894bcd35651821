import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { deployMigrations } from "../../src/data/migrate.js";

/**
 * Every test gets a database of its own, on the suite's provider: a copy of
 * the migrated and seeded template made once per run (global-setup.ts).
 * SQLite (npm test): a copied file. PostgreSQL (npm run test:pg, with
 * TEST_DATABASE_URL): CREATE DATABASE … TEMPLATE, dropped when the run ends.
 */
export function testProvider(): "sqlite" | "postgresql" {
  return inject("testDatabase").provider;
}

export async function newTestDatabase(o: { seeded?: boolean } = {}): Promise<string> {
  const t = inject("testDatabase");
  if (t.provider === "sqlite") {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sasaeai-test-")), "bot.db");
    if (o.seeded === false) await deployMigrations(file);
    else fs.copyFileSync(t.template, file);
    return `file:${file}`;
  }
  const name = `${t.prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(t.adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${o.seeded === false ? t.emptyTemplate : t.template}"`);
  return databaseUrlFor(t.adminUrl, name);
}

export function databaseUrlFor(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase:
      | { provider: "sqlite"; template: string }
      | { provider: "postgresql"; adminUrl: string; template: string; emptyTemplate: string; prefix: string };
  }
}
