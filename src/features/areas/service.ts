import type { Db } from "../../db/client.js";
import type { Area } from "../../generated/prisma/client.js";

/**
 * Areas change only on import; lookups by name and id are kept for a
 * minute, since nearly every message asks for one.
 */
const TTL_MS = 60_000;
const cache = new WeakMap<Db, { at: number; byName: Map<string, Area>; byId: Map<number, Area> }>();

async function areas(db: Db) {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit;
  const rows = await db.area.findMany();
  const fresh = { at: Date.now(), byName: new Map(rows.map((a) => [a.name, a])), byId: new Map(rows.map((a) => [a.id, a])) };
  cache.set(db, fresh);
  return fresh;
}

export function forgetAreas(db: Db): void {
  cache.delete(db);
}

export async function areaByName(db: Db, name: string): Promise<Area | null> {
  return (await areas(db)).byName.get(name) ?? null;
}

export async function areaById(db: Db, id: number): Promise<Area | null> {
  return (await areas(db)).byId.get(id) ?? null;
}

/** Layer-1 blocks with their layer-2 areas, in display order. */
export async function blocksWithAreas(db: Db): Promise<(Area & { children: Area[] })[]> {
  return db.area.findMany({
    where: { kind: "block" },
    orderBy: { sortOrder: "asc" },
    include: { children: { where: { kind: "area" }, orderBy: { sortOrder: "asc" } } },
  });
}

/** The other areas of the same block (neighbours for "try nearby" suggestions). */
export async function neighbourAreas(db: Db, area: Area): Promise<Area[]> {
  if (!area.parentId) return [];
  return db.area.findMany({ where: { parentId: area.parentId, kind: "area", id: { not: area.id } }, orderBy: { sortOrder: "asc" } });
}

export async function setHomeArea(db: Db, userId: number, areaId: number): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { homeAreaId: areaId } });
}
