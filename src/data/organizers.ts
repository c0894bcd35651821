import type { Db } from "./client.js";

/** Organisers' side: their monthly checks and recruiting notes. */

export function resourceById(db: Db, id: number) {
  return db.resource.findUnique({ where: { id } });
}

/** The organiser answered (or changed something): this month's check for the activity is done. */
export async function markChecksAnswered(db: Db, resourceId: number, userId: number, at: Date): Promise<void> {
  await db.organizerCheck.updateMany({ where: { resourceId, userId, answeredAt: null }, data: { answeredAt: at } });
}

export function createRecruitNote(db: Db, userId: number, resourceId: number, kind: string, text: string) {
  return db.recruitNote.create({ data: { userId, resourceId, kind, text } });
}

export function recruitNoteById(db: Db, id: number) {
  return db.recruitNote.findUnique({ where: { id } });
}

/** Decides a pending note once: false when another SC decided it first. */
export async function decideRecruitNote(db: Db, id: number, approve: boolean, by: number, at: Date): Promise<boolean> {
  const claimed = await db.recruitNote.updateMany({ where: { id, status: "pending" }, data: { status: approve ? "approved" : "declined", decidedBy: by, decidedAt: at } });
  return claimed.count === 1;
}
