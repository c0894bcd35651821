import { sqlOf, type Db } from "../db/client.js";
import { fromSqliteTimestamp, sqliteTimestamp } from "../db/sql.js";
import type { FlowState } from "./types.js";

/** Unfinished flows expire so a user who comes back later starts fresh. */
export const FLOW_TTL_MS = 30 * 60 * 1000;

export type LoadedState = { state: FlowState; expired: false } | { state: FlowState; expired: true } | null;

export async function loadState(db: Db, userId: number, now: Date): Promise<LoadedState> {
  // Read and written on every message: plain statements rather than the ORM's.
  const row = sqlOf(db).get<{ flow: string; step: string; data: string; expiresAt: string }>(
    `SELECT "flow", "step", "data", "expiresAt" FROM "ConversationState" WHERE "userId" = ?`,
    userId,
  );
  if (!row) return null;
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(row.data);
  } catch {
    data = {};
  }
  const state = { flow: row.flow, step: row.step, data };
  return { state, expired: fromSqliteTimestamp(row.expiresAt)!.getTime() <= now.getTime() } as LoadedState;
}

export async function saveState(db: Db, userId: number, state: FlowState, now: Date, ttlMs = FLOW_TTL_MS): Promise<void> {
  const sql = sqlOf(db);
  const expiresAt = sqliteTimestamp(new Date(now.getTime() + ttlMs));
  const data = JSON.stringify(state.data);
  const updatedAt = sqliteTimestamp(new Date());
  await sql.write(() =>
    sql.run(
      `INSERT INTO "ConversationState" ("userId", "flow", "step", "data", "expiresAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT ("userId") DO UPDATE SET "flow" = excluded."flow", "step" = excluded."step", "data" = excluded."data", "expiresAt" = excluded."expiresAt", "updatedAt" = excluded."updatedAt"`,
      userId, state.flow, state.step, data, expiresAt, updatedAt,
    ),
  );
}

export async function clearState(db: Db, userId: number): Promise<void> {
  const sql = sqlOf(db);
  await sql.write(() => sql.run(`DELETE FROM "ConversationState" WHERE "userId" = ?`, userId));
}
