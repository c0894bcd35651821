import type { Db } from "./client.js";
import { execute, queryRows } from "./hot.js";

export interface StoredFlow {
  flow: string;
  step: string;
  /** JSON text of the flow's data. */
  data: string;
  expiresAt: Date;
}

// Read and written on every message: hot statements (see hot.ts).

/** A user's unfinished conversation. */
export async function readFlow(db: Db, userId: number): Promise<StoredFlow | null> {
  const rows = await queryRows<StoredFlow>(db, `SELECT "flow", "step", "data", "expiresAt" FROM "ConversationState" WHERE "userId" = ?`, [userId], { dates: ["expiresAt"] });
  return rows[0] ?? null;
}

export async function writeFlow(db: Db, userId: number, f: StoredFlow): Promise<void> {
  await execute(
    db,
    `INSERT INTO "ConversationState" ("userId", "flow", "step", "data", "expiresAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT ("userId") DO UPDATE SET "flow" = excluded."flow", "step" = excluded."step", "data" = excluded."data", "expiresAt" = excluded."expiresAt", "updatedAt" = excluded."updatedAt"`,
    [userId, f.flow, f.step, f.data, f.expiresAt, new Date()],
  );
}

export async function deleteFlow(db: Db, userId: number): Promise<void> {
  await execute(db, `DELETE FROM "ConversationState" WHERE "userId" = ?`, [userId]);
}
