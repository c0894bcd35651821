import { isHoliday } from "./holidays.js";
import type { ScheduleRule } from "./rule.js";
import { addDays, compareDates, daysInMonth, formatDateJa, formatTime, isoDate, parseIsoDate, weekdayOf, zonedParts, type PlainDate } from "./time.js";

export interface Occurrence {
  date: PlainDate;
  start?: number;
  end?: number;
}

/** 12月3日(火) 13:30〜15:00, as residents read a date. */
export function formatOccurrence(o: Occurrence): string {
  const time = o.start !== undefined ? ` ${formatTime(o.start)}${o.end !== undefined ? `〜${formatTime(o.end)}` : "〜"}` : "";
  return `${formatDateJa(o.date)}${time}`;
}

function inClosed(rule: ScheduleRule, d: PlainDate): boolean {
  for (const c of rule.closed ?? []) {
    const v = d.m * 100 + d.d;
    const from = c.from[0] * 100 + c.from[1];
    const to = c.to[0] * 100 + c.to[1];
    if (from <= to ? v >= from && v <= to : v >= from || v <= to) return true;
  }
  return false;
}

function nthOfMonth(d: PlainDate): number {
  return Math.floor((d.d - 1) / 7) + 1;
}

function isLastOfMonth(d: PlainDate): boolean {
  return d.d + 7 > daysInMonth(d.y, d.m);
}

/** Whether the rule's base pattern (before holiday shifting) falls on this day. */
function baseOn(rule: ScheduleRule, d: PlainDate): boolean {
  if (rule.months && !rule.months.includes(d.m)) return false;
  const wd = weekdayOf(d);
  switch (rule.pattern) {
    case "weekly":
      return (rule.weekdays ?? []).includes(wd) && !(rule.excludeNths ?? []).includes(nthOfMonth(d));
    case "nthWeekday":
      return (rule.weekdays ?? []).includes(wd) && (rule.nths ?? []).some((n) => (n === -1 ? isLastOfMonth(d) : n === nthOfMonth(d)));
    case "monthDays":
      return (rule.monthDays ?? []).includes(d.d);
    case "dates":
      return (rule.dates ?? []).includes(isoDate(d));
    default:
      return false;
  }
}

function held(rule: ScheduleRule, d: PlainDate): boolean {
  if (inClosed(rule, d)) return false;
  const iso = isoDate(d);
  if (rule.cancelled?.includes(iso) || rule.moved?.some((m) => m.from === iso)) return false;
  if (rule.pausedUntil && iso <= rule.pausedUntil) return false;
  if (rule.skipWeekends && (weekdayOf(d) === 0 || weekdayOf(d) === 6)) return false;
  if (rule.holiday === "skip" && isHoliday(d)) return false;
  return true;
}

/**
 * The next `count` occurrences at or after `from` in the app's time zone.
 * Today counts until the activity has ended. Computable rules only; a rule
 * of pattern "none" has no occurrences (its text is shown instead).
 */
export function nextOccurrences(rule: ScheduleRule, from: Date, timeZone: string, count = 3, horizonDays = 400): Occurrence[] {
  if (rule.pattern === "none") return [];
  const now = zonedParts(from, timeZone);
  if (rule.pattern === "dates") {
    const today: PlainDate = { y: now.y, m: now.m, d: now.d };
    const nowMinutes = now.hour * 60 + now.minute;
    return (rule.dates ?? [])
      .map((iso) => parseIsoDate(iso))
      .filter((d): d is PlainDate => d !== null && held(rule, d))
      .filter((d) => {
        const cmp = compareDates(d, today);
        return cmp > 0 || (cmp === 0 && (rule.end ?? rule.start ?? 24 * 60) > nowMinutes);
      })
      .sort(compareDates)
      .slice(0, count)
      .map((date) => ({ date, start: rule.start, end: rule.end }));
  }
  const today: PlainDate = { y: now.y, m: now.m, d: now.d };
  const nowMinutes = now.hour * 60 + now.minute;
  const out: Occurrence[] = [];
  const seen = new Set<string>();
  // Start a few days back: a holiday-shifted occurrence of yesterday can fall today.
  for (let i = -3; i <= horizonDays && out.length < count; i++) {
    const base = addDays(today, i);
    if (!baseOn(rule, base)) continue;
    let date = base;
    if (rule.holiday === "nextDay") while (isHoliday(date)) date = addDays(date, 1);
    if (!held(rule, date)) continue;
    const cmp = compareDates(date, today);
    if (cmp < 0) continue;
    if (cmp === 0 && (rule.end ?? rule.start ?? 24 * 60) <= nowMinutes) continue;
    const key = `${date.y}-${date.m}-${date.d}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ date, start: rule.start, end: rule.end });
  }
  // Days moved here from their usual day.
  for (const m of rule.moved ?? []) {
    const to = parseIsoDate(m.to);
    if (!to || seen.has(`${to.y}-${to.m}-${to.d}`) || (rule.pausedUntil && m.to <= rule.pausedUntil)) continue;
    const cmp = compareDates(to, today);
    if (cmp < 0 || (cmp === 0 && (rule.end ?? rule.start ?? 24 * 60) <= nowMinutes)) continue;
    out.push({ date: to, start: rule.start, end: rule.end });
  }
  return out.sort((a, b) => compareDates(a.date, b.date)).slice(0, count);
}

/** Whether the activity takes place on a given calendar day. */
export function occursOn(rule: ScheduleRule, d: PlainDate): boolean {
  if (rule.pattern === "none") return false;
  if (rule.moved?.some((m) => m.to === isoDate(d)) && !(rule.pausedUntil && isoDate(d) <= rule.pausedUntil)) return true;
  if (rule.holiday === "nextDay") {
    // Held on d if d's own base falls on a working day, or a holiday run ending yesterday started on a base day.
    if (baseOn(rule, d) && !isHoliday(d)) return held(rule, d);
    let prev = addDays(d, -1);
    while (isHoliday(prev)) {
      if (baseOn(rule, prev)) return !isHoliday(d) && held(rule, d);
      prev = addDays(prev, -1);
    }
    return false;
  }
  return baseOn(rule, d) && held(rule, d);
}
