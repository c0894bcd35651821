import type { User } from "../generated/prisma/client.js";
import type { Db } from "./client.js";
import { execute, queryRows } from "./hot.js";

// The user and the last buttons are read or written on every message: hot statements (see hot.ts).
const USER_TYPES = { dates: ["followedAt", "unfollowedAt", "consentAt", "createdAt", "updatedAt"], booleans: ["following", "announcementsOptOut"] } as const;

async function userByLineId(db: Db, lineUserId: string): Promise<User | undefined> {
  const rows = await queryRows<User>(
    db,
    `SELECT "id", "lineUserId", "roles", "homeAreaId", "following", "followedAt", "unfollowedAt", "announcementsOptOut", "consentAt", "offered", "createdAt", "updatedAt" FROM "User" WHERE "lineUserId" = ?`,
    [lineUserId],
    USER_TYPES,
  );
  return rows[0];
}

/** The user row for a LINE user id, created on first contact (a concurrent first message from another process included). */
export async function findOrCreateUser(db: Db, lineUserId: string): Promise<User> {
  const found = await userByLineId(db, lineUserId);
  if (found) return found;
  const now = new Date();
  await execute(db, `INSERT INTO "User" ("lineUserId", "createdAt", "updatedAt") VALUES (?, ?, ?) ON CONFLICT ("lineUserId") DO NOTHING`, [lineUserId, now, now]);
  const created = await userByLineId(db, lineUserId);
  if (!created) throw new Error("user row vanished after insert");
  return created;
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
  await execute(db, `UPDATE "User" SET "offered" = ? WHERE "id" = ?`, [offered, userId]);
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

export function userById(db: Db, id: number) {
  return db.user.findUnique({ where: { id } });
}

/** お知らせ停止 / お知らせ再開. */
export async function setAnnouncementsOptOut(db: Db, userId: number, optOut: boolean): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { announcementsOptOut: optOut } });
}

export function findUserByLineId(db: Db, lineUserId: string) {
  return db.user.findUnique({ where: { lineUserId } });
}

/** People with these LINE ids, with their home area and SC scope (the simulator's personas). */
export function usersWithScope(db: Db, lineUserIds: string[]) {
  return db.user.findMany({ where: { lineUserId: { in: lineUserIds } }, include: { homeArea: true, scAssignments: { include: { area: true } } } });
}

/** Every SC with their scope. */
export function scsWithScope(db: Db) {
  return db.user.findMany({ where: { roles: { contains: "sc" } }, include: { scAssignments: { include: { area: true } } } });
}

/** A persona of the local simulator: created with a home area, or given one. */
export function upsertPersona(db: Db, lineUserId: string, homeAreaId: number | null) {
  return db.user.upsert({ where: { lineUserId }, create: { lineUserId, homeAreaId }, update: { homeAreaId: homeAreaId ?? undefined } });
}
