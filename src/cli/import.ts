import { parseEncoding } from "../import/decode.js";
import { FORMATS, type Format } from "../import/headers.js";
import { ImportError, importResources } from "../import/importer.js";
import { formatReport } from "../import/report.js";
import { parseArgs } from "./args.js";
import { openDatabase, run } from "./db-context.js";
import { progressPrinter } from "./progress.js";

const USAGE = `使い方: npm run import -- <ファイル> [--dry-run] [--format auto|${FORMATS.join("|")}] [--category KEY] [--area 地域名] [--skip-invalid] [--encoding utf-8|shift_jis|utf-16le]`;

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
    console.log(formatReport(report, flags["dry-run"] === true, flags["skip-invalid"] === true));
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
