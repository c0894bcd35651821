import type { Db } from "../data/client.js";
import { insertInquiry } from "../data/inquiries.js";
import type { Slots } from "../nlu/types.js";
import { firstChars } from "../util/chars.js";
import type { User } from "../generated/prisma/client.js";
import { rolesOf } from "../users/service.js";

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
export async function logInquiry(db: Db, i: InquiryInput & { asker?: Pick<User, "roles"> }): Promise<void> {
  // Needs figures count residents' searches and requests: a coordinator's own questions are staff work.
  if (i.asker && rolesOf(i.asker).some((r) => r === "sc" || r === "admin")) return;
  await insertInquiry(db, {
    userId: i.userId,
    text: firstChars(i.text, 500),
    intent: i.intent,
    slots: JSON.stringify(i.slots),
    categoryKey: i.categoryKey ?? null,
    areaId: i.areaId ?? null,
    resultsCount: i.resultsCount,
  });
}
