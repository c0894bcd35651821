import type { Db } from "./client.js";

/** 見つかったら知らせてほしい: one waiting request per person, area and category. */
export async function requestNotice(db: Db, userId: number, areaId: number, categoryKey: string, now: Date, expiresAt: Date): Promise<void> {
  const open = await db.notifyRequest.findFirst({ where: { userId, areaId, categoryKey, notifiedAt: null, expiresAt: { gt: now } } });
  if (!open) await db.notifyRequest.create({ data: { userId, areaId, categoryKey, expiresAt } });
}
