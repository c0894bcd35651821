import { sqlOf, type Db } from "../db/client.js";
import { fromSqliteTimestamp, sqliteTimestamp } from "../db/sql.js";
import type { User } from "../generated/prisma/client.js";

export type Role = "resident" | "volunteer" | "sc" | "admin" | "organizer";

export function rolesOf(user: Pick<User, "roles">): Role[] {
  return user.roles.split(",").map((r) => r.trim()).filter(Boolean) as Role[];
}

export function hasRole(user: Pick<User, "roles">, role: Role): boolean {
  return rolesOf(user).includes(role);
}

export function withRole(user: Pick<User, "roles">, role: Role, present: boolean): string {
  const set = new Set(rolesOf(user));
  if (present) set.add(role);
  else set.delete(role);
  if (set.size === 0) set.add("resident");
  return [...set].join(",");
}

type UserRow = Omit<User, "following" | "announcementsOptOut" | "followedAt" | "unfollowedAt" | "consentAt" | "createdAt" | "updatedAt"> & {
  following: number;
  announcementsOptOut: number;
  followedAt: string | null;
  unfollowedAt: string | null;
  consentAt: string | null;
  createdAt: string;
  updatedAt: string;
};

function userFromRow(r: UserRow): User {
  return {
    ...r,
    following: r.following === 1,
    announcementsOptOut: r.announcementsOptOut === 1,
    followedAt: fromSqliteTimestamp(r.followedAt),
    unfollowedAt: fromSqliteTimestamp(r.unfollowedAt),
    consentAt: fromSqliteTimestamp(r.consentAt),
    createdAt: fromSqliteTimestamp(r.createdAt)!,
    updatedAt: fromSqliteTimestamp(r.updatedAt)!,
  };
}

/** The user row for a LINE user id, created on first contact. */
export async function ensureUser(db: Db, lineUserId: string): Promise<User> {
  // Every message pays for this: plain statements, and a write only for a new user.
  const sql = sqlOf(db);
  const select = `SELECT * FROM "User" WHERE "lineUserId" = ?`;
  const found = sql.get<UserRow>(select, lineUserId);
  if (found) return userFromRow(found);
  const now = sqliteTimestamp(new Date());
  await sql.write(() =>
    sql.run(`INSERT INTO "User" ("lineUserId", "createdAt", "updatedAt") VALUES (?, ?, ?) ON CONFLICT ("lineUserId") DO NOTHING`, lineUserId, now, now),
  );
  return userFromRow(sql.get<UserRow>(select, lineUserId)!);
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
  const sql = sqlOf(db);
  await sql.write(() => sql.run(`UPDATE "User" SET "offered" = ? WHERE "id" = ?`, offered, userId));
}

/** Counts which meaning was tapped after "もしかして" (no text kept). */
export async function recordClarifyChoice(db: Db, offered: string[], chosen: string): Promise<void> {
  await db.clarifyChoice.create({ data: { offered: offered.join(","), chosen } });
}

/** Marks a group or room as told that the bot works one-to-one; true only the first time. */
export async function firstTimeInGroup(db: Db, chatId: string): Promise<boolean> {
  const r = await db.chatGroup.createMany({ data: [{ id: chatId }] }).catch(() => ({ count: 0 }));
  return r.count === 1;
}

/** The bot left (or was removed from) a group: it may be told again if added back. */
export async function forgetGroup(db: Db, chatId: string): Promise<void> {
  await db.chatGroup.deleteMany({ where: { id: chatId } });
}
