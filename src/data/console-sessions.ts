import type { Db } from "./client.js";

/** The staff console's one-time sign-in links and sessions (only hashes of their tokens are stored). */

export async function storeLoginToken(db: Db, tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
  await db.loginToken.create({ data: { tokenHash, userId, expiresAt } });
}

export function loginTokenByHash(db: Db, tokenHash: string) {
  return db.loginToken.findUnique({ where: { tokenHash } });
}

/** Marks a link used; false when it was used meanwhile (by another request or process). */
export async function useLoginToken(db: Db, id: number, at: Date): Promise<boolean> {
  const claimed = await db.loginToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: at } });
  return claimed.count === 1;
}

export async function createConsoleSession(db: Db, tokenHash: string, userId: number, csrf: string, at: Date): Promise<void> {
  await db.consoleSession.create({ data: { tokenHash, userId, csrf, lastSeenAt: at } });
}

export function consoleSessionByHash(db: Db, tokenHash: string) {
  return db.consoleSession.findUnique({ where: { tokenHash } });
}

export async function touchConsoleSession(db: Db, id: number, at: Date): Promise<void> {
  await db.consoleSession.update({ where: { id }, data: { lastSeenAt: at } });
}

export async function deleteConsoleSession(db: Db, id: number): Promise<void> {
  await db.consoleSession.deleteMany({ where: { id } });
}

/** Sign out everywhere. */
export async function deleteConsoleSessionsOf(db: Db, userId: number): Promise<void> {
  await db.consoleSession.deleteMany({ where: { userId } });
}
