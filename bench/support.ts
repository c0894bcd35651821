import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrisma, type Db } from "../src/data/client.js";
import { deployMigrations } from "../src/data/migrate.js";
import { seedDatabase } from "../src/data/seed.js";

/** A migrated SQLite file in a temporary folder (with the demo data unless told otherwise), removed by dispose(). */
export async function scratchDatabase(name: string, o: { seed?: boolean } = {}): Promise<{ file: string; db: Db; dispose(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
  const file = path.join(dir, "bench.db");
  deployMigrations(file);
  const db = createPrisma(file);
  if (o.seed !== false) await seedDatabase(db);
  return {
    file,
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
