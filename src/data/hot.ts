import Database from "better-sqlite3";
import type { Db } from "./client.js";

/**
 * The statements every message runs (record the event, the user, the flow
 * state, the searches, the inquiry log), in portable SQL with `?`
 * placeholders, kept inside the data layer.
 *
 * Measured (bench/e2e.ts, this 2-core machine): with every statement going
 * through Prisma, even its raw queries, the bot fully handled ≈530 events/s
 * on SQLite, against ≥1,500 needed for the burst after a city-wide
 * announcement; Prisma's query pipeline and the adapter's per-call prepare
 * cost ≈0.15 ms a statement, and a message makes about eight. So on SQLite
 * these statements run as cached prepared statements on the very connection
 * Prisma uses (one connection: a second one in the same thread could wait on
 * a lock the first holds), and wait while a Prisma transaction is open on it.
 * On PostgreSQL they go through Prisma's raw queries (the network round trip
 * dominates there).
 */

export type SqlValue = string | number | boolean | null | Date;

/** How to read columns that SQLite stores as text or integers (dates, booleans) and PostgreSQL counts as bigint. */
export interface ColumnTypes {
  dates?: readonly string[];
  booleans?: readonly string[];
  ints?: readonly string[];
}

/** Per SQLite client: its connection (once Prisma opened it) and the transaction that holds it, if any. */
export interface SqliteShared {
  handle: Database.Database | null;
  open: Promise<void> | null;
}

interface PendingWrite {
  text: string;
  args: (string | number | null)[];
  resolve: (changes: number) => void;
  reject: (err: unknown) => void;
}

/** Writes waiting for the next group commit, per connection. */
const pendingWrites = new WeakMap<SqliteShared, { writes: PendingWrite[]; scheduled: boolean }>();

/** Which database each client talks to, recorded by createPrisma (client.ts). */
const sqliteClients = new WeakMap<Db, SqliteShared>();
const postgresClients = new WeakSet<Db>();

/** True for a client on PostgreSQL (for the few statements written differently). */
export function isPostgres(db: Db): boolean {
  return postgresClients.has(db);
}

export function registerSqlite(db: Db, shared: SqliteShared): void {
  sqliteClients.set(db, shared);
}

export function registerPostgres(db: Db): void {
  postgresClients.add(db);
}

/** The adapter's better-sqlite3 connection, if this Prisma version exposes it as before; otherwise null (statements then go through Prisma). */
export function connectionOf(adapter: unknown): Database.Database | null {
  const client = (adapter as { client?: unknown }).client;
  return client instanceof Database ? client : null;
}

type Statement = Database.Statement<unknown[], unknown>;
const statements = new WeakMap<Database.Database, Map<string, Statement>>();

function prepared(handle: Database.Database, text: string): Statement {
  let cache = statements.get(handle);
  if (!cache) statements.set(handle, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) {
    stmt = handle.prepare(text) as Statement;
    // Prisma's adapter sets the connection to return bigints; these statements read plain numbers.
    if (stmt.reader) stmt.safeIntegers(false);
    if (cache.size > 300) cache.clear();
    cache.set(text, stmt);
  }
  return stmt;
}

/** A value as Prisma's SQLite adapter stores it (DateTime as ISO text with +00:00, Boolean as 0/1). */
function sqliteValue(v: SqlValue): string | number | null {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

/** A DateTime read back from SQLite: Prisma's ISO text, or SQLite's own zone-less CURRENT_TIMESTAMP (UTC). */
export function fromSqliteTimestamp(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === "number") return new Date(v);
  const iso = String(v).replace(" ", "T");
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`);
}

function typed<T>(rows: Record<string, unknown>[], types: ColumnTypes | undefined, sqlite: boolean): T[] {
  if (!types) return rows as T[];
  for (const r of rows) {
    if (sqlite) {
      for (const c of types.dates ?? []) r[c] = fromSqliteTimestamp(r[c]);
      for (const c of types.booleans ?? []) if (r[c] !== null && r[c] !== undefined) r[c] = r[c] === 1 || r[c] === true;
    }
    for (const c of types.ints ?? []) if (r[c] !== null && r[c] !== undefined) r[c] = Number(r[c]);
  }
  return rows as T[];
}

/** `?` → $1, $2 … (PostgreSQL's placeholders). */
export function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

async function sqliteHandle(db: Db, shared: SqliteShared): Promise<Database.Database | null> {
  if (!shared.handle) await db.$connect();
  return shared.handle;
}

/** Rows of a query (SELECT, or a write with RETURNING). */
export async function queryRows<T>(db: Db, text: string, args: readonly SqlValue[], types?: ColumnTypes): Promise<T[]> {
  const shared = sqliteClients.get(db);
  if (shared) {
    const handle = await sqliteHandle(db, shared);
    if (handle) {
      while (shared.open) await shared.open;
      // No await between the check above and the statement: no transaction can begin in between.
      return typed<T>(prepared(handle, text).all(...args.map(sqliteValue)) as Record<string, unknown>[], types, true);
    }
  }
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(postgresClients.has(db) ? numbered(text) : text, ...args);
  return typed<T>(rows, types, false);
}

/**
 * Runs a write; resolves with how many rows it changed once it is committed.
 * On SQLite, writes asked for in the same turn of the event loop are committed
 * together: one WAL append instead of one per write, which measured as most of
 * SQLite's cost on a busy webhook (measured: 1,302 → ≈1,500 events/s).
 * If the shared commit fails, each write is retried alone, so one bad write
 * cannot take the others down.
 */
export async function execute(db: Db, text: string, args: readonly SqlValue[]): Promise<number> {
  const shared = sqliteClients.get(db);
  if (shared) {
    const handle = await sqliteHandle(db, shared);
    if (handle) {
      return new Promise<number>((resolve, reject) => {
        let q = pendingWrites.get(shared);
        if (!q) pendingWrites.set(shared, (q = { writes: [], scheduled: false }));
        q.writes.push({ text, args: args.map(sqliteValue), resolve, reject });
        scheduleFlush(shared, q);
      });
    }
  }
  return db.$executeRawUnsafe(postgresClients.has(db) ? numbered(text) : text, ...args);
}

function scheduleFlush(shared: SqliteShared, q: { writes: PendingWrite[]; scheduled: boolean }): void {
  if (q.scheduled) return;
  q.scheduled = true;
  setImmediate(() => {
    q.scheduled = false;
    // A Prisma transaction holds the connection: anything run now would join it.
    if (shared.open) {
      void shared.open.then(() => scheduleFlush(shared, q));
      return;
    }
    flush(shared.handle!, q.writes.splice(0));
  });
}

function flush(handle: Database.Database, batch: PendingWrite[]): void {
  if (batch.length === 0) return;
  const changes: number[] = [];
  try {
    // IMMEDIATE: the write lock is taken (or waited for) once, up front, not mid-batch.
    prepared(handle, "BEGIN IMMEDIATE").run();
    try {
      for (const w of batch) changes.push(prepared(handle, w.text).run(...w.args).changes);
      prepared(handle, "COMMIT").run();
    } catch (err) {
      if (handle.inTransaction) prepared(handle, "ROLLBACK").run();
      throw err;
    }
  } catch (err) {
    // Another process held the database past the busy timeout: all fail now (a webhook
    // answers 500 and LINE redelivers); only other errors are worth isolating.
    if (isBusy(err)) {
      for (const w of batch) w.reject(err);
      return;
    }
    for (const w of batch) {
      try {
        w.resolve(prepared(handle, w.text).run(...w.args).changes);
      } catch (e) {
        w.reject(e);
      }
    }
    return;
  }
  batch.forEach((w, i) => w.resolve(changes[i]));
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/** The few expressions that differ between SQLite and PostgreSQL. */
export function dialectOf(db: Db) {
  const pg = postgresClients.has(db);
  return {
    /** True when `column` has a digit 1–9 somewhere before a 円 (初回無料・2回目から300円). */
    hasYenAmount: (column: string) => (pg ? `${column} ~ '[1-9].*円'` : `${column} GLOB '*[1-9]*円*'`),
    /** Names in code-point order, as JavaScript and SQLite's BINARY collation compare them. */
    byCodePoint: (column: string) => (pg ? `${column} COLLATE "C"` : column),
  };
}
