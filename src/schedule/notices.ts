import type { ScheduleRule } from "./rule.js";
import { addDays, compareDates, formatDateJa, parseIsoDate, zonedParts, type PlainDate } from "./time.js";

/**
 * What residents are told about changes, wherever a listing is shown (LINE,
 * the web pages, the handout): days off and moved days in the coming weeks,
 * a pause, and information that has not been confirmed for three months.
 */
export const NOTICE_DAYS = 45;
export const STALE_DAYS = 90;

export function scheduleNotices(rule: ScheduleRule | null, lastVerifiedAt: Date | null, now: Date, timeZone: string): string[] {
  const p = zonedParts(now, timeZone);
  const today: PlainDate = { y: p.y, m: p.m, d: p.d };
  const until = addDays(today, NOTICE_DAYS);
  const soon = (iso: string) => {
    const d = parseIsoDate(iso);
    return d && compareDates(d, today) >= 0 && compareDates(d, until) <= 0 ? d : null;
  };
  const out: string[] = [];
  if (rule?.pausedUntil !== undefined) {
    const end = parseIsoDate(rule.pausedUntil);
    if (end && compareDates(end, today) >= 0) out.push(`${formatDateJa(end)}まで、お休みしています。`);
  }
  for (const iso of rule?.cancelled ?? []) {
    const d = soon(iso);
    if (d) out.push(`${formatDateJa(d)}はお休みです。`);
  }
  for (const m of rule?.moved ?? []) {
    const from = soon(m.from);
    const to = parseIsoDate(m.to);
    if (from && to) out.push(`${formatDateJa(from)}の回は、${formatDateJa(to)}に変わりました。`);
  }
  if (lastVerifiedAt && now.getTime() - lastVerifiedAt.getTime() > STALE_DAYS * 86_400_000) {
    const v = zonedParts(lastVerifiedAt, timeZone);
    out.push(`情報は${v.y}年${v.m}月時点です。お出かけ前にお電話でご確認ください。`);
  }
  return out;
}
