import fs from "node:fs";
import { areasByNames, areasOfKind } from "../data/areas.js";
import path from "node:path";
import { attendanceReport } from "../reports/attendance.js";
import { needsCsv, needsMarkdown } from "../reports/format.js";
import { needsReport } from "../reports/needs.js";
import { needsChartPng } from "../reports/chart.js";
import { isoDate, zonedParts } from "../schedule/time.js";
import { parseIsoDate, zonedInstant } from "../schedule/time.js";
import { parseArgs } from "./args.js";
import { openDatabase, run } from "./db-context.js";

const USAGE = `使い方:
  npm run report -- needs [--area 蓮根 ...] [--from 2026-10-01] [--to 2026-10-31] [--format md|csv] [--out フォルダ]
  npm run report -- attendance --meeting ID
ファイルは --out のフォルダ（省略時は data/reports/）に書き出します。`;

/** Where reports go: --out DIR, or data/reports/ (git-ignored), created when missing. */
const DEFAULT_REPORT_DIR = path.join("data", "reports");

run(async () => {
  const argv = process.argv.slice(2);
  const { positional, flags } = parseArgs(argv);
  const { db, timeZone } = await openDatabase();
  try {
    if (positional[0] === "needs") {
      const names = argv.flatMap((a, i) => (a === "--area" && argv[i + 1] ? argv[i + 1].split(/[,、]/) : a.startsWith("--area=") ? a.slice(7).split(/[,、]/) : []));
      const areas = names.length ? await areasByNames(db, names) : await areasOfKind(db, "area");
      if (names.length && areas.length !== names.length) {
        console.error(`エラー: 地域が見つかりません: ${names.filter((n) => !areas.some((a) => a.name === n)).join("、")}`);
        return 1;
      }
      const day = (s: unknown, fallback: Date, end: boolean) => {
        const d = typeof s === "string" ? parseIsoDate(s) : null;
        if (typeof s === "string" && !d) throw new Error(`日付は 2026-10-01 の形で書いてください: ${s}`);
        return d ? (end ? new Date(zonedInstant(d, 23, 59, timeZone).getTime() + 59_999) : zonedInstant(d, 0, 0, timeZone)) : fallback;
      };
      const to = day(flags.to, new Date(), true);
      const from = day(flags.from, new Date(to.getTime() - 30 * 86_400_000), false);
      const report = await needsReport(db, { areaIds: areas.map((a) => a.id), from, to });
      const format = flags.format === "csv" ? "csv" : "md";
      const dir = typeof flags.out === "string" ? flags.out : DEFAULT_REPORT_DIR;
      fs.mkdirSync(dir, { recursive: true });
      const ymd = (d: Date) => isoDate(zonedParts(d, timeZone));
      const base = `needs-${names.length ? names.join("_") : "all"}-${ymd(from)}_${ymd(to)}`;
      const out = path.join(dir, `${base}.${format}`);
      if (format === "csv") fs.writeFileSync(out, needsCsv(report));
      else {
        const chart = path.join(dir, `${base}-chart.png`);
        fs.writeFileSync(chart, await needsChartPng(report));
        fs.writeFileSync(out, needsMarkdown(report, timeZone, path.basename(chart)));
        console.log(`グラフ: ${chart}`);
      }
      console.log(`書き出しました: ${out}（問い合わせ ${report.inquiries}件、見つからなかった ${report.unmet.total}件）`);
      return 0;
    }
    if (positional[0] === "attendance" && typeof flags.meeting === "string") {
      console.log(await attendanceReport(db, Number(flags.meeting), timeZone));
      return 0;
    }
    console.error(USAGE);
    return 2;
  } finally {
    await db.$disconnect();
  }
});
