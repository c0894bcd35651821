import { isoDate, isValidDate, type PlainDate } from "../schedule/time.js";
import type { Cell } from "./table.js";

/** Cell values as municipalities' spreadsheets write them. */

export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return "";
  if (c instanceof Date) return isoDate({ y: c.getUTCFullYear(), m: c.getUTCMonth() + 1, d: c.getUTCDate() });
  return String(c).normalize("NFKC").replace(/\r\n?/g, "\n").trim();
}

/** Free text as written: trimmed, line breaks unified, half-width katakana widened (ｻﾛﾝ → サロン). */
export function freeText(c: Cell | undefined): string {
  if (c === null || c === undefined) return "";
  if (c instanceof Date || typeof c === "number" || typeof c === "boolean") return cellText(c);
  return String(c)
    .replace(/\r\n?/g, "\n")
    .replace(/[\uFF61-\uFF9F]+/g, (m) => m.normalize("NFKC"))
    .trim();
}

/** 9:30 / 9：30 / 9時30分 / 09:00:00 / 午後1時 / an Excel time fraction → minutes after midnight. */
export function parseTime(c: Cell | undefined): number | null | undefined {
  if (c === null || c === undefined || c === "") return undefined;
  if (typeof c === "number") {
    if (c >= 0 && c < 1) return Math.round(c * 24 * 60);
    if (Number.isInteger(c) && c >= 0 && c <= 24) return c * 60;
    return null;
  }
  if (c instanceof Date) return c.getUTCHours() * 60 + c.getUTCMinutes();
  const t = cellText(c);
  const m = /^(午前|午後)?\s*(\d{1,2})(?:[:時]\s*(\d{1,2})?(?:分)?(?::\d{2})?|時半)?$/.exec(t.replace(/時半$/, "時30分"));
  if (!m) return null;
  let h = Number(m[2]);
  const min = m[3] ? Number(m[3]) : 0;
  if (m[1] === "午後" && h < 12) h += 12;
  if (h > 24 || min > 59) return null;
  return h * 60 + min;
}

export function formatMinutes(m: number): string {
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
}

const ERAS: Record<string, number> = { 令和: 2018, R: 2018, r: 2018, 平成: 1988, H: 1988, h: 1988, 昭和: 1925, S: 1925 };

/** 2026/4/2, 2026-04-02, 2026年4月2日, 令和8年4月2日, R8.4.2, an Excel serial number → a calendar day. */
export function parseDate(c: Cell | undefined): PlainDate | null | undefined {
  if (c === null || c === undefined || c === "") return undefined;
  if (c instanceof Date) return { y: c.getUTCFullYear(), m: c.getUTCMonth() + 1, d: c.getUTCDate() };
  if (typeof c === "number" || /^\d{5}(\.\d+)?$/.test(String(c).trim())) {
    const serial = Math.floor(Number(c));
    if (serial < 1 || serial > 2958465) return null;
    // Excel's day 1 is 1900-01-01, and it counts a 29 Feb 1900 that never was.
    const t = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }
  const t = cellText(c);
  let m = /^(\d{4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?/.exec(t);
  let d: PlainDate | null = m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
  if (!d) {
    m = /^(令和|平成|昭和|[RrHhS])\s*(元|\d{1,2})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?/.exec(t);
    if (m) d = { y: ERAS[m[1]] + (m[2] === "元" ? 1 : Number(m[2])), m: Number(m[3]), d: Number(m[4]) };
  }
  return d && isValidDate(d) ? d : null;
}

const WD = "日月火水木金土";

/** 月火水木金 / 平日,土曜日 / 月曜日・水曜日 / 月～金 / 毎日 / 土日祝 → weekdays, and whether 祝日 is included. */
export function parseWeekdays(c: Cell | undefined): { weekdays: number[]; holidays: boolean } | null | undefined {
  const t = cellText(c).replace(/曜日|曜/g, "");
  if (!t) return undefined;
  const days = new Set<number>();
  if (/平日/.test(t)) [1, 2, 3, 4, 5].forEach((d) => days.add(d));
  if (/毎日|全日|年中無休/.test(t)) [0, 1, 2, 3, 4, 5, 6].forEach((d) => days.add(d));
  if (/土日/.test(t)) [0, 6].forEach((d) => days.add(d));
  for (const m of t.matchAll(/([日月火水木金土])\s*[〜~\-ー]\s*([日月火水木金土])/g)) {
    for (let i = WD.indexOf(m[1]); ; i = (i + 1) % 7) {
      days.add(i);
      if (i === WD.indexOf(m[2])) break;
    }
  }
  for (const ch of t.replace(/平日|毎日|全日|祝日?|土日/g, "")) if (WD.includes(ch)) days.add(WD.indexOf(ch));
  if (days.size === 0) return null;
  return { weekdays: [...days].sort((a, b) => a - b), holidays: /祝/.test(t) };
}

export type PointCheck = { lat: number; lng: number; swapped?: boolean } | { rejected: string } | undefined;

const inJapanLat = (x: number) => x >= 20 && x <= 46;
const inJapanLng = (x: number) => x >= 122 && x <= 154;

/** Latitude and longitude, swapped back when a file has them the wrong way round; 0,0 and points outside Japan are rejected. */
export function parsePoint(latCell: Cell | undefined, lngCell: Cell | undefined): PointCheck {
  const a = cellText(latCell);
  const b = cellText(lngCell);
  if (!a && !b) return undefined;
  const lat = Number(a);
  const lng = Number(b);
  if (!a || !b || !Number.isFinite(lat) || !Number.isFinite(lng)) return { rejected: "緯度・経度が数値ではありません" };
  if (lat === 0 && lng === 0) return { rejected: "緯度・経度が 0,0 です" };
  if (inJapanLat(lat) && inJapanLng(lng)) return { lat, lng };
  if (inJapanLat(lng) && inJapanLng(lat)) return { lat: lng, lng: lat, swapped: true };
  return { rejected: "緯度・経度が日本の範囲外です" };
}

export function normalizePhone(c: Cell | undefined): string {
  const t = cellText(c).replace(/[‐‑–—―ー−]/g, "-").replace(/[()（）]/g, "-").replace(/\s+/g, "");
  return t.replace(/-+/g, "-").replace(/^-|-$/g, "");
}

/** 毎週月・水・金 9:00〜17:00（祝日を除く） from the columns of a facility list. */
export function scheduleFromColumns(weekdays: { weekdays: number[]; holidays: boolean } | null | undefined, start: number | null | undefined, end: number | null | undefined, note: string): string {
  const parts: string[] = [];
  if (weekdays && weekdays.weekdays.length) {
    const w = weekdays.weekdays;
    parts.push(w.length === 7 ? "毎日" : w.join(",") === "1,2,3,4,5" ? "平日" : "毎週" + w.map((d) => WD[d]).join("・"));
  }
  if (typeof start === "number") parts.push(`${formatMinutes(start)}${typeof end === "number" ? "〜" + formatMinutes(end) : "〜"}`);
  let text = parts.join(" ");
  if (note) text += text ? `（${note.replace(/\n/g, " ")}）` : note.replace(/\n/g, " ");
  return text;
}
