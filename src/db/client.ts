import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { Sql, SqliteConnection } from "./sql.js";

export { sqliteTimestamp } from "./sql.js";

export type Db = PrismaClient;

const plainSql = new WeakMap<PrismaClient, Sql>();

/** One Prisma client per process, on the better-sqlite3 driver adapter, sharing its connection with sqlOf(). */
export function createPrisma(file: string): PrismaClient {
  const connection = new SqliteConnection(file);
  const factory = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  const db = new PrismaClient({ adapter: sharingConnection(factory, connection) });
  plainSql.set(db, new Sql(connection));
  return db;
}

/** Plain prepared statements on the same connection as the Prisma client (see Sql). */
export function sqlOf(db: Db): Sql {
  const sql = plainSql.get(db);
  if (!sql) throw new Error("not a client made by createPrisma");
  return sql;
}

type Queryable = { queryRaw(q: unknown): Promise<unknown>; executeRaw(q: unknown): Promise<unknown> };
type TransactionLike = Queryable & { commit(): Promise<void>; rollback(): Promise<void> };
type TransactionalAdapter = Queryable & { startTransaction(isolationLevel?: unknown): Promise<TransactionLike> };

/**
 * One connection serves every conversation, so an interactive transaction is
 * open on it while the transaction's own code awaits. Anything else run in
 * that gap would join it: a read would see its uncommitted rows, a write would
 * vanish if it rolled back. So every statement outside a transaction waits
 * until no transaction is open (transactions already queue behind each other
 * in the adapter); the transaction's own statements go straight through.
 */
function isolateTransactions(adapter: TransactionalAdapter): void {
  let open: Promise<void> | null = null;
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel?: unknown) => {
    // Closed before BEGIN, so no statement slips in between BEGIN and this bookkeeping.
    let done!: () => void;
    const ended = new Promise<void>((r) => (done = r));
    open = ended;
    const end = () => {
      if (open === ended) open = null;
      done();
    };
    let tx: TransactionLike;
    try {
      tx = await start(isolationLevel);
    } catch (err) {
      end();
      throw err;
    }
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    tx.commit = async () => {
      try {
        return await commit();
      } finally {
        end();
      }
    };
    tx.rollback = async () => {
      try {
        return await rollback();
      } finally {
        end();
      }
    };
    return tx;
  };
  for (const method of ["queryRaw", "executeRaw"] as const) {
    const run = adapter[method].bind(adapter);
    adapter[method] = async (q: unknown) => {
      while (open) await open;
      return run(q);
    };
  }
}

type PreparedLike = { reader: boolean; run(...a: unknown[]): unknown; all(...a: unknown[]): unknown[]; raw(on?: boolean): PreparedLike; columns(): unknown[] };
type AdapterClient = { prepare(sql: string): PreparedLike; close(): void };

/**
 * Hands Prisma's adapter our connection instead of the one it opens, and
 * keeps prepared statements by their SQL: the adapter prepares every
 * statement afresh (≈5 % of the CPU of a busy bot). The cached statement is
 * given to the adapter as a view that binds the arguments on each use.
 */
function sharingConnection(factory: PrismaBetterSqlite3, connection: SqliteConnection): PrismaBetterSqlite3 {
  const patched = new WeakSet<object>();
  const adopt = <T>(adapter: T): T => {
    const a = adapter as unknown as { client: AdapterClient };
    a.client.close();
    const client = connection.handle as unknown as AdapterClient;
    a.client = client;
    isolateTransactions(adapter as unknown as TransactionalAdapter);
    if (patched.has(client)) return adapter;
    patched.add(client);
    const prepare = client.prepare.bind(client);
    const cache = new Map<string, PreparedLike>();
    client.prepare = (sql: string) => {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = prepare(sql);
        if (cache.size > 500) cache.clear();
        cache.set(sql, stmt);
      }
      const s = stmt;
      const bound = (args: unknown[]) => ({
        reader: s.reader,
        run: () => s.run(args),
        columns: () => s.columns(),
        raw: (on = true) => ({ all: () => s.raw(on).all(args) }),
        all: () => s.raw(false).all(args),
      });
      return { ...bound([]), bind: (args: unknown[]) => bound(args) } as unknown as PreparedLike;
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => adopt(await factory.connect()),
    connectToShadowDb: async () => factory.connectToShadowDb(),
  } as PrismaBetterSqlite3;
}
