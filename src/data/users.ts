import type { User } from "../generated/prisma/client.js";
import type { Db } from "./client.js";

/** The user row for a LINE user id, created on first contact (a concurrent first message from another process included). */
export async function findOrCreateUser(db: Db, lineUserId: string): Promise<User> {
  const found = await db.user.findUnique({ where: { lineUserId } });
  if (found) return found;
  try {
    return await db.user.create({ data: { lineUserId } });
  } catch (err) {
    // P2002: created meanwhile by another conversation or process.
    if ((err as { code?: string }).code !== "P2002") throw err;
    return db.user.findUniqueOrThrow({ where: { lineUserId } });
  }
}

export async function markFollowed(db: Db, lineUserId: string, now: Date): Promise<User> {
  return db.user.upsert({
    where: { lineUserId },
    create: { lineUserId, following: true, followedAt: now },
    update: { following: true, followedAt: now, unfollowedAt: null },
  });
}

/** Unfollow: unreachable from now on, and any half-finished flow is dropped. */
export async function markUnfollowed(db: Db, lineUserId: string, now: Date): Promise<void> {
  const user = await db.user.findUnique({ where: { lineUserId } });
  if (!user) return;
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { following: false, unfollowedAt: now } }),
    db.conversationState.deleteMany({ where: { userId: user.id } }),
  ]);
}

/** Remembers the buttons of the last answer (JSON), or forgets them (null). */
export async function setOffered(db: Db, userId: number, offered: string | null): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { offered } });
}

/** Counts which meaning was tapped after "もしかして" (no text kept). */
export async function recordClarifyChoice(db: Db, offered: string[], chosen: string): Promise<void> {
  await db.clarifyChoice.create({ data: { offered: offered.join(","), chosen } });
}

/** Marks a group or room as told that the bot works one-to-one; true only the first time. */
export async function firstTimeInGroup(db: Db, chatId: string): Promise<boolean> {
  try {
    await db.chatGroup.create({ data: { id: chatId } });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return false;
    throw err;
  }
}

/** The bot left (or was removed from) a group: it may be told again if added back. */
export async function forgetGroup(db: Db, chatId: string): Promise<void> {
  await db.chatGroup.deleteMany({ where: { id: chatId } });
}
