import type { Db } from "../../data/client.js";

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
  const base = { following: true, announcementsOptOut: false };
  let users: { lineUserId: string }[];
  if (a.role === "residents") {
    users = await db.user.findMany({ where: { ...base, homeAreaId: { in: a.areaIds } }, select: { lineUserId: true } });
  } else if (a.role === "volunteers") {
    users = await db.user.findMany({
      where: { ...base, volunteer: { status: "active", areas: { some: { areaId: { in: a.areaIds } } } } },
      select: { lineUserId: true },
    });
  } else {
    users = await db.user.findMany({ where: { ...base, councilMembers: { some: { areaId: { in: a.areaIds } } } }, select: { lineUserId: true } });
  }
  return [...new Set(users.map((u) => u.lineUserId))].sort();
}
