import type { Db } from "../../db/client.js";
import { cachedShape } from "../../db/shape-cache.js";
import type { Area } from "../../generated/prisma/client.js";

async function areas(db: Db) {
  return cachedShape(db, "areas", async () => {
    const rows = await db.area.findMany();
    return { byName: new Map(rows.map((a) => [a.name, a])), byId: new Map(rows.map((a) => [a.id, a])) };
  });
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
