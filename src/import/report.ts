import type { ImportReport } from "./importer.js";

/** The import's report as the CLI prints it (and the console shows it). */
export function formatReport(r: ImportReport, dryRun: boolean, skipInvalid = false): string {
  const lines: string[] = [];
  lines.push(`ファイル: ${r.file}（形式: ${r.format}${r.encoding ? `、文字コード: ${r.encoding}` : ""}、${r.rows}行）`);
  if (r.unknownColumns.length) lines.push(`使わない列: ${r.unknownColumns.join("、")}`);
  for (const i of r.issues) lines.push(`${i.level === "error" ? "エラー" : "注意"} ${i.line}行目 [${i.column}] ${i.message}`);
  const placed = Object.entries(r.placements).filter(([, n]) => n > 0).map(([rule, n]) => `${rule} ${n}件`).join("、");
  if (placed) lines.push(`地域の決め方: ${placed}`);
  const counts = `新規 ${r.created}件、更新 ${r.updated}件、変更なし ${r.unchanged}件、スキップ ${r.skipped}件`;
  if (r.written) lines.push(`取り込みました: ${counts}`);
  else if (dryRun && !r.issues.some((i) => i.level === "error")) lines.push(`（確認のみ）取り込むと: ${counts}`);
  // Already asked to skip the invalid rows: never advise it again.
  else if (skipInvalid && dryRun) lines.push(`（確認のみ）エラーの行を除いて取り込むと: ${counts}`);
  else if (skipInvalid) lines.push(`取り込める行がなかったため、何も書き込んでいません。${counts}`);
  else lines.push(`エラーがあるため何も書き込んでいません（エラーの行を除いて取り込むには --skip-invalid）。${dryRun ? `取り込むと: ${counts}` : ""}`);
  return lines.join("\n");
}

