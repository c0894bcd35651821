import type { Db } from "./client.js";
import { execute } from "./hot.js";

export interface InquiryRow {
  userId: number | null;
  text: string;
  intent: string;
  /** JSON text. */
  slots: string;
  categoryKey: string | null;
  areaId: number | null;
  resultsCount: number;
}

/** One row per question asked, for the needs figures (rows with no results are the unmet needs). */
export async function insertInquiry(db: Db, row: InquiryRow): Promise<void> {
  // Every question writes one: a hot statement (see hot.ts).
  await execute(
    db,
    `INSERT INTO "InquiryLog" ("userId", "text", "intent", "slots", "categoryKey", "areaId", "resultsCount", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.userId, row.text, row.intent, row.slots, row.categoryKey, row.areaId, row.resultsCount, new Date()],
  );
}
