import type { Db } from "./client.js";

export interface StoredFlow {
  flow: string;
  step: string;
  /** JSON text of the flow's data. */
  data: string;
  expiresAt: Date;
}

/** A user's unfinished conversation, read on every message. */
export async function readFlow(db: Db, userId: number): Promise<StoredFlow | null> {
  return db.conversationState.findUnique({ where: { userId }, select: { flow: true, step: true, data: true, expiresAt: true } });
}

export async function writeFlow(db: Db, userId: number, f: StoredFlow): Promise<void> {
  await db.conversationState.upsert({ where: { userId }, create: { userId, ...f }, update: f });
}

export async function deleteFlow(db: Db, userId: number): Promise<void> {
  await db.conversationState.deleteMany({ where: { userId } });
}
