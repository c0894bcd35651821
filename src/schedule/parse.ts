import type { ScheduleRule } from "./rule.js";
import { addDays, compareDates, isoDate, isValidDate, type PlainDate } from "./time.js";

/** Every day from `from` to `to` (at most 62), or none when either is not a real date. */
function datesBetween(from: PlainDate, to: PlainDate): string[] {
  if (!isValidDate(from) || !isValidDate(to) || compareDates(from, to) > 0) return [];
  const out: string[] = [];
  for (let d = from; compareDates(d, to) <= 0 && out.length < 62; d = addDays(d, 1)) out.push(isoDate(d));
  return out;
}

/**
 * Parses schedule texts the way municipalities write them:
 * 毎週水曜日 13:00~16:00 / 第2・第4金曜日 9:30~11:30 / 毎月第1~3水曜日(午前10時~午後3時) /
 * 第1・3月曜(祝日の場合翌日開催)13時30分~15時30分 / 奇数月・第3土曜 / 毎月1日と15日 /
 * 毎月1日(土日祝日の場合は休み) / 第一火曜日を除く火曜日 / 年末年始(12月29日～1月3日)を除く …
 * Anything it cannot compute comes back as pattern "none" and is shown as written.
 */

const KANJI: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const WD: Record<string, number> = { 日: 0, 月: 1, 火: 2, 水: 3, 木: 4, 金: 5, 土: 6 };
const WDS = "月火水木金土日";

function kanjiNumber(s: string): string {
  // Small numbers only: 第二, 十二月, 二十一日, 三時.
  return s.replace(/([一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=[月日時回週・,、と〜]|曜|分|$)/g, (m) => {
    if (m.includes("十")) {
      const [a, b] = m.split("十");
      return String((a ? KANJI[a] : 1) * 10 + (b ? KANJI[b] : 0));
    }
    return String(KANJI[m]);
  });
}

export function normalizeScheduleText(text: string): string {
  let t = text.normalize("NFKC").replace(/[~〜～∼〰–—―−‐]/g, "〜").replace(/\s+/g, " ");
  t = t.replace(/第([一二三四五六七八九])/g, (_, k) => `第${KANJI[k]}`);
  t = kanjiNumber(t);
  return t.replace(/(\d)-(\d)/g, "$1〜$2").trim();
}

const TIME = String.raw`(?:(午前|午後|AM|PM|am|pm)\s*)?(?:(正午)|(\d{1,2})(?::(\d{2})|時(?:(\d{1,2})分|(半))?))`;

function toMinutes(m: RegExpExecArray | string[], offset: number, carryPm: boolean): { minutes: number; pm: boolean } {
  const ampm = m[offset];
  if (m[offset + 1]) return { minutes: 12 * 60, pm: true };
  let h = Number(m[offset + 2]);
  const min = m[offset + 3] ? Number(m[offset + 3]) : m[offset + 4] ? Number(m[offset + 4]) : m[offset + 5] ? 30 : 0;
  const pm = ampm === "午後" || ampm?.toLowerCase() === "pm";
  if (pm && h < 12) h += 12;
  if (!ampm && carryPm && h < 12) h += 12;
  return { minutes: h * 60 + min, pm: pm || (!ampm && carryPm) };
}

/** Start and end of the activity in minutes after midnight, and the text without them. */
export function parseTimes(t: string): { start?: number; end?: number; rest: string } {
  const range = new RegExp(`${TIME}\\s*(?:〜|から)\\s*${TIME}`).exec(t);
  if (range) {
    const s = toMinutes(range, 1, false);
    let e = toMinutes(range, 7, s.pm && !range[7]);
    if (e.minutes <= s.minutes && e.minutes + 12 * 60 <= 24 * 60 && !range[7]) e = { minutes: e.minutes + 12 * 60, pm: true };
    if (s.minutes < 24 * 60 && e.minutes <= 24 * 60 && e.minutes > s.minutes) {
      return { start: s.minutes, end: e.minutes, rest: t.replace(range[0], " ") };
    }
  }
  const single = new RegExp(`${TIME}(?:から|〜|開始)?`).exec(t);
  if (single && !/^\d{1,2}$/.test(single[0])) {
    const s = toMinutes(single, 1, false);
    if (s.minutes < 24 * 60) return { start: s.minutes, rest: t.replace(single[0], " ") };
  }
  return { rest: t };
}

/** 1・3 / 1,3 / 1〜3 / 2・第4 → [1,3] / [1,2,3] / [2,4]. */
function numberList(s: string): number[] {
  const out = new Set<number>();
  for (const part of s.split(/[・,、と]|及び/)) {
    const p = part.replace(/第/g, "").trim();
    const r = /^(\d)〜(\d)$/.exec(p);
    if (r) for (let i = Number(r[1]); i <= Number(r[2]); i++) out.add(i);
    else if (/^\d+$/.test(p)) out.add(Number(p));
  }
  return [...out].sort((a, b) => a - b);
}

function weekdayList(raw: string): number[] {
  const out = new Set<number>();
  // 曜日 carries a 日 that is not Sunday.
  const s = raw.replace(/曜日|曜/g, "");
  const range = new RegExp(`([${WDS}])\\s*(?:〜|から)\\s*([${WDS}])`).exec(s);
  if (range) {
    const a = WD[range[1]];
    const b = WD[range[2]];
    for (let i = a; ; i = (i + 1) % 7) {
      out.add(i);
      if (i === b) break;
    }
  }
  for (const c of s) if (c in WD) out.add(WD[c]);
  return [...out].sort((a, b) => a - b);
}

export function parseSchedule(text: string): ScheduleRule {
  let t = normalizeScheduleText(text);
  const rule: ScheduleRule = { pattern: "none" };

  // Year-end closure first, so its dates are not read as meeting days.
  const yearEnd = /年末年始\s*(?:[(（]\s*(\d{1,2})月(\d{1,2})日\s*〜\s*(\d{1,2})月(\d{1,2})日\s*[)）])?/.exec(t);
  if (yearEnd) {
    rule.closed = [yearEnd[1] ? { from: [Number(yearEnd[1]), Number(yearEnd[2])], to: [Number(yearEnd[3]), Number(yearEnd[4])] } : { from: [12, 29], to: [1, 3] }];
    t = t.replace(yearEnd[0], " ");
  }
  if (/祝日?の?場合は?翌日|祝日?は翌日|祝日?の場合翌/.test(t)) {
    rule.holiday = "nextDay";
    t = t.replace(/[(（]?[^()（）]*祝日?[^()（）]*翌日[^()（）]*[)）]?/, " ");
  } else if (/土日祝日?の?場合は?(?:お)?休み|土日祝日?は(?:お)?休み/.test(t)) {
    rule.skipWeekends = true;
    rule.holiday = "skip";
    t = t.replace(/[(（]?土日祝日?[^()（）]*休み[)）]?/, " ");
  } else if (/祝日?(?:・[^・]*)?(?:は|を)?(?:除く|お?休み|休館|休止)|祝日?を?除/.test(t)) {
    rule.holiday = "skip";
  }

  // One-off events: 2026年4月2日, 2026/4/2, 2026年4月2日〜4月5日.
  const fullDate = /(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?(?:\s*[(（][月火水木金土日][)）])?(?:\s*〜\s*(?:(\d{4})[年/.-])?(?:(\d{1,2})[月/.-])?(\d{1,2})日?(?:\s*[(（][月火水木金土日][)）])?)?/.exec(t);
  if (fullDate) {
    const from = { y: Number(fullDate[1]), m: Number(fullDate[2]), d: Number(fullDate[3]) };
    const to = fullDate[6] ? { y: Number(fullDate[4] ?? from.y), m: Number(fullDate[5] ?? from.m), d: Number(fullDate[6]) } : from;
    const dates = datesBetween(from, to);
    if (dates.length) {
      rule.pattern = "dates";
      rule.dates = dates;
      t = t.replace(fullDate[0], " ");
      const times = parseTimes(t);
      if (times.start !== undefined) rule.start = times.start;
      if (times.end !== undefined) rule.end = times.end;
      return rule;
    }
  }

  const times = parseTimes(t);
  if (times.start !== undefined) rule.start = times.start;
  if (times.end !== undefined) rule.end = times.end;
  t = times.rest;

  if (/奇数月/.test(t)) rule.months = [1, 3, 5, 7, 9, 11];
  else if (/偶数月/.test(t)) rule.months = [2, 4, 6, 8, 10, 12];

  const weeklyExcept = new RegExp(`第([\\d・,、と〜第]+)\\s*([${WDS}])曜?日?を?除(?:く|いた)`).exec(t);
  if (weeklyExcept) {
    rule.excludeNths = numberList(weeklyExcept[1]);
    t = t.replace(weeklyExcept[0], " ");
  }

  const frequency = /(月\s*\d\s*回|週\s*\d\s*回|年\s*\d+\s*回|隔週|不定期?|随時|要相談|日程は?お?問い?合わせ)/.exec(t);

  const nth = new RegExp(`(?:第([\\d・,、と〜第]+)|(最終))\\s*([${WDS}](?:[・、と][${WDS}])*)(?:曜|\\s|$|[^${WDS}])`).exec(t);
  if (nth && !rule.excludeNths) {
    rule.pattern = "nthWeekday";
    rule.nths = nth[2] ? [-1] : numberList(nth[1]);
    rule.weekdays = weekdayList(nth[3]);
  } else {
    const days = /毎月\s*((?:\d{1,2}日?\s*(?:[・,、と]|及び)?\s*)+)/.exec(t) ?? /((?:\d{1,2}日\s*[・,、と]\s*)+\d{1,2}日)/.exec(t);
    if (days) {
      const list = numberList(days[1].replace(/日/g, "")).filter((d) => d >= 1 && d <= 31);
      if (list.length) {
        rule.pattern = "monthDays";
        rule.monthDays = list;
      }
    }
    if (rule.pattern === "none") {
      const weekdays = new Set<number>();
      if (/平日/.test(t)) [1, 2, 3, 4, 5].forEach((d) => weekdays.add(d));
      if (/毎日/.test(t)) [0, 1, 2, 3, 4, 5, 6].forEach((d) => weekdays.add(d));
      if (/土日/.test(t)) [0, 6].forEach((d) => weekdays.add(d));
      for (const m of t.matchAll(new RegExp(`([${WDS}])曜?日?\\s*(?:〜|から)\\s*([${WDS}])曜`, "g"))) weekdayList(m[0]).forEach((d) => weekdays.add(d));
      for (const m of t.matchAll(new RegExp(`([${WDS}])曜`, "g"))) weekdays.add(WD[m[1]]);
      for (const m of t.matchAll(new RegExp(`毎週\\s*([${WDS}](?:[・、,と]?[${WDS}])*)`, "g"))) weekdayList(m[1]).forEach((d) => weekdays.add(d));
      if (weekdays.size) {
        rule.weekdays = [...weekdays].sort((a, b) => a - b);
        rule.pattern = "weekly";
      }
    }
  }
  if (rule.excludeNths && weeklyExcept) {
    rule.pattern = "weekly";
    rule.weekdays = [WD[weeklyExcept[2]]];
  }
  if (frequency && (frequency[1].startsWith("隔週") || rule.pattern === "none" || /月\s*\d\s*回/.test(frequency[1]) && rule.pattern !== "nthWeekday")) {
    // 隔週 has no anchor date and 月2回 no days: neither can be computed.
    rule.frequency = frequency[1].replace(/\s/g, "");
    rule.pattern = "none";
  }
  if (rule.pattern === "none" && !rule.frequency) {
    const f = /(月\s*\d\s*回|週\s*\d\s*回|不定)/.exec(t);
    if (f) rule.frequency = f[1];
  }
  return rule;
}

/** Bit i set when the activity can fall on weekday i; 0 when unknown. */
export function weekdayMask(rule: ScheduleRule): number {
  if (rule.pattern === "weekly" || rule.pattern === "nthWeekday") {
    let mask = 0;
    for (const d of rule.weekdays ?? []) mask |= 1 << d;
    if (rule.holiday === "nextDay") for (const d of rule.weekdays ?? []) mask |= 1 << ((d + 1) % 7);
    return mask;
  }
  if (rule.pattern === "monthDays") return rule.skipWeekends ? 0b0111110 : 0b1111111;
  if (rule.pattern === "dates") {
    let mask = 0;
    for (const iso of rule.dates ?? []) mask |= 1 << new Date(`${iso}T00:00:00Z`).getUTCDay();
    return mask;
  }
  // 隔週金曜日: the dates are unknown but the weekday is not.
  let mask = 0;
  for (const d of rule.weekdays ?? []) mask |= 1 << d;
  return mask;
}
