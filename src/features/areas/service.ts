import { allAreasInOrder, setHomeArea } from "../../data/areas.js";
import type { Db } from "../../data/client.js";
import { cachedShape } from "../../data/shape-cache.js";
import type { Area } from "../../generated/prisma/client.js";

/** Every area lookup a message makes is answered from this cached list (see shape-cache.ts). */
async function areas(db: Db) {
  return cachedShape(db, "areas", async () => {
    const rows = await allAreasInOrder(db);
    // The area buttons are drawn from this tree on most first messages.
    const blocks = rows.filter((b) => b.kind === "block").map((b) => ({ ...b, children: rows.filter((a) => a.kind === "area" && a.parentId === b.id) }));
    return { all: rows, blocks, byName: new Map(rows.map((a) => [a.name, a])), byId: new Map(rows.map((a) => [a.id, a])) };
  });
}

/** All areas and blocks, in display order. */
export async function allAreas(db: Db): Promise<readonly Area[]> {
  return (await areas(db)).all;
}

export async function areaByName(db: Db, name: string): Promise<Area | null> {
  return (await areas(db)).byName.get(name) ?? null;
}

export async function areaById(db: Db, id: number): Promise<Area | null> {
  return (await areas(db)).byId.get(id) ?? null;
}

/** Layer-1 blocks with their layer-2 areas, in display order. */
export async function blocksWithAreas(db: Db): Promise<readonly (Area & { children: Area[] })[]> {
  return (await areas(db)).blocks;
}

/** The other areas of the same block (neighbours for "try nearby" suggestions). */
export async function neighbourAreas(db: Db, area: Area): Promise<Area[]> {
  if (!area.parentId) return [];
  return (await areas(db)).all.filter((a) => a.parentId === area.parentId && a.kind === "area" && a.id !== area.id);
}

export { setHomeArea };
