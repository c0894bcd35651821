import type { Db } from "./client.js";

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
  await db.inquiryLog.create({ data: row });
}
