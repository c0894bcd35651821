import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Only the data layer (src/data) talks to the database: no Prisma model call,
 * transaction or raw SQL anywhere else in src/.
 */
const SRC = path.resolve(import.meta.dirname, "../../src");
const DATABASE_CALL = /\.\$(transaction|queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe)\b|\b(db|tx|prisma)\.[a-z][A-Za-z]*\.(find\w*|create\w*|update\w*|upsert|delete\w*|count|groupBy|aggregate)\(/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "data" ? [] : sourceFiles(p);
    return e.name.endsWith(".ts") ? [p] : [];
  });
}

describe("layers", () => {
  it("no file outside src/data calls Prisma's models, transactions or raw SQL", () => {
    const offenders = sourceFiles(SRC).flatMap((f) =>
      fs
        .readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${path.relative(SRC, f)}:${i + 1}` }))
        .filter((x) => DATABASE_CALL.test(x.line))
        .map((x) => x.at),
    );
    expect(offenders).toEqual([]);
  });

  it("the check itself finds such a call", () => {
    expect(DATABASE_CALL.test("  const u = await ctx.deps.db.user.findUnique({ where: { id } });")).toBe(true);
    expect(DATABASE_CALL.test("  await db.$transaction(async (tx) => {")).toBe(true);
    expect(DATABASE_CALL.test("  const u = await userById(db, id);")).toBe(false);
  });
});
