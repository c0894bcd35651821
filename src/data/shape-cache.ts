import type { Db } from "./client.js";

/**
 * Areas and categories change only when staff import a file, yet nearly every
 * message looks them up: they are kept here for a minute, per database, and
 * importers forget them at once.
 */
const TTL_MS = 60_000;
const caches = new WeakMap<Db, Map<string, { at: number; value: unknown }>>();

export async function cachedShape<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  let m = caches.get(db);
  if (!m) caches.set(db, (m = new Map()));
  const hit = m.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as T;
  const value = await load();
  m.set(key, { at: Date.now(), value });
  return value;
}

/** After an import: the next lookup reads the database again. */
export function forgetShapes(db: Db): void {
  caches.delete(db);
}
