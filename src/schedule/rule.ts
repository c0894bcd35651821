/** A recurring schedule, parsed from the text an organiser wrote. */
export interface ScheduleRule {
  /**
   * weekly: every week on `weekdays`; nthWeekday: the `nths` weekdays of the
   * month (-1 = last); monthDays: fixed days of the month; none: only a
   * frequency or nothing computable (the text is shown as written).
   */
  pattern: "weekly" | "nthWeekday" | "monthDays" | "dates" | "none";
  /** pattern dates: one-off days (events), ISO YYYY-MM-DD. */
  dates?: string[];
  weekdays?: number[];
  nths?: number[];
  /** Weekly, except these weeks of the month (第一火曜日を除く火曜日). */
  excludeNths?: number[];
  monthDays?: number[];
  /** Only in these months (奇数月). */
  months?: number[];
  /** Minutes after midnight. */
  start?: number;
  end?: number;
  /** skip: 祝日休み; nextDay: 祝日の場合翌日開催. */
  holiday?: "skip" | "nextDay";
  /** 土日祝日の場合は休み (fixed days of the month). */
  skipWeekends?: boolean;
  /** Closed periods that wrap the year end, as [month, day] pairs: 12/29–1/3. */
  closed?: { from: [number, number]; to: [number, number] }[];
  /** For pattern none (or 隔週): what the text says about frequency, e.g. 月2回, 隔週. */
  frequency?: string;
  /** One-off changes (see Exceptions): days off, moved days, a pause. */
  cancelled?: string[];
  moved?: { from: string; to: string }[];
  pausedUntil?: string;
}

/** What an organiser or SC changed for particular days, kept apart from the parsed text (Resource.exceptions). */
export interface Exceptions {
  /** ISO days it does not take place. */
  cancelled?: string[];
  /** A day moved to another (same times). */
  moved?: { from: string; to: string }[];
  /** No dates up to and including this ISO day; "" = until the organiser says it resumes. */
  pausedUntil?: string;
}

/** The rule with a resource's exceptions folded in, so every reader of dates (LINE, web, paper) applies them. */
export function withExceptions(rule: ScheduleRule, e: Exceptions): ScheduleRule {
  const out: ScheduleRule = { ...rule };
  if (e.cancelled?.length) out.cancelled = [...new Set(e.cancelled)].sort();
  if (e.moved?.length) out.moved = e.moved;
  if (e.pausedUntil) out.pausedUntil = e.pausedUntil;
  return out;
}

export function parseExceptions(json: string | null | undefined): Exceptions {
  try {
    const v = JSON.parse(json || "{}");
    return typeof v === "object" && v ? (v as Exceptions) : {};
  } catch {
    return {};
  }
}
