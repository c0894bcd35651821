import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrisma, type Db } from "../src/data/client.js";
import { deployMigrations } from "../src/data/migrate.js";
import { seedDatabase } from "../src/data/seed.js";

/** Where PostgreSQL benchmarks create their scratch databases (BENCH_POSTGRES_URL). */
export const BENCH_POSTGRES_URL = process.env.BENCH_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * A migrated scratch database (with the demo data unless told otherwise), removed by dispose():
 * a SQLite file in a temporary folder, or a new database on the PostgreSQL server.
 */
export async function scratchDatabase(
  name: string,
  o: { seed?: boolean; provider?: "sqlite" | "postgresql" } = {},
): Promise<{ file: string; url: string; db: Db; dispose(): Promise<void> }> {
  if (o.provider === "postgresql") {
    const dbName = `bench_${name.replace(/\W/g, "_")}_${process.pid}`;
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${dbName}"`);
    const u = new URL(BENCH_POSTGRES_URL);
    u.pathname = `/${dbName}`;
    const url = u.toString();
    await deployMigrations(url);
    const db = await createPrisma(url);
    if (o.seed !== false) await seedDatabase(db);
    return {
      file: "",
      url,
      db,
      async dispose() {
        await db.$disconnect().catch(() => {});
        if (process.env.BENCH_KEEP) console.log("kept", url);
        else await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
  const file = path.join(dir, "bench.db");
  await deployMigrations(file);
  const db = await createPrisma(file);
  if (o.seed !== false) await seedDatabase(db);
  return {
    file,
    url: `file:${file}`,
    db,
    async dispose() {
      await db.$disconnect().catch(() => {});
      if (process.env.BENCH_KEEP) console.log("kept", file);
      else fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The p-quantile of a sample (p in 0..1). */
export function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
}
