/**
 * Calendar arithmetic in the app's time zone (Asia/Tokyo), whatever the
 * host's TZ: instants are Dates (UTC), calendar days are plain values.
 */

export interface PlainDate {
  y: number;
  m: number;
  d: number;
}

export interface ZonedParts extends PlainDate {
  hour: number;
  minute: number;
  /** 0 = 日 … 6 = 土 */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: tz, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23" });
    formatters.set(tz, f);
  }
  return f;
}

/**
 * The last answer per time zone, by minute. Every message asks for "now"
 * (dates in what people type, next occurrences of every schedule it
 * finds), and Intl's formatToParts is among the slowest things a message
 * costs. Parts have minute precision, and every zone's offset is a whole
 * number of minutes for instants after 1972, so one minute has one answer.
 */
const lastParts = new Map<string, { minute: number; parts: ZonedParts }>();
const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1973, 0, 1);

export function zonedParts(instant: Date, tz: string): ZonedParts {
  const ms = instant.getTime();
  if (!(ms >= WHOLE_MINUTE_OFFSETS_SINCE)) return formatParts(instant, tz);
  const minute = Math.floor(ms / 60_000);
  const last = lastParts.get(tz);
  if (last?.minute === minute) return { ...last.parts };
  const parts = formatParts(instant, tz);
  lastParts.set(tz, { minute, parts: { ...parts } });
  return parts;
}

function formatParts(instant: Date, tz: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(instant)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const date = { y: parts.year, m: parts.month, d: parts.day };
  return { ...date, hour: parts.hour % 24, minute: parts.minute, weekday: weekdayOf(date) };
}

export function weekdayOf(d: PlainDate): number {
  return new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay();
}

export function addDays(d: PlainDate, n: number): PlainDate {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isoDate(d: PlainDate): string {
  return `${d.y}-${String(d.m).padStart(2, "0")}-${String(d.d).padStart(2, "0")}`;
}

export function parseIsoDate(s: string): PlainDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDate(d) ? d : null;
}

export function isValidDate(d: PlainDate): boolean {
  return d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= daysInMonth(d.y, d.m);
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** The instant at a wall-clock time on a calendar day in the zone. */
export function zonedInstant(d: PlainDate, hour: number, minute: number, tz: string): Date {
  const guess = Date.UTC(d.y, d.m - 1, d.d, hour, minute);
  // Correct by the zone's offset at that moment (twice, for offsets that change).
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(t), tz);
    const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.hour, p.minute);
    t += guess - asUtc;
  }
  return new Date(t);
}

export const WEEKDAY_KANJI = ["日", "月", "火", "水", "木", "金", "土"];

/** 12月3日(火) 13:30 — the way dates are written for residents. */
export function formatDateJa(d: PlainDate, withWeekday = true): string {
  return `${d.m}月${d.d}日${withWeekday ? `(${WEEKDAY_KANJI[weekdayOf(d)]})` : ""}`;
}

/** 11月30日(月)〜12月6日(日); with the year on both sides when it changes, or on the first when asked (2026年10月1日(木)〜10月31日(土)). */
export function formatDateRangeJa(from: PlainDate, to: PlainDate, withYear = false): string {
  const crosses = from.y !== to.y;
  const a = `${withYear || crosses ? `${from.y}年` : ""}${formatDateJa(from)}`;
  if (compareDates(from, to) === 0) return a;
  return `${a}〜${crosses ? `${to.y}年` : ""}${formatDateJa(to)}`;
}

export function formatTime(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

export function formatInstantJa(instant: Date, tz: string): string {
  const p = zonedParts(instant, tz);
  return `${formatDateJa(p)} ${formatTime(p.hour * 60 + p.minute)}`;
}

/**
 * The one day a date, a range and weekdays name, if they name one: 12月2日; 来週 (a week) with 木曜日 → that
 * Thursday. Null for a range with no single weekday, or nothing.
 */
export function singleDay(date: string | undefined, dateTo: string | undefined, weekdays: number[] | undefined): PlainDate | null {
  const from = date ? parseIsoDate(date) : null;
  if (!from) return null;
  const to = (dateTo && parseIsoDate(dateTo)) || from;
  if (compareDates(from, to) === 0) return from;
  if (weekdays?.length !== 1) return null;
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) if (weekdayOf(d) === weekdays[0]) return d;
  return null;
}
