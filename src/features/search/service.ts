import type { Db } from "../../db/client.js";
import { nextOccurrences, occursOn, type Occurrence } from "../../schedule/occurrences.js";
import type { ScheduleRule } from "../../schedule/rule.js";
import { addDays, compareDates, parseIsoDate, type PlainDate, weekdayOf } from "../../schedule/time.js";
import type { TimeOfDay } from "../../nlu/types.js";
import { boundingBox, distanceMeters } from "./distance.js";
import type { SearchQuery } from "./query.js";

export interface ResourceHit {
  id: number;
  name: string;
  categoryKey: string;
  categoryLabel: string;
  categoryKind: string;
  areaName: string | null;
  venue: string;
  address: string;
  lat: number | null;
  lng: number | null;
  scheduleText: string;
  rule: ScheduleRule | null;
  fee: string;
  phone: string;
  organiser: string;
  target: string;
  description: string;
  /** Private-home activities: residents never see the address or venue. */
  restricted: boolean;
  next: Occurrence[];
  distanceM?: number;
}

export interface SearchOutcome {
  items: ResourceHit[];
  total: number;
  /** For location searches: the radius that found the results. */
  radiusM?: number;
}

export interface SearchOptions {
  now: Date;
  timeZone: string;
  /** SCs see SC-only resources in full. */
  viewer: "resident" | "sc";
  pageSize?: number;
}

/** Radii tried in turn for a location search until enough places are found. */
export const RADII_M = [1000, 2000, 4000, 8000];
const MIN_NEARBY = 3;
const TOD_WINDOWS: Record<TimeOfDay, [number, number]> = { morning: [0, 12 * 60], afternoon: [12 * 60, 17 * 60], evening: [17 * 60, 24 * 60] };

interface Row {
  id: number | bigint;
  name: string;
  categoryKey: string;
  categoryLabel: string;
  categoryKind: string;
  areaName: string | null;
  venue: string;
  address: string;
  lat: number | null;
  lng: number | null;
  scheduleText: string;
  scheduleRule: string | null;
  fee: string;
  phone: string;
  organiser: string;
  target: string;
  description: string;
  visibility: string;
}

const COLUMNS = `r.id, r.name, r.categoryKey, c.label AS categoryLabel, c.kind AS categoryKind, a.name AS areaName, r.venue, r.address,
  r.lat, r.lng, r.scheduleText, r.scheduleRule, r.fee, r.phone, r.organiser, r.target, r.description, r.visibility`;

function whereFor(q: SearchQuery): { sql: string[]; args: unknown[] } {
  const sql = ["r.status = 'active'"];
  const args: unknown[] = [];
  if (q.categories.length) {
    sql.push(`r.categoryKey IN (${q.categories.map(() => "?").join(",")})`);
    args.push(...q.categories);
  } else if (q.kind) {
    sql.push("c.kind = ?");
    args.push(q.kind);
  }
  if (q.weekdays?.length) {
    sql.push("(r.weekdayMask & ?) != 0");
    args.push(q.weekdays.reduce((m, d) => m | (1 << d), 0));
  }
  return { sql, args };
}

async function fetchRows(db: Db, q: SearchQuery, radiusM?: number): Promise<Row[]> {
  const { sql, args } = whereFor(q);
  const from = `FROM Resource r JOIN Category c ON c.key = r.categoryKey LEFT JOIN Area a ON a.id = r.areaId`;
  if (q.near && radiusM) {
    const box = boundingBox(q.near, radiusM);
    sql.push("r.lat BETWEEN ? AND ?", "r.lng BETWEEN ? AND ?");
    args.push(box.minLat, box.maxLat, box.minLng, box.maxLng);
    const k = Math.cos((q.near.lat * Math.PI) / 180);
    // Nearest first by a flat-earth approximation; exact distances are computed below.
    return db.$queryRawUnsafe<Row[]>(
      `SELECT ${COLUMNS} ${from} WHERE ${sql.join(" AND ")}
       ORDER BY (r.lat - ?) * (r.lat - ?) + (r.lng - ?) * (r.lng - ?) * ? LIMIT 300`,
      ...args, q.near.lat, q.near.lat, q.near.lng, q.near.lng, k * k,
    );
  }
  if (q.areaId !== undefined) {
    const ids = await areaAndDescendants(db, q.areaId);
    sql.push(`r.areaId IN (${ids.map(() => "?").join(",")})`);
    args.push(...ids);
  }
  return db.$queryRawUnsafe<Row[]>(`SELECT ${COLUMNS} ${from} WHERE ${sql.join(" AND ")} LIMIT 2000`, ...args);
}

/** A block or the whole municipality stands for every area under it. */
async function areaAndDescendants(db: Db, areaId: number): Promise<number[]> {
  const ids = [areaId];
  let frontier = [areaId];
  while (frontier.length) {
    const children = await db.area.findMany({ where: { parentId: { in: frontier } }, select: { id: true } });
    frontier = children.map((c) => c.id).filter((id) => !ids.includes(id));
    ids.push(...frontier);
  }
  return ids;
}

function parseRule(json: string | null): ScheduleRule | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as ScheduleRule;
  } catch {
    return null;
  }
}

function daysOf(q: SearchQuery): PlainDate[] | null {
  const from = q.date ? parseIsoDate(q.date) : null;
  if (!from) return null;
  const to = (q.dateTo && parseIsoDate(q.dateTo)) || from;
  const days: PlainDate[] = [];
  for (let d = from; compareDates(d, to) <= 0 && days.length < 62; d = addDays(d, 1)) {
    if (!q.weekdays?.length || q.weekdays.includes(weekdayOf(d))) days.push(d);
  }
  return days;
}

function overlaps(rule: ScheduleRule, tod: TimeOfDay): boolean {
  if (rule.start === undefined) return false;
  const [from, to] = TOD_WINDOWS[tod];
  const end = rule.end ?? rule.start + 60;
  return rule.start < to && end > from;
}

function toHit(row: Row, o: SearchOptions, q: SearchQuery, days: PlainDate[] | null): ResourceHit | null {
  const rule = parseRule(row.scheduleRule);
  if (days) {
    if (!rule) return null;
    const on = days.filter((d) => occursOn(rule, d));
    if (on.length === 0) return null;
  }
  if (q.timeOfDay && (!rule || !overlaps(rule, q.timeOfDay))) return null;
  let next = rule ? nextOccurrences(rule, o.now, o.timeZone, 3) : [];
  if (days && rule) next = days.filter((d) => occursOn(rule, d)).map((date) => ({ date, start: rule.start, end: rule.end }));
  if (q.weekdays?.length && rule && !days) next = next.filter((x) => q.weekdays!.includes(weekdayOf(x.date)));
  const restricted = row.visibility === "sc_only" && o.viewer !== "sc";
  return {
    id: Number(row.id),
    name: row.name,
    categoryKey: row.categoryKey,
    categoryLabel: row.categoryLabel,
    categoryKind: row.categoryKind,
    areaName: row.areaName,
    venue: restricted ? "" : row.venue,
    address: restricted ? "" : row.address,
    lat: restricted ? null : row.lat,
    lng: restricted ? null : row.lng,
    scheduleText: row.scheduleText,
    rule,
    fee: row.fee,
    phone: row.phone,
    organiser: row.organiser,
    target: row.target,
    description: row.description,
    restricted,
    next: next.slice(0, 2),
    distanceM: q.near && !restricted && row.lat !== null && row.lng !== null ? distanceMeters(q.near, { lat: row.lat, lng: row.lng }) : undefined,
  };
}

function byNextDate(a: ResourceHit, b: ResourceHit): number {
  const da = a.next[0];
  const dbb = b.next[0];
  if (da && dbb) return compareDates(da.date, dbb.date) || (da.start ?? 0) - (dbb.start ?? 0) || a.name.localeCompare(b.name, "ja");
  if (da) return -1;
  if (dbb) return 1;
  return a.name.localeCompare(b.name, "ja");
}

export async function searchResources(db: Db, q: SearchQuery, o: SearchOptions): Promise<SearchOutcome> {
  const pageSize = o.pageSize ?? 10;
  const days = daysOf(q);
  const collect = (rows: Row[]) => rows.map((r) => toHit(r, o, q, days)).filter((h): h is ResourceHit => h !== null);
  let hits: ResourceHit[];
  let radiusM: number | undefined;
  if (q.near) {
    hits = [];
    for (const r of RADII_M) {
      radiusM = r;
      // A private-home address is never located for residents: such places do not rank by distance.
      hits = collect(await fetchRows(db, q, r)).filter((h) => h.distanceM !== undefined && h.distanceM <= r);
      if (hits.length >= MIN_NEARBY) break;
    }
    hits.sort((a, b) => a.distanceM! - b.distanceM!);
  } else {
    hits = collect(await fetchRows(db, q)).sort(byNextDate);
  }
  const offset = q.offset ?? 0;
  return { items: hits.slice(offset, offset + pageSize), total: hits.length, radiusM };
}
