import { toCsv } from "../import/csv.js";
import { formatDateRangeJa, zonedParts } from "../schedule/time.js";
import type { Count, NeedsReport } from "./needs.js";

/** The period as asked: the days in the app's time zone (the instants run from 0:00 to 23:59 there). */
export function periodJa(r: Pick<NeedsReport, "period">, timeZone: string): string {
  return formatDateRangeJa(zonedParts(r.period.from, timeZone), zonedParts(r.period.to, timeZone), true);
}

function table(title: string, rows: Count[], unit = "件"): string {
  if (rows.length === 0) return `### ${title}\n\nなし\n`;
  return `### ${title}\n\n| 項目 | ${unit}数 |\n|---|---:|\n${rows.map((r) => `| ${r.label} | ${r.count} |`).join("\n")}\n`;
}

/** A handout for a 協議体 meeting (Markdown), with the chart image beside it. */
export function needsMarkdown(r: NeedsReport, timeZone: string, chartFile?: string): string {
  const sd = r.supplyDemand.filter((x) => x.resources || x.inquiries);
  return [
    `# 地域のニーズの見える化（${r.areas.join("・")}）`,
    "",
    `期間：${periodJa(r, timeZone)}`,
    "",
    `- 問い合わせ：${r.inquiries}件（見つからなかったもの：${r.unmet.total}件）`,
    `- 生活支援コーディネーターへの相談：${r.help.total}件`,
    `- 緊急の連絡（119番や相談ダイヤルを案内したもの）：${r.urgent}件`,
    `- 「見つかったら知らせてほしい」と待っている人：${r.waiting.total}人`,
    "",
    "## 需要と供給（カテゴリ別）",
    "",
    ...(chartFile ? [`![需要と供給](${chartFile})`, "", "グラフの上の棒（橙）が問い合わせ、下の棒（緑）が登録されている活動・サービス（資源）の数です。", ""] : []),
    "| カテゴリ | キー | 問い合わせ | 活動・サービス |",
    "|---|---|---:|---:|",
    ...sd.map((x) => `| ${x.label} | ${x.key} | ${x.inquiries} | ${x.resources} |`),
    "",
    table("問い合わせ（カテゴリ別）", r.byCategory),
    table("問い合わせ（地域別）", r.byArea),
    table("見つからなかった問い合わせ（カテゴリ別）", r.unmet.byCategory),
    table("見つからなかった問い合わせ（地域別）", r.unmet.byArea),
    table("見つからなかった問い合わせ（曜日）", r.unmet.byWeekday),
    table("見つからなかった問い合わせ（時間帯）", r.unmet.byTimeOfDay),
    table("見つかるのを待っている人（カテゴリ別）", r.waiting.byCategory, "人"),
    table("相談（状況別）", r.help.byStatus),
    table("相談（カテゴリ別）", r.help.byCategory),
    "集計値のみで、個人を特定できる情報は含みません。",
    "",
  ].join("\n");
}

export function needsCsv(r: NeedsReport): string {
  const rows: (string | number)[][] = [["区分", "地域", "カテゴリ", "キー", "問い合わせ", "見つからなかった", "活動・サービス"]];
  for (const x of r.supplyDemandByArea) rows.push(["需要と供給", x.area, x.label, x.key, x.inquiries, x.unmet, x.resources]);
  for (const c of r.unmet.byCategory) rows.push(["見つからなかった", "", c.label, c.key, "", c.count, ""]);
  for (const c of r.unmet.byWeekday) rows.push(["見つからなかった（曜日）", "", c.label, "", "", c.count, ""]);
  for (const c of r.unmet.byTimeOfDay) rows.push(["見つからなかった（時間帯）", "", c.label, "", "", c.count, ""]);
  for (const c of r.help.byStatus) rows.push(["相談（状況）", "", c.label, c.key, c.count, "", ""]);
  rows.push(["緊急の連絡", "", "", "", r.urgent, "", ""]);
  for (const c of r.waiting.byCategory) rows.push(["知らせてほしい（待っている人）", "", c.label, c.key, c.count, "", ""]);
  return "\uFEFF" + toCsv(rows);
}
