import type { Resource } from "../../generated/prisma/client.js";
import type { Db } from "../../data/client.js";
import {
  areaWithDescendants,
  categoryKeysOfKind,
  categoryLabels,
  namesWithSchedules,
  nearestCandidates,
  resourceRows,
  resourceWithPlace,
  rowsWithSchedule,
  scheduleGroups,
  type ResourceCandidate,
  type ResourceFilter,
  type ResourceRow,
} from "../../data/resources.js";
import { nextOccurrences, occursOn, type Occurrence } from "../../schedule/occurrences.js";
import type { ScheduleRule } from "../../schedule/rule.js";
import { scheduleNotices } from "../../schedule/notices.js";
import { addDays, compareDates, parseIsoDate, type PlainDate, weekdayOf } from "../../schedule/time.js";
import type { TimeOfDay } from "../../nlu/types.js";
import { boundingBox, distanceMeters } from "./distance.js";
import { cellsAround } from "./geo.js";
import type { SearchQuery } from "./query.js";

/** A resource as an answer shows it: its row, its schedule read and applied, and privacy applied. */
export interface ResourceHit
  extends Pick<
    ResourceRow,
    "id" | "name" | "categoryKey" | "categoryLabel" | "categoryKind" | "areaName" | "venue" | "address" | "lat" | "lng" | "scheduleText" | "fee" | "phone" | "organiser" | "target" | "description"
  > {
  rule: ScheduleRule | null;
  /** Private-home activities: residents never see the address or venue. */
  restricted: boolean;
  next: Occurrence[];
  distanceM?: number;
  /** When an organiser or SC last confirmed it (stale after three months). */
  lastVerifiedAt: Date | null;
  /** Days off, moved days, a pause, old information: what residents must be told (12月9日(水)はお休みです。). */
  notices: string[];
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
/** Location searches rank at most this many of the nearest candidates. */
const NEAREST_LIMIT = 100;
const TOD_WINDOWS: Record<TimeOfDay, [number, number]> = { morning: [0, 12 * 60], afternoon: [12 * 60, 17 * 60], evening: [17 * 60, 24 * 60] };

type Candidate = ResourceCandidate;
type FullRow = ResourceRow;

/** What the database narrows by: everything but dates and times of day, which the schedules decide. */
async function filterOf(db: Db, q: SearchQuery, withArea: boolean): Promise<ResourceFilter> {
  const keys = q.categories.length ? q.categories : q.kind ? await categoryKeysOfKind(db, q.kind) : [];
  return {
    publicOnly: q.publicOnly,
    categoryKeys: keys.length ? keys : undefined,
    free: q.free,
    weekdays: q.weekdays,
    areaIds: withArea && q.areaId !== undefined ? await areaWithDescendants(db, q.areaId) : undefined,
  };
}

/** Category key → label and kind, cached like the area tree. */
export function categoriesOf(db: Db): Promise<Map<string, { label: string; kind: string }>> {
  return categoryLabels(db);
}

async function candidates(db: Db, q: SearchQuery, radiusM: number): Promise<Candidate[]> {
  if (!q.near) throw new Error("candidates() is for location searches");
  return nearestCandidates(db, await filterOf(db, q, false), q.near, cellsAround(q.near, radiusM), boundingBox(q.near, radiusM), NEAREST_LIMIT);
}

/**
 * Area searches rank by the next date, which depends only on the schedule:
 * so they rank the distinct schedules (few) rather than the resources (many),
 * then read just the page's rows.
 */
async function rankByNextDate(db: Db, q: SearchQuery, memo: ScheduleMemo, offset: number, pageSize: number): Promise<{ page: Ranked[]; total: number }> {
  const filter = await filterOf(db, q, true);
  const groups = await scheduleGroups(db, filter);
  const ranked = groups
    .map((g) => ({ rule: g.rule, n: g.n, next: memo.matching(g.rule) }))
    .filter((g): g is { rule: string | null; n: number; next: Occurrence[] } => g.next !== null)
    .sort((a, b) => {
      const da = a.next[0];
      const dbb = b.next[0];
      if (da && dbb) return compareDates(da.date, dbb.date) || (da.start ?? 0) - (dbb.start ?? 0);
      return da ? -1 : dbb ? 1 : 0;
    });
  const total = ranked.reduce((sum, g) => sum + g.n, 0);
  // The schedules the page draws from, in rank order.
  const needed: typeof ranked = [];
  let covered = 0;
  for (const g of ranked) {
    if (covered >= offset + pageSize) break;
    needed.push(g);
    covered += g.n;
  }
  if (covered <= SMALL_PAGE_SOURCE) return { page: await smallPage(db, filter, needed, offset, pageSize), total };
  const page: Ranked[] = [];
  let skip = offset;
  for (const g of needed) {
    if (page.length >= pageSize) break;
    if (skip >= g.n) {
      skip -= g.n;
      continue;
    }
    const rows = await rowsWithSchedule(db, filter, g.rule, pageSize - page.length, skip);
    skip = 0;
    for (const c of rows) page.push({ c, next: g.next });
  }
  return { page, total };
}

/** Up to this many matching rows, one narrow query and a sort here beat a query per schedule. */
const SMALL_PAGE_SOURCE = 300;

/** Orders like SQLite's BINARY collation on UTF-8 (code points), which plain string comparison does not quite. */
function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

/** The page when its schedules hold few rows: ids and names of all of them, ranked here, then the page's full rows. */
async function smallPage(db: Db, filter: ResourceFilter, needed: { rule: string | null; next: Occurrence[] }[], offset: number, pageSize: number): Promise<Ranked[]> {
  if (needed.length === 0) return [];
  const rows = await namesWithSchedules(db, filter, needed.map((g) => g.rule));
  const rankOf = new Map(needed.map((g, i) => [g.rule, i]));
  rows.sort((a, b) => rankOf.get(a.rule)! - rankOf.get(b.rule)! || byCodePoint(a.name, b.name) || a.id - b.id);
  const slice = rows.slice(offset, offset + pageSize);
  const full = await fullRows(db, slice.map((r) => r.id));
  return slice.flatMap((r) => {
    const c = full.get(r.id);
    return c ? [{ c, next: needed[rankOf.get(r.rule)!].next }] : [];
  });
}

const fullRows = resourceRows;

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

/**
 * Next occurrences per schedule, shared by every search in the same minute:
 * they depend on the schedule and on the day and minute only, and most
 * searches meet the same few dozen schedules again.
 */
const upcomingThisMinute = { key: "", byRule: new Map<string, Occurrence[]>() };

function sharedUpcoming(json: string, rule: ScheduleRule, now: Date, timeZone: string, count: number): Occurrence[] {
  const key = `${timeZone} ${Math.floor(now.getTime() / 60_000)}`;
  if (upcomingThisMinute.key !== key || upcomingThisMinute.byRule.size > 20_000) {
    upcomingThisMinute.key = key;
    upcomingThisMinute.byRule = new Map();
  }
  const ruleKey = `${count} ${json}`;
  let occ = upcomingThisMinute.byRule.get(ruleKey);
  if (!occ) upcomingThisMinute.byRule.set(ruleKey, (occ = nextOccurrences(rule, now, timeZone, count)));
  return occ;
}

/**
 * Rules and their upcoming dates, worked out once per distinct schedule in a
 * search: many resources share the same schedule text.
 */
class ScheduleMemo {
  private rules = new Map<string, ScheduleRule | null>();
  private upcoming = new Map<string, Occurrence[]>();
  constructor(private readonly q: SearchQuery, private readonly o: SearchOptions, private readonly days: PlainDate[] | null) {}

  rule(json: string | null): ScheduleRule | null {
    if (!json) return null;
    let r = this.rules.get(json);
    if (r === undefined) {
      try {
        r = JSON.parse(json) as ScheduleRule;
      } catch {
        r = null;
      }
      this.rules.set(json, r);
    }
    return r;
  }

  /** Occurrences that answer the query, soonest first; null when the resource does not match it. */
  matching(json: string | null): Occurrence[] | null {
    const key = json ?? "";
    const cached = this.upcoming.get(key);
    if (cached) return cached.length || !this.filtered() ? cached : null;
    const rule = this.rule(json);
    let occ: Occurrence[] = [];
    let ok = true;
    if (this.days) {
      occ = rule ? this.days.filter((d) => occursOn(rule, d)).map((date) => ({ date, start: rule.start, end: rule.end })) : [];
      ok = occ.length > 0;
    }
    if (ok && this.q.timeOfDay) ok = rule !== null && overlaps(rule, this.q.timeOfDay);
    if (ok && !this.days && rule) {
      occ = sharedUpcoming(json!, rule, this.o.now, this.o.timeZone, this.q.weekdays?.length ? 8 : 2);
      if (this.q.weekdays?.length) occ = occ.filter((x) => this.q.weekdays!.includes(weekdayOf(x.date)));
    }
    const result = ok ? occ.slice(0, 2) : [];
    this.upcoming.set(key, result);
    return ok ? result : null;
  }

  private filtered(): boolean {
    return Boolean(this.days || this.q.timeOfDay);
  }
}

interface Ranked {
  c: Candidate | FullRow;
  next: Occurrence[];
  distanceM?: number;
}

export async function searchResources(db: Db, q: SearchQuery, o: SearchOptions): Promise<SearchOutcome> {
  const pageSize = o.pageSize ?? 10;
  const memo = new ScheduleMemo(q, o, daysOf(q));
  const rank = (rows: Candidate[]): Ranked[] => {
    const out: Ranked[] = [];
    for (const c of rows) {
      const next = memo.matching(c.scheduleRule);
      if (next) out.push({ c, next });
    }
    return out;
  };
  let ranked: Ranked[] = [];
  let radiusM: number | undefined;
  if (q.near) {
    for (const r of RADII_M) {
      radiusM = r;
      // A private home is never located for residents, so it does not rank by distance.
      const rows = (await candidates(db, q, r)).filter((c) => c.lat !== null && c.lng !== null && (c.visibility !== "sc_only" || o.viewer === "sc"));
      ranked = rank(rows)
        .map((x) => ({ ...x, distanceM: distanceMeters(q.near!, { lat: x.c.lat!, lng: x.c.lng! }) }))
        .filter((x) => x.distanceM <= r);
      if (ranked.length >= MIN_NEARBY) break;
    }
    ranked.sort((a, b) => a.distanceM! - b.distanceM!);
  }
  const offset = q.offset ?? 0;
  let page: Ranked[];
  let total: number;
  if (q.near) {
    page = ranked.slice(offset, offset + pageSize);
    total = ranked.length;
  } else {
    ({ page, total } = await rankByNextDate(db, q, memo, offset, pageSize));
  }
  // Area searches already read whole rows for their page; location searches read them now.
  const rows = await fullRows(db, page.filter((x) => !("categoryLabel" in x.c)).map((x) => Number(x.c.id)));
  for (const x of page) if ("categoryLabel" in x.c) rows.set(Number(x.c.id), x.c as FullRow);
  const items = page.flatMap((x) => {
    const row = rows.get(Number(x.c.id));
    return row ? [toHit(row, memo.rule(row.scheduleRule), x.next, x.distanceM, o)] : [];
  });
  return { items, total, radiusM };
}

function toHit(row: FullRow, rule: ScheduleRule | null, next: Occurrence[], distanceM: number | undefined, o: SearchOptions): ResourceHit {
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
    next,
    distanceM,
    lastVerifiedAt: row.lastVerifiedAt,
    notices: scheduleNotices(rule, row.lastVerifiedAt, o.now, o.timeZone),
  };
}

/** The stored fields a public page shows, with the category's label, the area's name and the next dates. */
const DETAIL_FIELDS = ["id", "name", "categoryKey", "areaId", "description", "venue", "address", "lat", "lng", "scheduleText", "fee", "target", "organiser", "phone", "accessibility", "lastVerifiedAt"] as const;
type DetailFields = Pick<Resource, (typeof DETAIL_FIELDS)[number]>;

/** Exactly the listed fields: nothing else of the row (its source, exceptions, flags) travels further. */
const detailFields = (r: Resource): DetailFields => Object.fromEntries(DETAIL_FIELDS.map((k) => [k, r[k]])) as DetailFields;

export type ResourceDetail = DetailFields & {
  categoryLabel: string;
  areaName: string | null;
  /** The next dates, holidays and the schedule's own exceptions applied. */
  next: Occurrence[];
  notices: string[];
};

/** One active public resource with its next dates, for the web page and printed sheets; null for SC-only, ended or missing ones. */
export async function publicResource(db: Db, id: number, now: Date, timeZone: string, count = 5, horizonDays = 400): Promise<ResourceDetail | null> {
  if (!Number.isInteger(id) || id <= 0) return null;
  const r = await resourceWithPlace(db, id);
  if (!r || r.visibility !== "public" || r.status !== "active") return null;
  const rule = r.scheduleRule ? (JSON.parse(r.scheduleRule) as ScheduleRule) : null;
  return {
    ...detailFields(r),
    categoryLabel: r.category.label,
    areaName: r.area?.name ?? null,
    next: rule ? nextOccurrences(rule, now, timeZone, count, horizonDays) : [],
    notices: scheduleNotices(rule, r.lastVerifiedAt, now, timeZone),
  };
}

/** Particular resources as residents see them in an answer (an organiser looking at their own listings). */
export async function resourceHits(db: Db, ids: number[], o: SearchOptions): Promise<ResourceHit[]> {
  const rows = await fullRows(db, ids);
  return ids
    .map((id) => rows.get(id))
    .filter((r): r is FullRow => r !== undefined)
    .map((r) => {
      const rule = r.scheduleRule ? (JSON.parse(r.scheduleRule) as ScheduleRule) : null;
      return toHit(r, rule, rule ? nextOccurrences(rule, o.now, o.timeZone, 2) : [], undefined, o);
    });
}
