import type { Db } from "./client.js";

/** Areas (日常生活圏域, blocks, the municipality) as the features read them. */

export function areaById(db: Db, id: number) {
  return db.area.findUnique({ where: { id } });
}

export function areaByExactName(db: Db, name: string) {
  return db.area.findUnique({ where: { name } });
}

export function areaWithChildren(db: Db, id: number) {
  return db.area.findUnique({ where: { id }, include: { children: true } });
}

/** The areas with these ids, in the ward's own order. */
export function areasByIds(db: Db, ids: number[]) {
  return db.area.findMany({ where: { id: { in: ids } }, orderBy: { sortOrder: "asc" } });
}

/** Every 日常生活圏域 (kind "area"): what layer 1 covers. */
export async function allAreaIds(db: Db): Promise<number[]> {
  return (await db.area.findMany({ where: { kind: "area" }, select: { id: true } })).map((a) => a.id);
}

export function categoryByKey(db: Db, key: string) {
  return db.category.findUnique({ where: { key } });
}

/** Every area, in the ward's order (cached by the areas feature). */
export function allAreasInOrder(db: Db) {
  return db.area.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
}

export async function setHomeArea(db: Db, userId: number, areaId: number | null): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { homeAreaId: areaId } });
}

/** Areas and smaller units residents may name (for the router's area vocabulary). */
export function nameableAreas(db: Db) {
  return db.area.findMany({ where: { kind: { in: ["area", "unit"] } }, orderBy: { sortOrder: "asc" } });
}
