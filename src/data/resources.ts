import { cachedShape } from "./shape-cache.js";
import type { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./client.js";
import { dialectOf, isPostgres, numbered, queryRows, type SqlValue } from "./hot.js";

/**
 * The queries behind every search (LINE, web, printed sheets). Searches run on
 * most messages, so they are hand-written hot statements (see hot.ts) that
 * read only the columns needed to rank; full rows are read for the page
 * alone. Portable SQL: identifiers quoted, `?` placeholders.
 */

/** What a search narrows by; every field optional but the status, which is always active. */
export interface ResourceFilter {
  publicOnly?: boolean;
  categoryKeys?: string[];
  /** 無料, 0円, なし … (see FREE_FEE). */
  free?: boolean;
  /** 0 = 日 … 6 = 土: the activity can take place on one of them. */
  weekdays?: number[];
  areaIds?: number[];
}

/** The few columns needed to filter and rank. */
export interface ResourceCandidate {
  id: number;
  name: string;
  scheduleRule: string | null;
  lat: number | null;
  lng: number | null;
  visibility: string;
}

/** A resource as read for a page, with its category's label and kind and its area's name. */
export interface ResourceRow extends ResourceCandidate {
  categoryKey: string;
  categoryLabel: string;
  categoryKind: string;
  areaName: string | null;
  venue: string;
  address: string;
  scheduleText: string;
  fee: string;
  phone: string;
  organiser: string;
  target: string;
  description: string;
  lastVerifiedAt: Date | null;
}

interface Where {
  sql: string;
  args: SqlValue[];
}

const list = (n: number) => Array.from({ length: n }, () => "?").join(",");

function whereOf(db: Db, f: ResourceFilter): Where {
  const sql = [`r."status" = 'active'`];
  const args: SqlValue[] = [];
  if (f.publicOnly) sql.push(`r."visibility" = 'public'`);
  // Category keys, not a join on Category.kind: the join makes SQLite scan by category instead of by place.
  if (f.categoryKeys?.length) {
    sql.push(`r."categoryKey" IN (${list(f.categoryKeys.length)})`);
    args.push(...f.categoryKeys);
  }
  if (f.free) {
    // 無料 (without a charge in yen beside it, as in 初回無料・2回目から300円), 0円, なし, 不要.
    sql.push(`((r."fee" LIKE '%無料%' AND NOT (${dialectOf(db).hasYenAmount(`r."fee"`)})) OR trim(r."fee") IN ('0円', 'なし', '不要', 'かかりません'))`);
  }
  if (f.weekdays?.length) {
    sql.push(`(r."weekdayMask" & ?) != 0`);
    args.push(f.weekdays.reduce((m, d) => m | (1 << d), 0));
  }
  if (f.areaIds) {
    if (f.areaIds.length === 0) sql.push("1 = 0");
    else {
      sql.push(`r."areaId" IN (${list(f.areaIds.length)})`);
      args.push(...f.areaIds);
    }
  }
  return { sql: sql.join(" AND "), args };
}

const CANDIDATE_COLUMNS = `r."id", r."name", r."scheduleRule", r."lat", r."lng", r."visibility"`;
const FULL_COLUMNS = `${CANDIDATE_COLUMNS}, r."categoryKey", c."label" AS "categoryLabel", c."kind" AS "categoryKind", a."name" AS "areaName", r."venue", r."address",
  r."scheduleText", r."fee", r."phone", r."organiser", r."target", r."description", r."lastVerifiedAt"`;
const FULL_FROM = `FROM "Resource" r JOIN "Category" c ON c."key" = r."categoryKey" LEFT JOIN "Area" a ON a."id" = r."areaId"`;

const FULL_TYPES = { dates: ["lastVerifiedAt"], ints: ["id"] } as const;
const ID_TYPES = { ints: ["id"] } as const;

/** Category key → label and kind, cached like the area tree. */
export function categoryLabels(db: Db): Promise<Map<string, { label: string; kind: string }>> {
  return cachedShape(db, "categories", async () => {
    const rows = await db.category.findMany({ select: { key: true, label: true, kind: true } });
    return new Map(rows.map((c) => [c.key, { label: c.label, kind: c.kind }]));
  });
}

/** The category keys of a kind (place, service, consultation). */
export function categoryKeysOfKind(db: Db, kind: string): Promise<string[]> {
  return cachedShape(db, `kind:${kind}`, async () => (await db.category.findMany({ where: { kind }, select: { key: true } })).map((c) => c.key));
}

/** A block or the whole municipality stands for every area under it. */
export function areaWithDescendants(db: Db, areaId: number): Promise<number[]> {
  return cachedShape(db, `area:${areaId}`, async () => {
    const ids = [areaId];
    let frontier = [areaId];
    while (frontier.length) {
      const children = await db.area.findMany({ where: { parentId: { in: frontier } }, select: { id: true } });
      frontier = children.map((c) => c.id).filter((id) => !ids.includes(id));
      ids.push(...frontier);
    }
    return ids;
  });
}

/**
 * Places in the given grid cells and bounding box, nearest first by a
 * flat-earth approximation (exact distances are the caller's), at most `limit`.
 */
export async function nearestCandidates(
  db: Db,
  f: ResourceFilter,
  near: { lat: number; lng: number },
  cells: number[],
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
  limit: number,
): Promise<ResourceCandidate[]> {
  const w = whereOf(db, f);
  const k = Math.cos((near.lat * Math.PI) / 180) ** 2;
  const rows = await queryRows<ResourceCandidate>(
    db,
    `SELECT ${CANDIDATE_COLUMNS} FROM "Resource" r WHERE ${w.sql} AND r."geoCell" IN (${list(cells.length)}) AND r."lat" BETWEEN ? AND ? AND r."lng" BETWEEN ? AND ?
     ORDER BY (r."lat" - ?) * (r."lat" - ?) + (r."lng" - ?) * (r."lng" - ?) * ? LIMIT ${Math.floor(limit)}`,
    [...w.args, ...cells, box.minLat, box.maxLat, box.minLng, box.maxLng, near.lat, near.lat, near.lng, near.lng, k],
    ID_TYPES,
  );
  return rows;
}

/** How many matching resources share each schedule (area searches rank schedules, which are few). */
export async function scheduleGroups(db: Db, f: ResourceFilter): Promise<{ rule: string | null; n: number }[]> {
  const w = whereOf(db, f);
  const rows = await queryRows<{ rule: string | null; n: number | bigint }>(db, `SELECT r."scheduleRule" AS "rule", COUNT(*) AS "n" FROM "Resource" r WHERE ${w.sql} GROUP BY r."scheduleRule"`, w.args, { ints: ["n"] });
  return rows.map((g) => ({ rule: g.rule, n: Number(g.n) }));
}

/** Full rows of the matching resources with one schedule, by name, a page of them. */
export async function rowsWithSchedule(db: Db, f: ResourceFilter, rule: string | null, limit: number, offset: number): Promise<ResourceRow[]> {
  const w = whereOf(db, f);
  const rows = await queryRows<ResourceRow>(
    db,
    `SELECT ${FULL_COLUMNS} ${FULL_FROM} WHERE ${w.sql} AND r."scheduleRule" IS NOT DISTINCT FROM ? ORDER BY ${dialectOf(db).byCodePoint(`r."name"`)}, r."id" LIMIT ? OFFSET ?`,
    [...w.args, rule, Math.floor(limit), Math.floor(offset)],
    FULL_TYPES,
  );
  return rows;
}

/** Ids, names and schedules of the matching resources with any of these schedules. */
export async function namesWithSchedules(db: Db, f: ResourceFilter, rules: (string | null)[]): Promise<{ id: number; name: string; rule: string | null }[]> {
  const w = whereOf(db, f);
  const texts = rules.filter((r): r is string => r !== null);
  const test = [texts.length ? `r."scheduleRule" IN (${list(texts.length)})` : "", rules.includes(null) ? `r."scheduleRule" IS NULL` : ""].filter(Boolean).join(" OR ");
  if (!test) return [];
  const rows = await queryRows<{ id: number; name: string; rule: string | null }>(db, `SELECT r."id", r."name", r."scheduleRule" AS "rule" FROM "Resource" r WHERE ${w.sql} AND (${test})`, [...w.args, ...texts], ID_TYPES);
  return rows;
}

/** Full rows by id (whatever their status: the caller decided to show them). */
export async function resourceRows(db: Db, ids: number[]): Promise<Map<number, ResourceRow>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<ResourceRow>(db, `SELECT ${FULL_COLUMNS} ${FULL_FROM} WHERE r."id" IN (${list(ids.length)})`, ids, FULL_TYPES);
  return new Map(rows.map((r) => [r.id, r]));
}

/** One resource with its category and area, for a detail page. */
export function resourceWithPlace(db: Db, id: number) {
  return db.resource.findUnique({ where: { id }, include: { category: true, area: true } });
}

/** The fields of a resource as people write them (a spreadsheet row, the console's form). */
export interface ResourceFields {
  externalId: string | null;
  name: string;
  reading: string;
  categoryKey: string;
  areaId: number | null;
  description: string;
  venue: string;
  address: string;
  lat: number | null;
  lng: number | null;
  scheduleText: string;
  fee: string;
  target: string;
  organiser: string;
  phone: string;
  visibility: string;
  status: string;
  lastVerifiedAt: Date | null;
}

/** A resource row as an import writes it (every column but the id): the fields and what is derived from them. */
export interface ResourceInsert extends ResourceFields {
  geoCell: number | null;
  scheduleRule: string | null;
  weekdayMask: number;
  source: string;
  activatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const INSERT_COLUMNS = [
  "externalId", "name", "reading", "categoryKey", "areaId", "description", "venue", "address", "lat", "lng", "geoCell", "scheduleText", "scheduleRule",
  "weekdayMask", "fee", "target", "organiser", "phone", "visibility", "status", "source", "lastVerifiedAt", "activatedAt", "createdAt", "updatedAt",
] as const satisfies readonly (keyof ResourceInsert)[];

/**
 * Writes an import in one transaction: new rows as multi-row INSERTs
 * (createMany costs about a millisecond a row through the driver adapter, which
 * would make a 10,000-row file slow), then the updates.
 */
export async function writeResourceImport(
  db: Db,
  creates: ResourceInsert[],
  updates: { id: number; data: Prisma.ResourceUncheckedUpdateInput }[],
  onProgress: (done: number) => void,
): Promise<void> {
  const pg = isPostgres(db);
  let done = 0;
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < creates.length; i += 500) {
        const batch = creates.slice(i, i + 500);
        const args = batch.flatMap((r) => INSERT_COLUMNS.map((c) => r[c]));
        const row = `(${INSERT_COLUMNS.map(() => "?").join(",")})`;
        const text = `INSERT INTO "Resource" (${INSERT_COLUMNS.map((c) => `"${c}"`).join(",")}) VALUES ${batch.map(() => row).join(",")}`;
        await tx.$executeRawUnsafe(pg ? numbered(text) : text, ...args);
        done += batch.length;
        onProgress(done);
      }
      for (const u of updates) {
        await tx.resource.update({ where: { id: u.id }, data: u.data });
        if (++done % 500 === 0) onProgress(done);
      }
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/** Every resource (of these areas, or all) with its category and area, for an export. */
export function resourcesForExport(db: Db, areaIds: number[] | null) {
  return db.resource.findMany({ where: areaIds ? { areaId: { in: areaIds } } : {}, include: { category: true, area: true }, orderBy: { id: "asc" } });
}

export function resourceNamesByIds(db: Db, ids: number[]) {
  return db.resource.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
}

export function resourcesByExternalIds(db: Db, externalIds: string[]) {
  return db.resource.findMany({ where: { externalId: { in: externalIds } } });
}

export function resourcesByNames(db: Db, names: string[]) {
  return db.resource.findMany({ where: { name: { in: names } } });
}
