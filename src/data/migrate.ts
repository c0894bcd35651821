import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { projectPath } from "../paths.js";
import { databaseTargetOf, type DatabaseTarget } from "./target.js";
// PostgreSQL's migrator (and the pg driver) load only when the URL names PostgreSQL.
const postgres = () => import("./migrate-postgres.js");

/**
 * Applies migrations kept in Prisma's standard layout
 * (prisma/migrations/<timestamp>_<name>/migration.sql) and records them in
 * Prisma's own `_prisma_migrations` table with the same checksum (sha256 of
 * migration.sql), so a machine that has Prisma's native CLI sees the same
 * history. Applying is plain SQL, so it runs in-process at start-up and in
 * every test without the schema engine (whose native binary cannot be
 * downloaded here). Creating migrations needs a real diff and uses the wasm
 * schema engine: see create-migration.ts.
 */

export const MIGRATIONS_DIR = projectPath("prisma", "migrations");
export const POSTGRES_MIGRATIONS_DIR = projectPath("prisma", "postgresql", "migrations");

const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file changed since, or that are missing from disk. */
  drifted: string[];
  failed: string[];
}

export class MigrationError extends Error {}

export function checksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksum(sql) };
    });
}

/** Opens the SQLite file with the settings every connection of ours uses. */
export function openSqlite(file: string): Database.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  // WAL lets the webhook read while a broadcast job writes; the setting persists in the file.
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  return db;
}

export function refuseUnsafe(status: MigrationStatus, files: MigrationFile[]): void {
  if (status.failed.length > 0) {
    throw new MigrationError(`migration ${status.failed[0]} failed earlier; fix the database, then mark it rolled back`);
  }
  const edited = status.drifted.filter((name) => files.some((f) => f.name === name));
  if (edited.length > 0) {
    throw new MigrationError(`migration ${edited[0]} was edited after it was applied`);
  }
}

export interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
}

function history(db: Database.Database): HistoryRow[] {
  db.exec(HISTORY_TABLE);
  return db
    .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`)
    .all() as HistoryRow[];
}

export function statusOf(all: HistoryRow[], files: MigrationFile[]): MigrationStatus {
  const rows = all.filter((r) => r.rolled_back_at === null);
  const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r]));
  const failed = rows.filter((r) => r.finished_at === null).map((r) => r.migration_name);
  const onDisk = new Map(files.map((f) => [f.name, f]));
  const drifted = [...done.values()]
    .filter((r) => onDisk.get(r.migration_name)?.checksum !== r.checksum)
    .map((r) => r.migration_name);
  return {
    applied: [...done.keys()],
    pending: files.filter((f) => !done.has(f.name) && !failed.includes(f.name)).map((f) => f.name),
    drifted,
    failed,
  };
}

function deploySqlite(file: string, dir: string): string[] {
  const db = openSqlite(file);
  try {
    const files = readMigrations(dir);
    const status = statusOf(history(db), files);
    refuseUnsafe(status, files);
    const applied: string[] = [];
    for (const m of files.filter((f) => status.pending.includes(f.name))) {
      const id = randomUUID();
      const run = db.transaction(() => {
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`,
        ).run(id, m.checksum, m.name, Date.now());
        db.exec(m.sql);
        db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(
          Date.now(),
          id,
        );
      });
      run();
      applied.push(m.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

/** SQLite reset means deleting the file (and its WAL companions). */
function resetSqlite(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

/** The migration folder of each provider: the same history, written in each database's SQL. */
export function migrationsDirOf(provider: DatabaseTarget["provider"]): string {
  return provider === "sqlite" ? MIGRATIONS_DIR : POSTGRES_MIGRATIONS_DIR;
}

/**
 * Applies every pending migration, each in its own transaction. Refuses to run
 * over a failed or edited migration rather than guessing.
 * Returns the names it applied.
 */
export async function deployMigrations(url: string, dir?: string): Promise<string[]> {
  const target = databaseTargetOf(url);
  if (target.provider === "sqlite") return deploySqlite(target.file, dir ?? MIGRATIONS_DIR);
  return (await postgres()).deployPostgres(target, dir ?? POSTGRES_MIGRATIONS_DIR);
}

export async function migrationStatus(url: string, dir?: string): Promise<MigrationStatus> {
  const target = databaseTargetOf(url);
  if (target.provider === "postgresql") return (await postgres()).postgresStatus(target, dir ?? POSTGRES_MIGRATIONS_DIR);
  const db = openSqlite(target.file);
  try {
    return statusOf(history(db), readMigrations(dir ?? MIGRATIONS_DIR));
  } finally {
    db.close();
  }
}

/** Empties the database (SQLite: deletes the file; PostgreSQL: drops the schema's tables). */
export async function resetDatabase(url: string): Promise<void> {
  const target = databaseTargetOf(url);
  if (target.provider === "sqlite") resetSqlite(target.file);
  else await (await postgres()).resetPostgres(target);
}
