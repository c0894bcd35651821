import fs from "node:fs";
import { resourcesForExport } from "../data/resources.js";
import type { Db } from "../data/client.js";
import { isoDate } from "../schedule/time.js";
import { toCsv } from "./csv.js";

/** The project's own template: the columns staff fill in, in this order. */
export const TEMPLATE_COLUMNS = [
  "名称", "ふりがな", "種別", "地域", "開催日時", "会場", "住所", "緯度", "経度", "参加費", "対象", "内容", "主催", "電話番号", "公開範囲", "状態", "最終確認日", "ID",
] as const;

const VISIBILITY_JA: Record<string, string> = { public: "公開", sc_only: "SCのみ" };
const STATUS_JA: Record<string, string> = { active: "活動中", paused: "休止", ended: "終了" };

/** Writes every resource as a template CSV (UTF-8 with BOM, so Excel opens it as Japanese). */
export async function exportResources(db: Db, file: string): Promise<number> {
  const { csv, count } = await resourcesCsv(db);
  fs.writeFileSync(file, csv);
  return count;
}

/** The template CSV of the resources (of some areas, for a layer-2 SC's console). */
export async function resourcesCsv(db: Db, areaIds?: number[]): Promise<{ csv: string; count: number }> {
  const rows = await resourcesForExport(db, areaIds ?? null);
  const lines: (string | number | null)[][] = [[...TEMPLATE_COLUMNS]];
  for (const r of rows) {
    lines.push([
      r.name, r.reading, r.category.label, r.area?.name ?? "", r.scheduleText, r.venue, r.address, r.lat, r.lng, r.fee, r.target, r.description, r.organiser, r.phone,
      VISIBILITY_JA[r.visibility] ?? r.visibility, STATUS_JA[r.status] ?? r.status,
      r.lastVerifiedAt ? isoDate({ y: r.lastVerifiedAt.getUTCFullYear(), m: r.lastVerifiedAt.getUTCMonth() + 1, d: r.lastVerifiedAt.getUTCDate() }) : "",
      r.externalId ?? "",
    ]);
  }
  return { csv: "\uFEFF" + toCsv(lines), count: rows.length };
}
