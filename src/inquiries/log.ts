import { sqliteTimestamp, sqlOf, type Db } from "../db/client.js";
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
  // Written for every question: a plain INSERT (timestamps in Prisma's own text form).
  const sql = sqlOf(db);
  await sql.write(() => sql.run(
    `INSERT INTO "InquiryLog" ("userId", "text", "intent", "slots", "categoryKey", "areaId", "resultsCount", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    i.userId,
    firstChars(i.text, 500),
    i.intent,
    JSON.stringify(i.slots),
    i.categoryKey ?? null,
    i.areaId ?? null,
    i.resultsCount,
    sqliteTimestamp(new Date()),
  ));
}
