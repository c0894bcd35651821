import type { Db } from "./client.js";
import { AREAS, BLOCKS, CATEGORIES, MUNICIPALITY } from "../../prisma/seed/areas.js";
import { demoResources } from "../../prisma/seed/resources.js";
import { describeSchedule } from "../schedule/describe.js";
import { geoCell } from "../features/search/geo.js";

export interface SeedSummary {
  areas: number;
  categories: number;
  resources: number;
}

/** Fills the demo municipality. Idempotent: every row is upserted by a natural key. */
export async function seedDatabase(db: Db): Promise<SeedSummary> {
  return db.$transaction(async (tx) => {
    const upsertArea = (data: { name: string; reading: string; kind: string; parentId: number | null; lat: number; lng: number; aliases?: string[]; sortOrder: number }) =>
      tx.area.upsert({
        where: { name: data.name },
        create: { ...data, aliases: JSON.stringify(data.aliases ?? []) },
        update: { ...data, aliases: JSON.stringify(data.aliases ?? []) },
      });
    const ward = await upsertArea({ ...MUNICIPALITY, kind: "municipality", parentId: null, sortOrder: 0 });
    const blockIds = new Map<string, number>();
    for (const [i, b] of BLOCKS.entries()) {
      const row = await upsertArea({ ...b, kind: "block", parentId: ward.id, sortOrder: i + 1 });
      blockIds.set(b.name, row.id);
    }
    const areaIds = new Map<string, number>();
    for (const [i, a] of AREAS.entries()) {
      const row = await upsertArea({
        name: a.name,
        reading: a.reading,
        kind: "area",
        parentId: blockIds.get(a.block)!,
        lat: a.lat,
        lng: a.lng,
        aliases: a.aliases,
        sortOrder: 10 + i,
      });
      areaIds.set(a.name, row.id);
    }
    for (const [i, c] of CATEGORIES.entries()) {
      await tx.category.upsert({ where: { key: c.key }, create: { ...c, sortOrder: i }, update: { ...c, sortOrder: i } });
    }
    const resources = demoResources();
    for (const r of resources) {
      const { area, ...fields } = r;
      const schedule = describeSchedule(r.scheduleText);
      const data = {
        ...fields,
        areaId: areaIds.get(area)!,
        scheduleRule: schedule.rule ? JSON.stringify(schedule.rule) : null,
        weekdayMask: schedule.weekdayMask,
        geoCell: geoCell(r.lat, r.lng),
        source: "デモデータ（架空）",
      };
      await tx.resource.upsert({ where: { externalId: r.externalId }, create: data, update: data });
    }
    return { areas: 1 + BLOCKS.length + AREAS.length, categories: CATEGORIES.length, resources: resources.length };
  });
}

/** Seeds only an empty database, so later starts migrate without re-seeding. */
export async function seedIfEmpty(db: Db): Promise<SeedSummary | null> {
  const count = await db.area.count();
  return count === 0 ? seedDatabase(db) : null;
}
