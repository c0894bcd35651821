import { kanaDatesToKanji, kanjiToNumber, normalize, weekdaysToKanji } from "../nlu/normalize.js";
import { addDays, compareDates, formatDateJa, isValidDate, weekdayOf, zonedInstant, zonedParts, type PlainDate } from "./time.js";

/**
 * A date and time as coordinators type them: 12月10日(木)14時から16時,
 * 来週水曜の18時半, 明日 9時, 12/10 14:00-16:00, 令和8年12月10日 午後2時,
 * 夜6時半, 夕方6時, 朝9時, もくようの10じはん. Pure: the reading of a phrase,
 * including what must be asked back (午前か午後か; a weekday that does not
 * match the date).
 */
export interface ParsedDateTime {
  start: Date;
  end?: Date;
  date: PlainDate;
}

/** Minutes after midnight of the start and, if given, the end. */
export interface Times {
  start: number;
  end?: number;
}

export type DateTimeReading =
  | { kind: "ok"; date: PlainDate; times: Times }
  /** A bare hour that can be morning or evening (6時): ask 午前 or 午後. `times` read as morning. */
  | { kind: "ampm"; date: PlainDate; times: Times }
  /** The written weekday is not the date's (12月10日(水) when the 10th is a Thursday). */
  | { kind: "weekday"; date: PlainDate; written: number; sameWeek: PlainDate; times: Times | null }
  | { kind: "noTime"; date: PlainDate }
  | null;

const WD = "日月火水木金土";

interface DayMatch {
  date: PlainDate;
  /** Where the date was written, to read the weekday after it and to keep it from being read as a time. */
  index: number;
  length: number;
}

function parseDay(t: string, today: PlainDate): DayMatch | null {
  const at = (m: RegExpExecArray, date: PlainDate): DayMatch => ({ date, index: m.index, length: m[0].length });
  let m = /(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?/.exec(t);
  if (m) return at(m, { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) });
  m = /令和\s*(元|\d{1,2})年(\d{1,2})月(\d{1,2})日/.exec(t);
  if (m) return at(m, { y: 2018 + (m[1] === "元" ? 1 : Number(m[1])), m: Number(m[2]), d: Number(m[3]) });
  m = /(\d{1,2})(?:月|\/)(\d{1,2})日?/.exec(t);
  if (m) {
    const d = { y: today.y, m: Number(m[1]), d: Number(m[2]) };
    return at(m, isValidDate(d) && compareDates(d, today) < 0 ? { ...d, y: d.y + 1 } : d);
  }
  m = /明後日|あさって/.exec(t);
  if (m) return at(m, addDays(today, 2));
  m = /明日|あした|あす/.exec(t);
  if (m) return at(m, addDays(today, 1));
  m = /今日|きょう|本日/.exec(t);
  if (m) return at(m, today);
  m = new RegExp(`(再来週|来週|今週|次の|今度の)?\\s*の?\\s*([${WD}])曜`).exec(t);
  if (m) {
    const target = WD.indexOf(m[2]);
    const todayWd = weekdayOf(today);
    if (m[1] === "来週" || m[1] === "再来週") {
      const monday = addDays(today, ((8 - todayWd) % 7 || 7) + (m[1] === "再来週" ? 7 : 0));
      return { date: addDays(monday, (target + 6) % 7), index: m.index, length: m[0].length };
    }
    const ahead = (target - todayWd + 7) % 7;
    return { date: addDays(today, ahead === 0 && m[1] !== "今週" ? 7 : ahead), index: m.index, length: m[0].length };
  }
  return null;
}

const MORNING = "午前|朝|あさ|ごぜん";
const EVENING = "午後|昼|ひる|夕方|ゆうがた|夜|よる|晩|ばん|ごご";
const TIME = new RegExp(`(${MORNING}|${EVENING})?\\s*の?\\s*(\\d{1,2})(?:[:：](\\d{2})|(?:時|じ)(?:\\s*(\\d{1,2})分|(半|はん))?)`, "g");
const IS_MORNING = new RegExp(`^(${MORNING})$`);

/** Bare hours that are as likely morning as evening (6時, 7時); 8時〜11時 are mornings. */
const AMBIGUOUS_HOURS = new Set([6, 7]);

type Meridiem = "am" | "pm" | "24h" | "bare";

function readTime(m: RegExpExecArray): { minutes: number; meridiem: Meridiem } {
  const h = Number(m[2]);
  const min = m[3] ? Number(m[3]) : m[4] ? Number(m[4]) : m[5] ? 30 : 0;
  if (m[1]) {
    const am = IS_MORNING.test(m[1]);
    return { minutes: (am || h >= 12 ? h : h + 12) * 60 + min, meridiem: am ? "am" : "pm" };
  }
  if (h >= 13 || h === 0) return { minutes: h * 60 + min, meridiem: "24h" };
  return { minutes: h * 60 + min, meridiem: "bare" };
}

export function readDateTimePhrase(raw: string, now: Date, timeZone: string): DateTimeReading {
  // Kanji numerals only where they are numbers of a date or time.
  let t = kanaDatesToKanji(weekdaysToKanji(normalize(raw))).replace(/([〇一二三四五六七八九十]+)(?=[時分月日じ])/g, (x) => String(kanjiToNumber(x) ?? x));
  const p = zonedParts(now, timeZone);
  const today = { y: p.y, m: p.m, d: p.d };
  const day = parseDay(t, today);
  if (!day || !isValidDate(day.date)) return null;
  const date = day.date;
  // A weekday written right after a date: (水), 水曜, （水曜日）.
  const after = t.slice(day.index + day.length);
  const wd = /^\s*[(（]?\s*([日月火水木金土])(?:曜日?)?\s*[)）]?/.exec(after);
  const written = wd && /\d/.test(t.slice(day.index, day.index + day.length)) ? WD.indexOf(wd[1]) : -1;
  // Remove the date part (and its weekday) so 12/10 is not read as a time.
  t = t.slice(0, day.index) + " " + after.slice(wd && written >= 0 ? wd[0].length : 0);
  if (/正午/.test(t)) t = t.replace("正午", "12時");
  const found = [...t.matchAll(TIME)].filter((m) => Number(m[2]) <= 24);
  let times: Times | null = null;
  let ambiguous = false;
  if (found.length) {
    const s = readTime(found[0]);
    let start = s.minutes;
    if (s.meridiem === "bare") {
      const h = Math.floor(start / 60);
      if (AMBIGUOUS_HOURS.has(h)) ambiguous = true;
      // 1時〜5時 are afternoon meetings; 8時〜11時 mornings; 12時 noon.
      else if (h >= 1 && h <= 5) start += 720;
    }
    let end: number | undefined;
    if (found[1]) {
      const e = readTime(found[1]);
      end = e.minutes;
      // 午後2時から4時, 6時から8時: the end takes the start's half of the day.
      if (e.meridiem === "bare" && start >= 720 && end < 720) end += 720;
      if (end <= start && end + 720 < 24 * 60) end += 720;
    }
    if (start < 24 * 60) times = end !== undefined && end > start && end <= 24 * 60 ? { start, end } : { start };
  }
  if (written >= 0 && written !== weekdayOf(date)) {
    const diff = ((written - weekdayOf(date) + 7) % 7) - (((written - weekdayOf(date) + 7) % 7) > 3 ? 7 : 0);
    return { kind: "weekday", date, written, sameWeek: addDays(date, diff), times };
  }
  if (!times) return { kind: "noTime", date };
  return { kind: ambiguous ? "ampm" : "ok", date, times };
}

/** The instants of a reading's date and times. */
export function instantsOf(date: PlainDate, times: Times, timeZone: string): ParsedDateTime {
  const at = (min: number) => zonedInstant(date, Math.floor(min / 60), min % 60, timeZone);
  return { date, start: at(times.start), ...(times.end !== undefined ? { end: at(times.end) } : {}) };
}

/** The same times in the afternoon (午後 chosen for 6時から8時). */
export function afternoon(times: Times): Times {
  return { start: times.start < 720 ? times.start + 720 : times.start, ...(times.end !== undefined ? { end: times.end < 720 ? times.end + 720 : times.end } : {}) };
}

/**
 * For imports and other callers that cannot ask back: the date as written, a
 * bare 6時 or 7時 in the morning. Null without a day or a time.
 */
export function parseDateTimePhrase(raw: string, now: Date, timeZone: string): ParsedDateTime | null {
  const r = readDateTimePhrase(raw, now, timeZone);
  if (!r || r.kind === "noTime") return null;
  if (r.kind === "weekday") return r.times ? instantsOf(r.date, r.times, timeZone) : null;
  return instantsOf(r.date, r.times, timeZone);
}

/** An example date for prompts, from the calendar: the first `weekday` at least `daysAhead` days away (12月10日(木)). */
export function exampleDay(now: Date, timeZone: string, daysAhead = 7, weekday?: number): string {
  const p = zonedParts(now, timeZone);
  let d = addDays({ y: p.y, m: p.m, d: p.d }, daysAhead);
  if (weekday !== undefined) while (weekdayOf(d) !== weekday) d = addDays(d, 1);
  return formatDateJa(d);
}
