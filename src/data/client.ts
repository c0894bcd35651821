import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { connectionOf, registerPostgres, registerSqlite, type SqliteShared } from "./hot.js";
import { databaseTargetOf } from "./target.js";

/**
 * The Prisma client every module of the data layer is given. Prisma generates
 * one client per provider; both are made from the same schema (the PostgreSQL
 * one is derived from prisma/schema.prisma), so their model APIs are the same
 * and the SQLite client's types describe both.
 */
export type Db = PrismaClient;

/**
 * One Prisma client per process for a DATABASE_URL (`file:…`, a bare SQLite
 * path, or `postgresql://…`).
 */
export async function createPrisma(urlOrFile: string, o: { poolSize?: number } = {}): Promise<Db> {
  const target = databaseTargetOf(urlOrFile);
  let db: Db;
  if (target.provider === "postgresql") {
    // Loaded only for PostgreSQL: an SQLite bot starts without them.
    const [{ PrismaPg }, { PrismaClient: PostgresPrismaClient }] = await Promise.all([import("@prisma/adapter-pg"), import("../generated/prisma-postgresql/client.js")]);
    const adapter = new PrismaPg(
      {
        connectionString: target.connectionString,
        max: o.poolSize ?? 10,
        connectionTimeoutMillis: 5000,
        // The adapter's schema option qualifies Prisma's own queries; the search path covers the data layer's raw ones.
        ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
      },
      target.schema ? { schema: target.schema } : undefined,
    );
    db = new PostgresPrismaClient({ adapter }) as unknown as Db;
    registerPostgres(db);
  } else {
    const factory = new PrismaBetterSqlite3({ url: target.file, timeout: 5000 });
    const shared: SqliteShared = { handle: null, open: null };
    db = new PrismaClient({ adapter: isolatingSqlite(factory, shared) });
    registerSqlite(db, shared);
  }
  return db;
}

type Queryable = { queryRaw(q: unknown): Promise<unknown>; executeRaw(q: unknown): Promise<unknown> };
type TransactionLike = Queryable & { commit(): Promise<void>; rollback(): Promise<void> };
type TransactionalAdapter = Queryable & { startTransaction(isolationLevel?: unknown): Promise<TransactionLike>; executeScript(s: string): Promise<void> };

/**
 * SQLite through Prisma has one connection, so an interactive transaction is
 * open on it while the transaction's own code awaits, and anything else run in
 * that gap would join it: a read would see its uncommitted rows, a write would
 * vanish if it rolled back. So every statement outside a transaction waits
 * until no transaction is open (transactions queue one at a time, see
 * isolateTransactions); the transaction's own statements go straight through.
 * This wraps only the adapter's public interface (SqlDriverAdapter).
 * PostgreSQL needs none of this: each transaction has a connection of its own.
 */
function isolatingSqlite(factory: PrismaBetterSqlite3, shared: SqliteShared): PrismaBetterSqlite3 {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = (await factory.connect()) as unknown as TransactionalAdapter;
      // synchronous=NORMAL in WAL mode survives any process crash and only risks
      // the last commits on a power cut, instead of an fsync on every small write.
      await adapter.executeScript("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
      isolateTransactions(adapter, shared);
      // The data layer's frequent statements share this connection (see hot.ts).
      shared.handle = connectionOf(adapter);
      return adapter as never;
    },
    connectToShadowDb: async () => factory.connectToShadowDb(),
  } as unknown as PrismaBetterSqlite3;
}

function isolateTransactions(adapter: TransactionalAdapter, shared: SqliteShared): void {
  /** Transactions queue here, one at a time, so `open` is set only while one really holds the connection. */
  let queue: Promise<void> = Promise.resolve();
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel?: unknown) => {
    let release!: () => void;
    const previous = queue;
    queue = new Promise<void>((r) => (release = r));
    await previous;
    let done!: () => void;
    const ended = new Promise<void>((r) => (done = r));
    // Set before BEGIN, so no statement slips in between BEGIN and this bookkeeping.
    shared.open = ended;
    const end = () => {
      shared.open = null;
      done();
      // Statements that waited for this transaction run first (their continuations are
      // microtasks); the next transaction starts after them, so a stream of transactions
      // cannot starve plain statements.
      setImmediate(release);
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
      while (shared.open) await shared.open;
      return run(q);
    };
  }
}
