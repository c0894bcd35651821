/**
 * Column names as published files write them, mapped to the fields the bot
 * keeps. Headers are compared after normalisation, never by position.
 */
export type Field =
  | "id" | "name" | "reading" | "category" | "serviceType" | "area" | "schedule" | "venue" | "address" | "addressExtra"
  | "prefecture" | "city" | "town" | "block" | "lat" | "lng" | "fee" | "feeDetail" | "target" | "description" | "organiser" | "phone"
  | "visibility" | "status" | "verifiedAt" | "weekdays" | "startTime" | "endTime" | "timeNote" | "startDate" | "endDate" | "url" | "note"
  | "municipalityCode" | "municipalityName";

/** 建物名等（方書） / 建物名等(方書) / 建物名等_方書 / "名称\n（必須）" all become 建物名等_方書 / 名称. */
export function normalizeHeader(h: string): string {
  return h
    .normalize("NFKC")
    .replace(/[\r\n]+/g, "")
    .replace(/[(（]\s*(必須|任意|必須項目|半角|全角|任意項目)\s*[)）]|※.*$/g, "")
    .replace(/\s+/g, "")
    .replace(/[(（［[【]/g, "_")
    .replace(/[)）］\]】]/g, "")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "")
    .toLowerCase();
}

const ALIASES: Record<Field, string[]> = {
  id: ["ID", "識別子", "管理番号"],
  name: ["名称", "イベント名", "事業所名", "施設名", "団体名", "活動名", "サロン名"],
  reading: ["ふりがな", "フリガナ", "よみがな", "名称_カナ", "イベント名_カナ", "事業所名カナ", "事業所名_カナ", "カナ"],
  category: ["種別", "カテゴリ", "カテゴリー", "分類", "種類"],
  serviceType: ["サービスの種類", "サービス種類", "サービス種別"],
  area: ["地域", "地区", "圏域", "日常生活圏域", "生活圏域"],
  schedule: ["開催日時", "日時", "開催日", "開催日程", "スケジュール", "活動日時", "活動日"],
  venue: ["会場", "場所名称", "場所", "開催場所", "会場名"],
  address: ["住所", "所在地_連結表記", "所在地", "会場住所"],
  addressExtra: ["方書", "建物名等_方書", "方書_ビル名等", "ビル名等", "建物名"],
  prefecture: ["所在地_都道府県", "都道府県名", "都道府県"],
  city: ["所在地_市区町村", "市区町村名"],
  town: ["所在地_町字"],
  block: ["所在地_番地以下"],
  lat: ["緯度"],
  lng: ["経度"],
  fee: ["参加費", "料金_基本", "料金", "費用", "利用料", "会費"],
  feeDetail: ["料金_詳細"],
  target: ["対象", "対象者", "参加対象"],
  description: ["内容", "説明", "概要", "活動内容"],
  organiser: ["主催", "主催者", "連絡先名称", "法人の名称", "運営", "運営団体", "実施団体"],
  phone: ["電話番号", "連絡先電話番号", "電話", "問い合わせ先電話番号"],
  visibility: ["公開範囲"],
  status: ["状態", "活動状況"],
  verifiedAt: ["最終確認日", "確認日"],
  weekdays: ["利用可能曜日"],
  startTime: ["開始時間", "開始時刻"],
  endTime: ["終了時間", "終了時刻"],
  timeNote: ["利用可能時間特記事項", "利用可能日時特記事項", "開始日時特記事項", "利用可能曜日特記事項_留意事項", "利用可能曜日特記事項"],
  startDate: ["開始日"],
  endDate: ["終了日"],
  url: ["URL", "ホームページ"],
  note: ["備考"],
  municipalityCode: ["全国地方公共団体コード", "地方公共団体コード", "都道府県コード又は市区町村コード", "市区町村コード"],
  municipalityName: ["地方公共団体名"],
};

const LOOKUP = new Map<string, Field>();
for (const [field, names] of Object.entries(ALIASES) as [Field, string[]][]) for (const n of names) LOOKUP.set(normalizeHeader(n), field);

export interface HeaderMap {
  /** Field → column index (first match wins). */
  columns: Partial<Record<Field, number>>;
  /** Headers that mean nothing to the importer (reported, not fatal). */
  unknown: string[];
}

export function mapHeaders(headers: string[]): HeaderMap {
  const columns: Partial<Record<Field, number>> = {};
  const unknown: string[] = [];
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (!key) return;
    const field = LOOKUP.get(key);
    if (field === undefined) unknown.push(h.replace(/[\r\n]+/g, " "));
    else if (columns[field] === undefined) columns[field] = i;
  });
  return { columns, unknown };
}

export type Format = "template" | "public-facility" | "care-service" | "event";
export const FORMATS: Format[] = ["template", "public-facility", "care-service", "event"];

export function detectFormat(m: HeaderMap, headers: string[]): Format | null {
  const has = (f: Field) => m.columns[f] !== undefined;
  const raw = new Set(headers.map(normalizeHeader));
  if (has("serviceType") || raw.has(normalizeHeader("事業所名"))) return "care-service";
  if (raw.has(normalizeHeader("イベント名")) || (has("startDate") && has("name"))) return "event";
  if (has("schedule") || has("visibility") || raw.has(normalizeHeader("ふりがな"))) return "template";
  if (has("name") && (has("weekdays") || has("address") || has("lat"))) return "public-facility";
  return has("name") ? "template" : null;
}
