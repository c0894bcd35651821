import type { Db } from "../../data/client.js";
import { announcementRecipients } from "../../data/broadcasts.js";

export type AudienceRole = "residents" | "volunteers" | "council";

export interface Audience {
  role: AudienceRole;
  /** Layer-2 areas; every area when the whole municipality is chosen. */
  areaIds: number[];
  label: string;
}

export const ROLE_JA: Record<AudienceRole, string> = { residents: "住民", volunteers: "ボランティア", council: "協議体メンバー" };

/**
 * Who receives an announcement: following the account, not opted out, and
 * of the chosen role in the chosen areas. Resolved once, at confirmation.
 */
export async function resolveRecipients(db: Db, a: Audience): Promise<string[]> {
  return [...new Set(await announcementRecipients(db, a.role, a.areaIds))].sort();
}
