import type { Db } from "./client.js";

/** Areas (日常生活圏域, blocks, the municipality) as the features read them. */

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

/** Blocks with their areas, in order (the simulator's area picker). */
export function blocksWithChildren(db: Db) {
  return db.area.findMany({ where: { kind: "block" }, include: { children: { orderBy: { sortOrder: "asc" } } }, orderBy: { sortOrder: "asc" } });
}

/** Areas by name; `kind` narrows to one kind. */
export function areasByNames(db: Db, names: string[], kind?: string) {
  return db.area.findMany({ where: { name: { in: names }, ...(kind ? { kind } : {}) } });
}

export function areasOfKind(db: Db, kind: string) {
  return db.area.findMany({ where: { kind } });
}

export async function allAreaNames(db: Db): Promise<string[]> {
  return (await db.area.findMany({ select: { name: true } })).map((a) => a.name);
}

export function allAreas(db: Db) {
  return db.area.findMany();
}

export function allCategories(db: Db) {
  return db.category.findMany();
}

export interface AreaImportRow {
  name: string;
  kind: string;
  reading: string;
  lat: number | null;
  lng: number | null;
  aliases: string[];
  parent: string | null;
}

/** Writes an area list in one transaction: each area by name, then the parents. */
export async function writeAreaImport(db: Db, rows: AreaImportRow[]): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const [i, r] of rows.entries()) {
      const data = { name: r.name, kind: r.kind, reading: r.reading, lat: r.lat, lng: r.lng, aliases: JSON.stringify(r.aliases), sortOrder: 1000 + i };
      await tx.area.upsert({ where: { name: r.name }, create: data, update: data });
    }
    for (const r of rows) {
      const parent = r.parent ? await tx.area.findUnique({ where: { name: r.parent } }) : null;
      await tx.area.update({ where: { name: r.name }, data: { parentId: parent?.id ?? null } });
    }
  });
}
