import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";

export type Db = PrismaClient;

/** One Prisma client per process, on the better-sqlite3 driver adapter. */
export function createPrisma(file: string): PrismaClient {
  const factory = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  return new PrismaClient({ adapter: withStatementCache(factory) });
}

type Statement = { reader: boolean; run(...a: unknown[]): unknown; all(...a: unknown[]): unknown[]; raw(on?: boolean): Statement; columns(): unknown[] };
type Sqlite = { prepare(sql: string): Statement };

/**
 * The adapter prepares every statement afresh (≈5 % of the CPU of a busy
 * bot). This keeps prepared statements by their SQL and hands the adapter a
 * view that binds the arguments on each use instead of for good.
 */
function withStatementCache(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  const patch = <T>(adapter: T): T => {
    const client = (adapter as unknown as { client?: Sqlite }).client;
    if (!client) return adapter;
    const prepare = client.prepare.bind(client);
    const cache = new Map<string, Statement>();
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
      return { ...bound([]), bind: (args: unknown[]) => bound(args) } as unknown as Statement;
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  } as PrismaBetterSqlite3;
}

/**
 * Per-connection settings: WAL (set in the file by the migrator) with
 * synchronous=NORMAL, which survives any process crash and only risks the
 * last commits on a power cut, instead of an fsync on every small write.
 */
export async function tuneConnection(db: PrismaClient): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
}

/** A DateTime as Prisma stores it in SQLite (ISO text with an explicit +00:00), for the few hot-path raw statements. */
export function sqliteTimestamp(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}
