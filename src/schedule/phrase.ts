import { kanjiToNumber, normalize } from "../nlu/normalize.js";
import { addDays, compareDates, isValidDate, weekdayOf, zonedInstant, zonedParts, type PlainDate } from "./time.js";

/**
 * A date and time as coordinators type them: 12月10日(水)14時から16時,
 * 来週水曜の18時半, 明日 9時, 12/10 14:00-16:00, 令和8年12月10日 午後2時.
 * Returns instants in the app's zone, or null when no day or no time is given.
 */
export interface ParsedDateTime {
  start: Date;
  end?: Date;
  date: PlainDate;
}

const WD = "日月火水木金土";

function parseDay(t: string, today: PlainDate): PlainDate | null {
  let m = /(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?/.exec(t);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  m = /令和\s*(元|\d{1,2})年(\d{1,2})月(\d{1,2})日/.exec(t);
  if (m) return { y: 2018 + (m[1] === "元" ? 1 : Number(m[1])), m: Number(m[2]), d: Number(m[3]) };
  m = /(\d{1,2})(?:月|\/)(\d{1,2})日?/.exec(t);
  if (m) {
    const d = { y: today.y, m: Number(m[1]), d: Number(m[2]) };
    return isValidDate(d) && compareDates(d, today) < 0 ? { ...d, y: d.y + 1 } : d;
  }
  if (/明後日|あさって/.test(t)) return addDays(today, 2);
  if (/明日|あした|あす/.test(t)) return addDays(today, 1);
  if (/今日|きょう|本日/.test(t)) return today;
  const wd = new RegExp(`(再来週|来週|今週|次の|今度の)?\\s*([${WD}])曜`).exec(t);
  if (wd) {
    const target = WD.indexOf(wd[2]);
    const todayWd = weekdayOf(today);
    if (wd[1] === "来週" || wd[1] === "再来週") {
      const monday = addDays(today, ((8 - todayWd) % 7 || 7) + (wd[1] === "再来週" ? 7 : 0));
      return addDays(monday, (target + 6) % 7);
    }
    const ahead = (target - todayWd + 7) % 7;
    return addDays(today, ahead === 0 && wd[1] !== "今週" ? 7 : ahead);
  }
  return null;
}

const TIME = /(午前|午後)?\s*(\d{1,2})(?:[:：](\d{2})|時(?:\s*(\d{1,2})分|(半))?)/g;

function toMinutes(m: RegExpExecArray, pmContext: boolean): { minutes: number; pm: boolean } {
  let h = Number(m[2]);
  const min = m[3] ? Number(m[3]) : m[4] ? Number(m[4]) : m[5] ? 30 : 0;
  const pm = m[1] === "午後" || (!m[1] && pmContext);
  if (pm && h < 12) h += 12;
  return { minutes: h * 60 + min, pm: m[1] === "午後" };
}

export function parseDateTimePhrase(raw: string, now: Date, timeZone: string): ParsedDateTime | null {
  // Kanji numerals only where they are numbers of a date or time.
  let t = normalize(raw).replace(/([〇一二三四五六七八九十]+)(?=[時分月日])/g, (x) => String(kanjiToNumber(x) ?? x));
  const p = zonedParts(now, timeZone);
  const today = { y: p.y, m: p.m, d: p.d };
  const date = parseDay(t, today);
  if (!date || !isValidDate(date)) return null;
  // Remove the date part so 12/10 is not read as a time.
  t = t.replace(/(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?|令和\s*(元|\d{1,2})年(\d{1,2})月(\d{1,2})日|(\d{1,2})(?:月|\/)(\d{1,2})日?/, " ");
  if (/正午/.test(t)) t = t.replace("正午", "12時");
  const times = [...t.matchAll(TIME)].filter((m) => Number(m[2]) <= 24);
  if (times.length === 0) return null;
  const s = toMinutes(times[0], false);
  let end: number | undefined;
  if (times[1]) {
    const e = toMinutes(times[1], s.pm);
    end = e.minutes <= s.minutes && e.minutes + 720 < 24 * 60 ? e.minutes + 720 : e.minutes;
  }
  if (s.minutes >= 24 * 60) return null;
  const start = zonedInstant(date, Math.floor(s.minutes / 60), s.minutes % 60, timeZone);
  const result: ParsedDateTime = { start, date };
  if (end !== undefined && end > s.minutes && end <= 24 * 60) result.end = zonedInstant(date, Math.floor(end / 60), end % 60, timeZone);
  return result;
}
