import type { Db } from "../data/client.js";
import { allAreaNames, areasByNames, writeAreaImport } from "../data/areas.js";
import { forgetShapes } from "../data/shape-cache.js";
import { mapHeaders, normalizeHeader } from "./headers.js";
import type { Issue } from "./rows.js";
import { readTable } from "./table.js";
import { cellText, freeText, parsePoint } from "./values.js";

/**
 * Areas file: 名称, ふりがな, 種別 (区・市 / ブロック・第1層 / 圏域・第2層 / 町会など), 上位, 緯度, 経度, 別名.
 * Upserts by name; a parent may appear anywhere in the file.
 */
const KIND: [RegExp, string][] = [
  [/^(区|市|町|村|自治体|municipality|全域)$/, "municipality"],
  [/^(ブロック|第1層|地域|block)$/, "block"],
  [/^(圏域|日常生活圏域|第2層|地区|area)$/, "area"],
  [/^(町会|自治会|町丁目|小地域|unit)$/, "unit"],
];

export interface AreasReport {
  created: number;
  updated: number;
  issues: Issue[];
  written: boolean;
}

export async function importAreas(db: Db, file: string, dryRun = false): Promise<AreasReport> {
  const table = await readTable(file);
  const idx = (names: string[]) => {
    const keys = names.map(normalizeHeader);
    return table.headers.findIndex((h) => keys.includes(normalizeHeader(h)));
  };
  const cols = {
    name: mapHeaders(table.headers).columns.name ?? -1,
    reading: idx(["ふりがな", "よみがな", "名称_カナ", "フリガナ"]),
    kind: idx(["種別", "階層", "区分"]),
    parent: idx(["上位", "上位地域", "親", "所属"]),
    lat: idx(["緯度"]),
    lng: idx(["経度"]),
    aliases: idx(["別名", "別表記", "通称"]),
  };
  const issues: Issue[] = [];
  if (cols.name < 0) issues.push({ line: 1, column: "名称", level: "error", message: "「名称」の列がありません" });
  const rows = table.rows.map((r) => {
    const get = (i: number) => (i < 0 ? "" : cellText(r.cells[i]));
    const name = freeText(cols.name < 0 ? null : r.cells[cols.name]);
    const kindText = get(cols.kind) || "圏域";
    const kind = KIND.find(([re]) => re.test(kindText))?.[1];
    if (!name) issues.push({ line: r.line, column: "名称", level: "error", message: "名称がありません" });
    if (!kind) issues.push({ line: r.line, column: "種別", level: "error", message: `種別「${kindText}」は 区・ブロック・圏域・町会 のどれかで書いてください` });
    const point = parsePoint(cols.lat < 0 ? null : r.cells[cols.lat], cols.lng < 0 ? null : r.cells[cols.lng]);
    if (point && "rejected" in point) issues.push({ line: r.line, column: "緯度", level: "warning", message: point.rejected });
    const reading = get(cols.reading).replace(/[ァ-ヶ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
    return {
      line: r.line,
      name,
      kind: kind ?? "area",
      parent: get(cols.parent),
      reading,
      lat: point && !("rejected" in point) ? point.lat : null,
      lng: point && !("rejected" in point) ? point.lng : null,
      // A reading in brackets stays with its name, spaced or not: 坂上 (さかうえ).
      aliases: get(cols.aliases).replace(/\s*([（(])\s*/g, "$1").replace(/\s*([）)])/g, "$1").split(/[、,，・\s]+/).filter(Boolean),
    };
  });
  const names = new Set([...rows.map((r) => r.name), ...(await allAreaNames(db))]);
  for (const r of rows) {
    if (r.parent && !names.has(r.parent)) issues.push({ line: r.line, column: "上位", level: "error", message: `上位の地域「${r.parent}」が見つかりません` });
  }
  const report: AreasReport = { created: 0, updated: 0, issues, written: false };
  const existing = new Set((await areasByNames(db, rows.map((r) => r.name))).map((a) => a.name));
  report.created = rows.filter((r) => !existing.has(r.name)).length;
  report.updated = rows.length - report.created;
  if (issues.some((i) => i.level === "error") || dryRun) return report;
  await writeAreaImport(db, rows);
  forgetShapes(db);
  report.written = true;
  return report;
}
