import type { Db } from "../db/client.js";
import type { User } from "../generated/prisma/client.js";

export type Role = "resident" | "volunteer" | "sc" | "admin";

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

/** The user row for a LINE user id, created on first contact. */
export async function ensureUser(db: Db, lineUserId: string): Promise<User> {
  // A plain read first (every message pays for it): nearly all come from a known user, and an upsert costs a write.
  const [found] = await db.$queryRawUnsafe<User[]>(`SELECT * FROM "User" WHERE "lineUserId" = ?`, lineUserId);
  if (found) return found;
  return db.user.upsert({ where: { lineUserId }, create: { lineUserId }, update: {} });
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
