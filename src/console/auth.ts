import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../data/client.js";
import { consoleSessionByHash, createConsoleSession, deleteConsoleSession, deleteConsoleSessionsOf, loginTokenByHash, storeLoginToken, touchConsoleSession, useLoginToken } from "../data/console-sessions.js";
import { userById } from "../data/users.js";
import type { User } from "../generated/prisma/client.js";
import { hasRole } from "../users/service.js";

/**
 * Sign-in for the staff console without passwords: a one-time link the bot
 * sends to an SC or admin in LINE (or the CLI prints for the first admin),
 * valid 10 minutes, used once. It opens a session kept in the database (so
 * any instance serves it) that ends after 30 minutes without use; only hashes
 * of the link's token and the cookie's value are stored.
 *
 * Written here rather than with express-session: the session must start from
 * a single-use link bound to a LINE user, be revocable everywhere at once
 * ("sign out everywhere") and live in the bot's own database across instances;
 * those are the parts a session library would not do for us.
 */

export const LOGIN_TTL_MS = 10 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_COOKIE = "sasaeai_console";

const hash = (s: string) => createHash("sha256").update(s).digest("hex");
const token = () => randomBytes(32).toString("base64url");

export function isStaff(user: Pick<User, "roles">): boolean {
  return hasRole(user, "sc") || hasRole(user, "admin");
}

export async function createLoginLink(db: Db, user: User, baseUrl: string, now: Date): Promise<string> {
  if (!isStaff(user)) throw new Error("only coordinators and admins sign in to the console");
  const t = token();
  await storeLoginToken(db, hash(t), user.id, new Date(now.getTime() + LOGIN_TTL_MS));
  return `${baseUrl.replace(/\/$/, "")}/admin/login?t=${t}`;
}

export type LoginResult = { ok: true; cookie: string; user: User } | { ok: false; reason: "invalid" | "expired" | "used" | "not_staff" };

/** Uses a link once: a second use, an expired or unknown link opens nothing. */
export async function useLoginLink(db: Db, raw: string, now: Date): Promise<LoginResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return { ok: false, reason: "invalid" };
  const row = await loginTokenByHash(db, hash(raw));
  if (!row) return { ok: false, reason: "invalid" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  if (!(await useLoginToken(db, row.id, now))) return { ok: false, reason: "used" };
  const user = await userById(db, row.userId);
  if (!user || !isStaff(user)) return { ok: false, reason: "not_staff" };
  const cookie = token();
  await createConsoleSession(db, hash(cookie), user.id, token(), now);
  return { ok: true, cookie, user };
}

export interface ConsoleSession {
  id: number;
  user: User;
  csrf: string;
}

/** The session behind a cookie, refreshed; null when unknown, idle too long, or the person is no longer staff. */
export async function sessionFor(db: Db, cookie: string | undefined, now: Date): Promise<ConsoleSession | null> {
  if (!cookie || !/^[A-Za-z0-9_-]{20,100}$/.test(cookie)) return null;
  const row = await consoleSessionByHash(db, hash(cookie));
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION_IDLE_MS) {
    await deleteConsoleSession(db, row.id);
    return null;
  }
  const user = await userById(db, row.userId);
  if (!user || !isStaff(user)) return null;
  await touchConsoleSession(db, row.id, now);
  return { id: row.id, user, csrf: row.csrf };
}

export function csrfOk(session: ConsoleSession, sent: unknown): boolean {
  if (typeof sent !== "string") return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function signOut(db: Db, session: ConsoleSession, everywhere: boolean): Promise<void> {
  if (everywhere) await deleteConsoleSessionsOf(db, session.user.id);
  else await deleteConsoleSession(db, session.id);
}
