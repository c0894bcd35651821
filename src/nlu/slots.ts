import { addDays, compareDates, daysInMonth, isoDate, isValidDate, weekdayOf, zonedParts, type PlainDate } from "../schedule/time.js";
import type { Analysed, Term } from "./matcher.js";
import { kanaDatesToKanji, weekdaysToKanji } from "./normalize.js";

/** Whether a dictionary term occurs in the text being routed. */
export type Has = (term: Term) => boolean;
import type { Slots, TimeOfDay } from "./types.js";

/** Slot extraction: pure functions over an analysed text. */

const WD = "月火水木金土日";
const WD_INDEX: Record<string, number> = { 日: 0, 月: 1, 火: 2, 水: 3, 木: 4, 金: 5, 土: 6 };
// A run of weekday kanji (月水金, 土日, 月・水・金) not part of 毎月, 今日, 12月3日, 生年月日, nor the 日 of
// 曜日 before the next day (火曜日と木曜日 is Tuesday and Thursday, not Sunday too) …
const WEEKDAY_RUN = new RegExp(`(?<![0-9毎今明先来翌昨何同前後本当年曜])([${WD}](?:[・、,/と]?[${WD}])+)(?![0-9])`, "g");
const WEEKDAY_SINGLE = new RegExp(`([${WD}])曜`, "g");
// Kana spellings: 火曜/土曜 must be followed by び, since かよう is also 通う and どよ hides in ちょうどよい.
const KANA_WEEKDAYS: [string, number][] = [
  ["ゲツヨ", 1], ["カヨビ", 2], ["スイヨ", 3], ["モクヨ", 4], ["キンヨ", 5], ["ドヨビ", 6], ["ニチヨ", 0],
];
// A list of two or more days abbreviated in kana, as on a paper schedule (げつ すい きん, か・もく),
// standing on its own: at the start or after a space or 、, and ending before a space, の, なら, は or the end.
const KANA_ABBREVIATED: Record<string, number> = { げつ: 1, か: 2, すい: 3, もく: 4, きん: 5, ど: 6, にち: 0 };
const KANA_DAY = "(?:げつ|か|すい|もく|きん|ど|にち)";
const KANA_DAY_LIST = new RegExp(`(?<=^|[\\s、,])(${KANA_DAY}(?:[\\s・、,と]*${KANA_DAY})+)(?=$|[\\s、,。]|の|なら|は|が|に|で)`, "gu");

export interface WeekdayTerms {
  weekdays: Term;
  weekend: Term;
  everyday: Term;
}

// Days set apart as not suiting, up to the end of their clause: 平日は仕事をしていますが、 (then 土曜日の午前中なら…).
const UNSUITED_DAYS = new RegExp(`(平日|週末|土日|毎日|[${"月火水木金土日"}](?:曜日?)?)は[^、。]*?(?:無理|むり|だめ|ダメ|ません|ない|仕事|用事|予定があ|病院|忙し|いそがし|都合が悪|都合がわる)[^、。]*[、。]`, "g");

/**
 * The days meant. Days set apart as not suiting (平日は仕事なので、土曜なら…) give way to the days named
 * after them; alone (月曜は無理です) they are still the days the message is about.
 */
export function extractWeekdays(a: Analysed, terms: WeekdayTerms, has: Has): number[] | undefined {
  const whole = weekdaysToKanji(a.normalized);
  const masked = whole.replace(UNSUITED_DAYS, (m) => " ".repeat(m.length));
  if (masked !== whole) {
    const rest = daysIn(a, masked, terms, (t) => has(t) && masked.includes(t.text));
    if (rest) return rest;
  }
  return daysIn(a, whole, terms, has);
}

function daysIn(a: Analysed, text: string, terms: WeekdayTerms, has: Has): number[] | undefined {
  const found = new Set<number>();
  for (const m of text.matchAll(WEEKDAY_SINGLE)) found.add(WD_INDEX[m[1]]);
  for (const m of text.matchAll(WEEKDAY_RUN)) for (const c of m[1]) if (c in WD_INDEX) found.add(WD_INDEX[c]);
  for (const [reading, wd] of KANA_WEEKDAYS) {
    let at = a.folded.indexOf(reading);
    while (at >= 0) {
      // All of it typed in kana: 方に直接 (ホニチヨクセツ) holds no にちよう.
      let typedInKana = true;
      for (let k = at; k < at + reading.length && typedInKana; k++) typedInKana = a.kanaToken[a.tokenOf[k]];
      if (typedInKana) found.add(wd);
      at = a.folded.indexOf(reading, at + 1);
    }
  }
  // In a list of days (かようとにちよう), かよう and どよう need no び.
  if (found.size > 0) {
    for (const [kana, wd] of [["カヨ", 2], ["ドヨ", 6]] as [string, number][]) {
      for (const m of a.folded.matchAll(new RegExp(`${kana}(?=[トヤノニ、・])`, "g"))) if (a.kanaToken[a.tokenOf[m.index!]]) found.add(wd);
    }
  }
  // かよう or どよう typed as a word of its own, with at most a particle (どようの ごご, かようは むり), is the day
  // without び; inside running kana it may be 通う (かようのが たのしみ).
  for (const part of a.spaced.split(/\s+/)) {
    const m = /^(かよう|どよう|かよお|どよお)(?:の|に|は|わ|なら|で|も)?$/u.exec(part);
    if (m) found.add(m[1].startsWith("か") ? 2 : 6);
  }
  for (const m of a.spaced.matchAll(KANA_DAY_LIST)) {
    const days = m[1].match(new RegExp(KANA_DAY, "gu")) ?? [];
    // すいか and かど are words: one-kana days only count when the list is written apart (か・もく).
    if (days.some((d) => d.length === 1) && !/[\s・、,と]/u.test(m[1])) continue;
    for (const d of days) found.add(KANA_ABBREVIATED[d]);
  }
  if (has(terms.weekdays)) [1, 2, 3, 4, 5].forEach((d) => found.add(d));
  if (has(terms.weekend)) [0, 6].forEach((d) => found.add(d));
  if (has(terms.everyday)) [0, 1, 2, 3, 4, 5, 6].forEach((d) => found.add(d));
  if (found.size === 0) return undefined;
  return [...found].sort((x, y) => x - y);
}

/** What is said of a time that does not suit: it is busy or impossible then. */
const UNSUITED = /無理|むり|だめ|ダメ|ません|ない|仕事|用事|予定があ|病院|忙し|いそがし|都合が悪|都合がわる|塞が|ふさが/;

// Too short to look for inside kana (あさって, ひるね), but a word of their own when the writer spaced them
// apart: げつようの あさ たいそう.
const PART_TIMES: Record<string, TimeOfDay> = { あさ: "morning", ひる: "afternoon", よる: "evening" };

export function extractTimeOfDay(a: Analysed, vocab: Record<TimeOfDay, Term[]>, has: Has): TimeOfDay | undefined {
  const found: { tod: TimeOfDay; at: number; end: number }[] = [];
  for (const tod of ["morning", "afternoon", "evening"] as TimeOfDay[]) {
    for (const term of vocab[tod]) {
      if (!has(term)) continue;
      const at = a.normalized.indexOf(term.text);
      found.push({ tod, at: at < 0 ? Number.MAX_SAFE_INTEGER : at, end: at < 0 ? Number.MAX_SAFE_INTEGER : at + term.text.length });
    }
  }
  if (found.length === 0) return PART_TIMES[a.spaced.split(/\s+/).find((p) => p in PART_TIMES) ?? ""];
  found.sort((x, y) => x.at - y.at || y.end - x.end);
  const [first] = found;
  // A time set apart with は as not suiting, then another time (昼間は仕事なので、夕方に…; 午前中は無理ですが
  // 午後なら): the later one is meant. (午前中は活動できます、午後も… keeps the first.)
  const later = found.find((f) => f.tod !== first.tod && f.at >= first.end);
  if (later && a.normalized[first.end] === "は" && UNSUITED.test(a.normalized.slice(first.end, later.at))) return later.tod;
  return first.tod;
}

export function extractAttending(vocab: { yes: Term[]; no: Term[] }, has: Has, normalized: string): boolean | undefined {
  // 参加できなかった担い手さんたち tells of a meeting that is over: no answer to one to come.
  if (onlyPastAttendance(normalized)) return undefined;
  // Negative phrases contain positive words (参加できません ⊃ 参加), so they decide first.
  if (vocab.no.some(has)) return false;
  if (vocab.yes.some(has)) return true;
  return undefined;
}

const ATTENDANCE = /参加|出席|欠席|出られ|でられ|行け|いけ/g;
const PAST_AFTER = /^(でき|し|され)?(まし|ませんでし|なかっ)?た(?![いくら])/;

/** Every word of coming or not coming to a meeting is in the past (参加できなかった, 出席しました). */
export function onlyPastAttendance(normalized: string): boolean {
  let seen = false;
  for (const m of normalized.matchAll(ATTENDANCE)) {
    if (!PAST_AFTER.test(normalized.slice(m.index + m[0].length, m.index + m[0].length + 10))) return false;
    seen = true;
  }
  return seen;
}

export function extractNearby(terms: Term[], has: Has): boolean | undefined {
  return terms.some(has) ? true : undefined;
}

/** The next occurrence of month/day on or after today (this year, else next year). */
function upcoming(today: PlainDate, m: number, d: number): PlainDate | null {
  for (const y of [today.y, today.y + 1]) {
    const date = { y, m, d };
    if (isValidDate(date) && compareDates(date, today) >= 0) return date;
  }
  return null;
}

function kanaWord(a: Analysed, word: string): boolean {
  return a.tokens.some((t) => t.surface === word);
}

/** 今日, 明日, 明後日, 今週, 来週, 今月, 来月, 12月3日, 21日, 12月 → a day or a range of days in the app's zone. */
const DATE_HINT = /[日週月]|きょう|あした|あす|あさって|しゅう|げつ/;

/**
 * きょう typed in kana, but not as the start of a longer word that begins
 * the same way (きょうしつ 教室, きょうみ 興味, きょうりょく 協力, きょうかい…).
 */
const KANA_TODAY = /きょう(?!し|み|りょく|か[いしん]|だい|つう|いく|ぎ|ざい|せい|ちょう|じゅ|ど[うく]|きゅう|けん|ぼう|こう|えい|そう|ふ|ゆう|わい)/;

export function extractDate(a: Analysed, now: Date, timeZone: string): Pick<Slots, "date" | "dateTo"> {
  const text = kanaDatesToKanji(a.normalized);
  if (!DATE_HINT.test(text)) return {};
  const z = zonedParts(now, timeZone);
  const today: PlainDate = { y: z.y, m: z.m, d: z.d };
  const single = (d: PlainDate | null) => (d ? { date: isoDate(d) } : {});
  const range = (from: PlainDate, to: PlainDate) => ({ date: isoDate(from), dateTo: isoDate(to) });

  const md = /(\d{1,2})月(\d{1,2})日/.exec(text);
  if (md) return single(upcoming(today, Number(md[1]), Number(md[2])));
  if (/明後日|あさって/.test(text)) return single(addDays(today, 2));
  if (/明日|あした/.test(text) || kanaWord(a, "あす")) return single(addDays(today, 1));
  if (/今日|本日/.test(text) || KANA_TODAY.test(text)) return single(today);
  const toSunday = (d: PlainDate) => addDays(d, (7 - weekdayOf(d)) % 7);
  if (/再来週|さらいしゅう/.test(text)) {
    const monday = addDays(today, ((8 - weekdayOf(today)) % 7 || 7) + 7);
    return range(monday, addDays(monday, 6));
  }
  if (/来週|らいしゅう/.test(text)) {
    const monday = addDays(today, (8 - weekdayOf(today)) % 7 || 7);
    return range(monday, addDays(monday, 6));
  }
  if (/今週|こんしゅう/.test(text)) return range(today, toSunday(today));
  // 来月10日, 今月の20日: that day of that month.
  const dayOfMonth = /(来月|らいげつ|今月|こんげつ)の?(\d{1,2})日/.exec(text);
  if (dayOfMonth) {
    const next = /来|らい/.test(dayOfMonth[1]);
    const y = next && today.m === 12 ? today.y + 1 : today.y;
    const m = next ? (today.m % 12) + 1 : today.m;
    const date = { y, m, d: Number(dayOfMonth[2]) };
    return isValidDate(date) ? single(date) : {};
  }
  if (/来月|らいげつ/.test(text)) {
    const y = today.m === 12 ? today.y + 1 : today.y;
    const m = today.m === 12 ? 1 : today.m + 1;
    return range({ y, m, d: 1 }, { y, m, d: daysInMonth(y, m) });
  }
  if (/今月|こんげつ/.test(text)) return range(today, { ...today, d: daysInMonth(today.y, today.m) });
  const month = /(?<![0-9])(\d{1,2})月(?![0-9]|曜)/.exec(text);
  if (month) {
    const m = Number(month[1]);
    if (m >= 1 && m <= 12) {
      const y = m < today.m ? today.y + 1 : today.y;
      const from = m === today.m && y === today.y ? today : { y, m, d: 1 };
      return range(from, { y, m, d: daysInMonth(y, m) });
    }
  }
  const day = /(?<![0-9月])(\d{1,2})日(?!間)/.exec(text);
  if (day) {
    const d = Number(day[1]);
    for (let k = 0; k < 2; k++) {
      const y = today.m + k > 12 ? today.y + 1 : today.y;
      const m = ((today.m + k - 1) % 12) + 1;
      const date = { y, m, d };
      if (isValidDate(date) && compareDates(date, today) >= 0) return single(date);
    }
  }
  return {};
}
