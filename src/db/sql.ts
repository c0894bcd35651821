import Database from "better-sqlite3";

type Sqlite = Database.Database;
type Statement = Database.Statement<unknown[], unknown>;
export type SqlValue = string | number | bigint | null | Buffer;

/**
 * One SQLite connection per database file, shared by Prisma and by the
 * statements below. Sharing matters: with two connections in one thread, a
 * write on one while Prisma holds a transaction on the other would block the
 * only thread until the busy timeout.
 */
export class SqliteConnection {
  private current: Sqlite;

  readonly file: string;

  constructor(file: string) {
    // Accepts Prisma's URL form too, as its adapter does.
    this.file = file.replace(/^file:/, "");
    this.current = SqliteConnection.open(this.file);
  }

  /**
   * WAL is set in the file by the migrator; synchronous=NORMAL survives any
   * process crash and only risks the last commits on a power cut, instead of
   * an fsync on every small write.
   */
  private static open(file: string): Sqlite {
    const db = new Database(file, { timeout: 5000 });
    db.pragma("synchronous = NORMAL");
    // What Prisma's adapter expects of its connection.
    db.defaultSafeIntegers(true);
    return db;
  }

  /** The open handle; reopened if Prisma's $disconnect closed it. */
  get handle(): Sqlite {
    if (!this.current.open) this.current = SqliteConnection.open(this.file);
    return this.current;
  }
}

/**
 * Plain prepared statements on the shared connection, for the queries every
 * message runs (recording the event, the user, the flow state, searches).
 * Going through the ORM cost about as much CPU as everything else in handling
 * a message together. Rows come back as SQLite stores them: DateTime as ISO
 * text, Boolean as 0/1.
 */
export class Sql {
  private readonly statements = new WeakMap<Sqlite, Map<string, Statement>>();

  constructor(private readonly connection: SqliteConnection) {}

  private statement(text: string): Statement {
    const handle = this.connection.handle;
    let cache = this.statements.get(handle);
    if (!cache) this.statements.set(handle, (cache = new Map()));
    let stmt = cache.get(text);
    if (!stmt) {
      // The prototype's prepare: Prisma's statement cache wraps the instance's.
      stmt = Database.prototype.prepare.call(handle, text) as Statement;
      if (stmt.reader) stmt.safeIntegers(false);
      if (cache.size > 200) cache.clear();
      cache.set(text, stmt);
    }
    return stmt;
  }

  get<T>(text: string, ...args: SqlValue[]): T | undefined {
    return this.statement(text).get(...args) as T | undefined;
  }

  all<T>(text: string, ...args: SqlValue[]): T[] {
    return this.statement(text).all(...args) as T[];
  }

  /** Runs a write; returns the number of rows changed. */
  run(text: string, ...args: SqlValue[]): number {
    return this.statement(text).run(...args).changes;
  }

  /** Runs an INSERT; returns the new row's id. */
  insert(text: string, ...args: SqlValue[]): number {
    return Number(this.statement(text).run(...args).lastInsertRowid);
  }

  /** Runs fn in one transaction (a savepoint when one is already open). */
  transaction<T>(fn: () => T): T {
    return this.connection.handle.transaction(fn)();
  }

  private pending: { fn: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  private flushScheduled = false;

  /**
   * Runs fn in a transaction of its own, or rather shares one: writes asked
   * for in the same turn of the event loop are committed together (one WAL
   * append instead of one per write, which is most of SQLite's cost on a
   * busy webhook). The promise settles once the commit is done, so "recorded"
   * still means durable. If the shared transaction fails, each write is
   * retried alone so one bad write cannot take the others down.
   *
   * It also waits while a Prisma transaction is open on the connection:
   * Prisma's interactive transactions await between statements, and a write
   * made in such a gap would join that transaction and vanish if it rolled
   * back. The check and the commit happen in one synchronous step.
   */
  write<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.scheduleFlush(0);
    });
  }

  private scheduleFlush(delayMs: number): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const run = () => {
      this.flushScheduled = false;
      this.flush();
    };
    if (delayMs === 0) setImmediate(run);
    else setTimeout(run, delayMs);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const handle = this.connection.handle;
    if (handle.inTransaction) {
      this.scheduleFlush(1);
      return;
    }
    const batch = this.pending.splice(0);
    const results: unknown[] = [];
    try {
      // IMMEDIATE: the write lock is taken (or waited for) once, up front, not mid-batch.
      this.statement("BEGIN IMMEDIATE").run();
      try {
        for (const w of batch) results.push(w.fn());
        this.statement("COMMIT").run();
      } catch (err) {
        if (handle.inTransaction) this.statement("ROLLBACK").run();
        throw err;
      }
    } catch (err) {
      // Another process held the database past the busy timeout: retrying each write
      // would block as long again per write. All fail now (a webhook answers 500 and
      // LINE redelivers); only other errors are worth isolating.
      if (isBusy(err)) {
        for (const w of batch) w.reject(err);
        return;
      }
      for (const w of batch) {
        try {
          w.resolve(this.transaction(w.fn));
        } catch (err) {
          w.reject(err);
        }
      }
      return;
    }
    batch.forEach((w, i) => w.resolve(results[i]));
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

let lastStamp = { ms: NaN, text: "" };

/** A DateTime as Prisma stores it in SQLite (ISO text with an explicit +00:00). */
export function sqliteTimestamp(d: Date): string {
  // Several per message, mostly for the same millisecond.
  const ms = d.getTime();
  if (ms !== lastStamp.ms) lastStamp = { ms, text: d.toISOString().replace("Z", "+00:00") };
  return lastStamp.text;
}

/** A DateTime column read back by a plain statement. */
export function fromSqliteTimestamp(v: string | number | null | undefined): Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return new Date(v);
  // SQLite's own CURRENT_TIMESTAMP has no zone and means UTC.
  const iso = v.replace(" ", "T");
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`);
}
