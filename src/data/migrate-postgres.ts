import { randomUUID } from "node:crypto";
import type pg from "pg";
import { readMigrations, refuseUnsafe, statusOf, type HistoryRow, type MigrationStatus } from "./migrate.js";
import type { DatabaseTarget } from "./target.js";

type Postgres = Extract<DatabaseTarget, { provider: "postgresql" }>;

/** Prisma's own history table, as `prisma migrate deploy` creates it on PostgreSQL. */
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Several bot processes may start at once: one migrates, the others wait for it (a session-level advisory lock). */
const MIGRATION_LOCK = 7_269_726_273;

async function connect(t: Postgres): Promise<pg.Client> {
  // Loaded only for PostgreSQL: an SQLite start never reads the pg package.
  const { default: pgModule } = await import("pg");
  const client = new pgModule.Client({ connectionString: t.connectionString, connectionTimeoutMillis: 5000 });
  await client.connect();
  // Quiet: "relation already exists, skipping" notices are expected.
  await client.query("SET client_min_messages = warning");
  if (t.schema) {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(t.schema)}`);
    await client.query(`SET search_path TO ${quoteIdent(t.schema)}`);
  }
  return client;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function history(client: pg.Client): Promise<HistoryRow[]> {
  await client.query(HISTORY_TABLE);
  const r = await client.query<HistoryRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`);
  return r.rows;
}

export async function deployPostgres(t: Postgres, dir: string): Promise<string[]> {
  const client = await connect(t);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    const files = readMigrations(dir);
    const status = statusOf(await history(client), files);
    refuseUnsafe(status, files);
    const applied: string[] = [];
    for (const m of files.filter((f) => status.pending.includes(f.name))) {
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [id, m.checksum, m.name]);
        await client.query(m.sql);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.end();
  }
}

export async function postgresStatus(t: Postgres, dir: string): Promise<MigrationStatus> {
  const client = await connect(t);
  try {
    return statusOf(await history(client), readMigrations(dir));
  } finally {
    await client.end();
  }
}

/** Drops everything in the schema the URL names (public by default) and recreates it empty. */
export async function resetPostgres(t: Postgres): Promise<void> {
  const client = await connect(t);
  try {
    const schema = quoteIdent(t.schema ?? "public");
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
}
