import type { Db } from "../db/client.js";
import type { Slots } from "../nlu/types.js";

export interface InquiryInput {
  userId: number | null;
  text: string;
  intent: string;
  slots: Slots | Record<string, unknown>;
  categoryKey?: string | null;
  areaId?: number | null;
  resultsCount: number;
}

/**
 * One row per question a resident asks, for the needs report. Rows with no
 * results are the unmet needs. Only the internal user id is kept, never names.
 */
export async function logInquiry(db: Db, i: InquiryInput): Promise<void> {
  await db.inquiryLog.create({
    data: {
      userId: i.userId,
      text: [...i.text].slice(0, 500).join(""),
      intent: i.intent,
      slots: JSON.stringify(i.slots),
      categoryKey: i.categoryKey ?? null,
      areaId: i.areaId ?? null,
      resultsCount: i.resultsCount,
    },
  });
}
