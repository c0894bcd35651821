import { isoDate, type PlainDate } from "../schedule/time.js";
import type { ResourceFields } from "../data/resources.js";
import type { Field, Format, HeaderMap } from "./headers.js";
import type { Resolver } from "./resolve.js";
import type { Cell } from "./table.js";
import { cellText, freeText, formatMinutes, normalizePhone, parseDate, parsePoint, parseTime, parseWeekdays, scheduleFromColumns } from "./values.js";

/** One spreadsheet row turned into the fields of a Resource, with everything wrong with it. */

export type ResourceDraft = ResourceFields;

export interface Issue {
  line: number;
  column: string;
  level: "error" | "warning";
  message: string;
}

export type AreaRule = "地域列" | "住所" | "最寄りの地域" | "--area" | "なし";

export interface MappedRow {
  line: number;
  draft: ResourceDraft | null;
  areaRule: AreaRule;
  issues: Issue[];
}

export interface RowOptions {
  format: Format;
  category?: string;
  areaId?: number;
}

const VISIBILITY: Record<string, string> = { 公開: "public", public: "public", scのみ: "sc_only", 非公開: "sc_only", sc_only: "sc_only", 関係者のみ: "sc_only" };
const STATUS: Record<string, string> = { 活動中: "active", active: "active", 実施中: "active", 休止: "paused", 休止中: "paused", paused: "paused", 終了: "ended", 廃止: "ended", ended: "ended" };

function dateText(d: PlainDate): string {
  return `${d.y}年${d.m}月${d.d}日`;
}

export function mapRow(line: number, cells: Cell[], headers: string[], map: HeaderMap, r: Resolver, o: RowOptions): MappedRow {
  const issues: Issue[] = [];
  const col = (f: Field) => (map.columns[f] === undefined ? undefined : cells[map.columns[f]!]);
  const text = (f: Field) => cellText(col(f));
  // Free text is kept as written (only half-width kana widened), so an export re-imports unchanged.
  const free = (f: Field) => freeText(col(f));
  const header = (f: Field) => (map.columns[f] === undefined ? f : headers[map.columns[f]!].replace(/[\r\n]+/g, ""));
  const error = (f: Field, message: string) => issues.push({ line, column: header(f), level: "error", message });
  const warn = (f: Field, message: string) => issues.push({ line, column: header(f), level: "warning", message });

  const name = free("name");
  if (!name) error("name", "名称がありません");

  // Address: the joined form, or its parts, plus the building.
  let address = free("address");
  if (!address) address = [free("prefecture"), free("city"), free("town"), free("block")].join("");
  const extra = free("addressExtra");
  if (extra && !address.includes(extra)) address = `${address} ${extra}`.trim();

  // Schedule: as written (template) or built from the weekday and time columns.
  let scheduleText = free("schedule");
  if (o.format === "event") {
    const from = parseDate(col("startDate"));
    const to = parseDate(col("endDate"));
    if (from === null) error("startDate", "開始日が読めません（例: 2026/4/2、令和8年4月2日）");
    if (to === null) warn("endDate", "終了日が読めません");
    const start = parseTime(col("startTime"));
    const end = parseTime(col("endTime"));
    if (start === null) warn("startTime", "開始時間が読めません（例: 9:30、9時30分）");
    if (end === null) warn("endTime", "終了時間が読めません");
    if (from) {
      const range = to && isoDate(to) !== isoDate(from) ? `〜${dateText(to)}` : "";
      const times = typeof start === "number" ? ` ${formatMinutes(start)}〜${typeof end === "number" ? formatMinutes(end) : ""}` : "";
      scheduleText = `${dateText(from)}${range}${times}`;
    }
    const note = free("timeNote");
    if (note) scheduleText = scheduleText ? `${scheduleText}（${note}）` : note;
  } else if (!scheduleText) {
    const weekdays = parseWeekdays(col("weekdays"));
    if (weekdays === null) warn("weekdays", "利用可能曜日が読めません（例: 月火水木金、平日,土曜日）");
    const start = parseTime(col("startTime"));
    const end = parseTime(col("endTime"));
    if (start === null) warn("startTime", "開始時間が読めません（例: 9:30、9時30分）");
    if (end === null) warn("endTime", "終了時間が読めません");
    scheduleText = scheduleFromColumns(weekdays, start, end, free("timeNote"));
  }

  // Category.
  let categoryKey: string | null = null;
  const catText = text("category");
  if (catText) {
    categoryKey = r.category(catText);
    if (!categoryKey) error("category", `種別「${catText}」がわかりません（サロン、体操、配食 などのカテゴリ名かキーを書いてください）`);
  } else if (o.category) categoryKey = o.category;
  else if (o.format === "care-service" && text("serviceType")) {
    categoryKey = r.serviceCategory(text("serviceType")) ?? r.guessCategory(`${name} ${text("description")}`);
    if (!categoryKey) error("serviceType", `サービスの種類「${text("serviceType")}」をカテゴリに対応づけられません。--category を指定してください`);
  } else {
    categoryKey = r.guessCategory(`${name} ${text("description")}`);
    if (!categoryKey) error("category", "種別がなく、名称からも判断できません。--category を指定してください");
  }

  // Point.
  let lat: number | null = null;
  let lng: number | null = null;
  const point = parsePoint(col("lat"), col("lng"));
  if (point && "rejected" in point) warn("lat", `${point.rejected}。位置は使わずに取り込みます`);
  else if (point) {
    lat = point.lat;
    lng = point.lng;
    if (point.swapped) warn("lat", "緯度と経度が入れ替わっていたため、入れ替えて取り込みます");
  }

  // Area: the column, else a name in the address, else the nearest centroid, else --area.
  let areaId: number | null = null;
  let areaRule: AreaRule = "なし";
  const areaText = text("area");
  const named = areaText ? r.areaByName(areaText) : null;
  if (named) {
    areaId = named.id;
    areaRule = "地域列";
  } else {
    if (areaText) warn("area", `地域「${areaText}」が見つかりません。住所などから決めます`);
    const inAddress = address ? r.areaInAddress(address) : null;
    const nearest = lat !== null && lng !== null ? r.nearestArea(lat, lng) : null;
    if (inAddress) [areaId, areaRule] = [inAddress.id, "住所"];
    else if (nearest) [areaId, areaRule] = [nearest.id, "最寄りの地域"];
    else if (o.areaId !== undefined) [areaId, areaRule] = [o.areaId, "--area"];
    else warn("area", "地域を決められませんでした（地域列・住所・緯度経度のいずれかを入れるか、--area を指定してください）");
  }

  const visText = text("visibility").toLowerCase();
  const visibility = visText ? VISIBILITY[visText] : "public";
  if (!visibility) error("visibility", `公開範囲「${visText}」は「公開」か「SCのみ」で書いてください`);
  const statusText = text("status");
  const status = statusText ? STATUS[statusText.toLowerCase()] : "active";
  if (!status) error("status", `状態「${statusText}」は「活動中」「休止」「終了」のどれかで書いてください`);
  const verified = parseDate(col("verifiedAt"));
  if (verified === null) error("verifiedAt", "最終確認日が読めません（例: 2026/4/2）");

  const fee = [free("fee"), free("feeDetail")].filter(Boolean).join(" ");
  const description = [free("description"), free("note")].filter(Boolean).join("\n");
  const phone = normalizePhone(col("phone"));
  if (phone && !/^[0-9+][0-9-]{5,}$/.test(phone)) warn("phone", `電話番号「${phone}」の形が正しくないかもしれません`);

  const failed = issues.some((i) => i.level === "error");
  return {
    line,
    areaRule,
    issues,
    draft: failed
      ? null
      : {
          externalId: text("id") || null,
          name,
          reading: free("reading"),
          categoryKey: categoryKey!,
          areaId,
          description,
          venue: free("venue"),
          address,
          lat,
          lng,
          scheduleText,
          fee,
          target: free("target"),
          organiser: free("organiser"),
          phone,
          visibility: visibility!,
          status: status!,
          lastVerifiedAt: verified ? new Date(Date.UTC(verified.y, verified.m - 1, verified.d)) : null,
        },
  };
}
