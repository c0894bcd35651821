import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";

export type Db = PrismaClient;

/** One Prisma client per process, on the better-sqlite3 driver adapter. */
export function createPrisma(file: string): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  return new PrismaClient({ adapter });
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
