import type { Slots, TimeOfDay } from "../../nlu/types.js";

/** What a resident is looking for, independent of how they asked (text, button or location). */
export interface SearchQuery {
  /** Category keys; empty means every category of `kind`. */
  categories: string[];
  kind?: "place" | "service" | "consultation";
  areaId?: number;
  weekdays?: number[];
  date?: string;
  dateTo?: string;
  timeOfDay?: TimeOfDay;
  near?: { lat: number; lng: number };
  /** Only activities whose fee says they cost nothing. */
  free?: boolean;
  offset?: number;
  /** Public pages and printed sheets: SC-only resources (private homes) are left out entirely. */
  publicOnly?: boolean;
}

const TOD: Record<TimeOfDay, string> = { morning: "m", afternoon: "a", evening: "e" };
const TOD_BACK: Record<string, TimeOfDay> = { m: "morning", a: "afternoon", e: "evening" };

/** Compact postback parameters for a query (kept well under LINE's 300 characters). */
export function queryParams(q: SearchQuery): Record<string, string | number | undefined> {
  return {
    c: q.categories.join(",") || undefined,
    k: q.kind,
    a: q.areaId,
    w: q.weekdays?.join(","),
    d: q.date,
    e: q.dateTo,
    t: q.timeOfDay ? TOD[q.timeOfDay] : undefined,
    la: q.near ? q.near.lat.toFixed(5) : undefined,
    lo: q.near ? q.near.lng.toFixed(5) : undefined,
    f: q.free ? 1 : undefined,
    o: q.offset || undefined,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads query parameters back, dropping anything malformed (a tampered postback changes nothing). */
export function parseQueryParams(p: Record<string, string>): SearchQuery | null {
  const q: SearchQuery = { categories: [] };
  if (p.c) {
    if (!/^[a-z_]+(,[a-z_]+)*$/.test(p.c)) return null;
    q.categories = p.c.split(",");
  }
  if (p.k) {
    if (!["place", "service", "consultation"].includes(p.k)) return null;
    q.kind = p.k as SearchQuery["kind"];
  }
  if (p.a) {
    if (!/^\d{1,9}$/.test(p.a)) return null;
    q.areaId = Number(p.a);
  }
  if (p.w) {
    if (!/^[0-6](,[0-6])*$/.test(p.w)) return null;
    q.weekdays = p.w.split(",").map(Number);
  }
  if (p.d) {
    if (!DATE.test(p.d)) return null;
    q.date = p.d;
  }
  if (p.e) {
    if (!DATE.test(p.e)) return null;
    q.dateTo = p.e;
  }
  if (p.t) {
    if (!(p.t in TOD_BACK)) return null;
    q.timeOfDay = TOD_BACK[p.t];
  }
  if (p.la || p.lo) {
    const lat = Number(p.la);
    const lng = Number(p.lo);
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
    q.near = { lat, lng };
  }
  if (p.f) {
    if (p.f !== "1") return null;
    q.free = true;
  }
  if (p.o) {
    if (!/^\d{1,4}$/.test(p.o)) return null;
    q.offset = Number(p.o);
  }
  return q;
}

export function queryFromSlots(slots: Slots, kind: SearchQuery["kind"], areaId?: number): SearchQuery {
  return {
    categories: slots.category ? [slots.category] : [],
    kind: slots.category ? undefined : kind,
    areaId,
    weekdays: slots.weekdays,
    date: slots.date,
    dateTo: slots.dateTo,
    timeOfDay: slots.timeOfDay,
    free: slots.free || undefined,
  };
}

/** The same query without the day and time filters (for "any day" suggestions). */
export function withoutTimeFilters(q: SearchQuery): SearchQuery {
  return { ...q, weekdays: undefined, date: undefined, dateTo: undefined, timeOfDay: undefined, offset: undefined };
}

export function hasTimeFilters(q: SearchQuery): boolean {
  return Boolean(q.weekdays?.length || q.date || q.timeOfDay);
}
