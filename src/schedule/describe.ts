import { parseSchedule, weekdayMask } from "./parse.js";
import type { ScheduleRule } from "./rule.js";

/** What the database keeps beside the schedule text: the rule (null when not computable) and a weekday mask for indexed filtering. */
export function describeSchedule(text: string): { rule: ScheduleRule | null; weekdayMask: number } {
  const rule = parseSchedule(text);
  return { rule: rule.pattern === "none" ? null : rule, weekdayMask: weekdayMask(rule) };
}
