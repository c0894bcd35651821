import type { Db } from "../../data/client.js";
import { insertHelpRequest } from "../../data/help.js";
import type { TimeOfDay } from "../../nlu/types.js";
import { formatDateJa, formatDateRangeJa, parseIsoDate, singleDay, WEEKDAY_KANJI } from "../../schedule/time.js";
import { firstChars } from "../../util/chars.js";

export interface HelpDraft {
  text: string;
  categoryKey?: string;
  areaId?: number;
  weekdays?: number[];
  timeOfDay?: TimeOfDay;
  /** The day asked for (明日, 12月7日), YYYY-MM-DD; with dateTo, a range (来週). */
  date?: string;
  dateTo?: string;
}

/** When the resident would like the help: what matching compares with volunteers' free times. */
export interface PreferredTimes {
  weekdays: number[];
  timeOfDay?: TimeOfDay;
  date?: string;
  dateTo?: string;
}

const TOD_JA: Record<TimeOfDay, string> = { morning: "午前", afternoon: "午後", evening: "夕方以降" };

export function parsePreferredTimes(json: string): PreferredTimes {
  try {
    const v = JSON.parse(json);
    const day = (x: unknown) => (typeof x === "string" && parseIsoDate(x) ? x : undefined);
    return { weekdays: Array.isArray(v.weekdays) ? v.weekdays : [], timeOfDay: v.timeOfDay ?? undefined, date: day(v.date), dateTo: day(v.dateTo) };
  } catch {
    return { weekdays: [] };
  }
}

export function preferredTimesText(d: Omit<PreferredTimes, "weekdays"> & { weekdays?: number[] }): string {
  // 来週の木曜日 is a week and a weekday: the one day it means, which shows its weekday already.
  const day = singleDay(d.date, d.dateTo, d.weekdays);
  const from = d.date ? parseIsoDate(d.date) : null;
  const to = d.dateTo ? parseIsoDate(d.dateTo) : from;
  const when = day ? formatDateJa(day) : from && to ? formatDateRangeJa(from, to) : "";
  const days = !day && d.weekdays?.length ? d.weekdays.map((w) => WEEKDAY_KANJI[w]).join("・") + "曜日" : "";
  return [when, days, d.timeOfDay ? TOD_JA[d.timeOfDay] : ""].filter(Boolean).join(" ");
}

/** Stores a consented help request (status 受付). */
export async function createHelpRequest(db: Db, userId: number, d: HelpDraft, now: Date) {
  return insertHelpRequest(db, {
    userId,
    categoryKey: d.categoryKey ?? null,
    areaId: d.areaId ?? null,
    // Structured, so matching can compare it with volunteers' free times.
    preferredTimes: JSON.stringify({ weekdays: d.weekdays ?? [], timeOfDay: d.timeOfDay ?? null, date: d.date ?? null, dateTo: d.dateTo ?? null }),
    description: firstChars(d.text, 500),
    consentAt: now,
  });
}
