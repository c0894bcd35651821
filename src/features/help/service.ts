import type { Db } from "../../data/client.js";
import { insertHelpRequest } from "../../data/help.js";
import type { TimeOfDay } from "../../nlu/types.js";
import { firstChars } from "../../util/chars.js";

export interface HelpDraft {
  text: string;
  categoryKey?: string;
  areaId?: number;
  weekdays?: number[];
  timeOfDay?: TimeOfDay;
}

const TOD_JA: Record<TimeOfDay, string> = { morning: "午前", afternoon: "午後", evening: "夕方以降" };

export function parsePreferredTimes(json: string): { weekdays: number[]; timeOfDay?: TimeOfDay } {
  try {
    const v = JSON.parse(json);
    return { weekdays: Array.isArray(v.weekdays) ? v.weekdays : [], timeOfDay: v.timeOfDay ?? undefined };
  } catch {
    return { weekdays: [] };
  }
}

export function preferredTimesText(d: { weekdays?: number[]; timeOfDay?: TimeOfDay }): string {
  const days = d.weekdays?.length ? d.weekdays.map((w) => "日月火水木金土"[w]).join("・") + "曜日" : "";
  return [days, d.timeOfDay ? TOD_JA[d.timeOfDay] : ""].filter(Boolean).join(" ");
}

/** Stores a consented help request (status 受付). */
export async function createHelpRequest(db: Db, userId: number, d: HelpDraft, now: Date) {
  return insertHelpRequest(db, {
    userId,
    categoryKey: d.categoryKey ?? null,
    areaId: d.areaId ?? null,
    // Structured, so matching can compare it with volunteers' free times.
    preferredTimes: JSON.stringify({ weekdays: d.weekdays ?? [], timeOfDay: d.timeOfDay ?? null }),
    description: firstChars(d.text, 500),
    consentAt: now,
  });
}
