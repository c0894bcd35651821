import { targetOf, type Db } from "./client.js";

export type SqlValue = string | number | boolean | null | Date;

/**
 * Runs a hand-written query with `?` placeholders on either database (they
 * become $1, $2 … on PostgreSQL). Only for queries built inside the data layer
 * from fixed text: identifiers always double-quoted, values always bound.
 */
export function queryRows<T>(db: Db, text: string, args: SqlValue[]): Promise<T[]> {
  return db.$queryRawUnsafe<T[]>(placeholders(db, text), ...args);
}

export function placeholders(db: Db, text: string): string {
  return targetOf(db).provider === "postgresql" ? numbered(text) : text;
}

/** `?` → $1, $2 … (PostgreSQL's placeholders). */
export function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** The few expressions that differ between SQLite and PostgreSQL. */
export function dialectOf(db: Db) {
  const pg = targetOf(db).provider === "postgresql";
  return {
    /** True when `column` has a digit 1–9 somewhere before a 円 (初回無料・2回目から300円). */
    hasYenAmount: (column: string) => (pg ? `${column} ~ '[1-9].*円'` : `${column} GLOB '*[1-9]*円*'`),
    /** Names in code-point order, as JavaScript and SQLite's BINARY collation compare them. */
    byCodePoint: (column: string) => (pg ? `${column} COLLATE "C"` : column),
  };
}
