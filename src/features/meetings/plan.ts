import { addDays, zonedInstant, zonedParts } from "../../schedule/time.js";

/** When reminders go out, relative to the meeting (pure, Asia/Tokyo wall clock). */
export type ReminderRule =
  | { slot: string; daysBefore: number; at: string }
  | { slot: string; hoursBefore: number; onlyIfStartsFrom?: string };

/** 7 days before at 10:00, the day before at 10:00, and 2 hours before for evening meetings. */
export const DEFAULT_PLAN: ReminderRule[] = [
  { slot: "d7", daysBefore: 7, at: "10:00" },
  { slot: "d1", daysBefore: 1, at: "10:00" },
  { slot: "h2", hoursBefore: 2, onlyIfStartsFrom: "17:00" },
];

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/** Due instants for a meeting starting at `start`. */
export function reminderTimes(start: Date, plan: ReminderRule[], timeZone: string): { slot: string; dueAt: Date }[] {
  const p = zonedParts(start, timeZone);
  const startMin = p.hour * 60 + p.minute;
  const out: { slot: string; dueAt: Date }[] = [];
  for (const r of plan) {
    if ("daysBefore" in r) {
      const at = minutes(r.at);
      out.push({ slot: r.slot, dueAt: zonedInstant(addDays(p, -r.daysBefore), Math.floor(at / 60), at % 60, timeZone) });
    } else {
      if (r.onlyIfStartsFrom && startMin < minutes(r.onlyIfStartsFrom)) continue;
      out.push({ slot: r.slot, dueAt: new Date(start.getTime() - r.hoursBefore * 3600_000) });
    }
  }
  return out.filter((x) => x.dueAt.getTime() < start.getTime());
}

/** Plans an SC can choose per meeting (by name, so a button can carry it). */
export const PLAN_PRESETS: Record<string, { label: string; plan: ReminderRule[] }> = {
  standard: { label: "標準（1週間前・前日・夜は2時間前）", plan: DEFAULT_PLAN },
  dayBefore: { label: "前日の10時だけ", plan: [{ slot: "d1", daysBefore: 1, at: "10:00" }] },
  threeDays: { label: "3日前と前日の10時", plan: [{ slot: "d3", daysBefore: 3, at: "10:00" }, { slot: "d1", daysBefore: 1, at: "10:00" }] },
  none: { label: "リマインドしない", plan: [] },
};
