import os from "node:os";
import path from "node:path";

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return "postgres";
  }
}

/** Where the data lives: an embedded SQLite file (the default) or a PostgreSQL server. */
export type DatabaseTarget =
  | { provider: "sqlite"; file: string }
  | { provider: "postgresql"; connectionString: string; schema?: string };

export class DatabaseUrlError extends Error {}

/**
 * Reads DATABASE_URL: `file:./data/bot.db` (relative to cwd), a bare path, or
 * `postgresql://user@host:5432/db?schema=name` (also `postgres://`).
 */
export function databaseTargetOf(url: string, cwd = process.cwd()): DatabaseTarget {
  const u = url.trim();
  if (/^postgres(ql)?:\/\//i.test(u)) {
    let parsed: URL;
    try {
      parsed = new URL(u);
    } catch {
      throw new DatabaseUrlError(`is not a valid PostgreSQL URL: "${redactUrl(u)}"`);
    }
    if (!parsed.pathname || parsed.pathname === "/") throw new DatabaseUrlError("names no PostgreSQL database (postgresql://host:5432/database)");
    const schema = parsed.searchParams.get("schema") ?? undefined;
    if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new DatabaseUrlError(`schema "${schema}" must be letters, digits and _`);
    // node-postgres does not know Prisma's schema parameter.
    parsed.searchParams.delete("schema");
    // Like psql, the operating-system user when the URL names none (node-postgres reads only $USER, often unset for services).
    if (!parsed.username && !process.env.PGUSER) parsed.username = osUser();
    return { provider: "postgresql", connectionString: parsed.toString(), schema };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) throw new DatabaseUrlError(`only SQLite (file:…) and PostgreSQL (postgresql://…) are supported, got "${redactUrl(u)}"`);
  const file = u.replace(/^file:/, "").replace(/\?.*$/, "");
  if (file === "") throw new DatabaseUrlError("names no file");
  return { provider: "sqlite", file: path.resolve(cwd, file) };
}

/** A URL fit for a log line or an error message: no password. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

/** How a target is named in logs and status output. */
export function describeTarget(t: DatabaseTarget): string {
  return t.provider === "sqlite" ? t.file : redactUrl(t.connectionString) + (t.schema ? ` (schema ${t.schema})` : "");
}
