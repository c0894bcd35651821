import { parseEncoding } from "../import/decode.js";
import { FORMATS, type Format } from "../import/headers.js";
import { ImportError, importResources, type ImportReport } from "../import/importer.js";
import { parseArgs } from "./args.js";
import { openDatabase, run } from "./db-context.js";
import { progressPrinter } from "./progress.js";

const USAGE = `使い方: npm run import -- <ファイル> [--dry-run] [--format auto|${FORMATS.join("|")}] [--category KEY] [--area 地域名] [--skip-invalid] [--encoding utf-8|shift_jis|utf-16le]`;

export function formatReport(r: ImportReport, dryRun: boolean): string {
  const lines: string[] = [];
  lines.push(`ファイル: ${r.file}（形式: ${r.format}${r.encoding ? `、文字コード: ${r.encoding}` : ""}、${r.rows}行）`);
  if (r.unknownColumns.length) lines.push(`使わない列: ${r.unknownColumns.join("、")}`);
  for (const i of r.issues) lines.push(`${i.level === "error" ? "エラー" : "注意"} ${i.line}行目 [${i.column}] ${i.message}`);
  const placed = Object.entries(r.placements).filter(([, n]) => n > 0).map(([rule, n]) => `${rule} ${n}件`).join("、");
  if (placed) lines.push(`地域の決め方: ${placed}`);
  const counts = `新規 ${r.created}件、更新 ${r.updated}件、変更なし ${r.unchanged}件、スキップ ${r.skipped}件`;
  if (r.written) lines.push(`取り込みました: ${counts}`);
  else if (dryRun && !r.issues.some((i) => i.level === "error")) lines.push(`（確認のみ）取り込むと: ${counts}`);
  else lines.push(`エラーがあるため何も書き込んでいません（エラーの行を除いて取り込むには --skip-invalid）。${dryRun ? `取り込むと: ${counts}` : ""}`);
  return lines.join("\n");
}

run(async () => {
  const { positional, flags } = parseArgs(process.argv.slice(2));
  const file = positional[0];
  if (!file || flags.help) {
    console.error(USAGE);
    return 2;
  }
  const format = (typeof flags.format === "string" ? flags.format : "auto") as Format | "auto";
  if (format !== "auto" && !FORMATS.includes(format)) {
    console.error(USAGE);
    return 2;
  }
  const { db } = await openDatabase();
  try {
    const report = await importResources(db, {
      file,
      format,
      category: typeof flags.category === "string" ? flags.category : undefined,
      area: typeof flags.area === "string" ? flags.area : undefined,
      dryRun: flags["dry-run"] === true,
      skipInvalid: flags["skip-invalid"] === true,
      encoding: typeof flags.encoding === "string" ? parseEncoding(flags.encoding) : undefined,
      onProgress: progressPrinter(),
    });
    console.log(formatReport(report, flags["dry-run"] === true));
    return report.issues.some((i) => i.level === "error") && !report.written ? 1 : 0;
  } catch (err) {
    if (err instanceof ImportError) {
      console.error(`エラー: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await db.$disconnect();
  }
});
