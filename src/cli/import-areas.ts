import { importAreas } from "../import/areas.js";
import { parseArgs } from "./args.js";
import { openDatabase, run } from "./db-context.js";

run(async () => {
  const { positional, flags } = parseArgs(process.argv.slice(2));
  if (!positional[0]) {
    console.error("使い方: npm run import:areas -- <ファイル> [--dry-run]");
    return 2;
  }
  const { db } = await openDatabase();
  const r = await importAreas(db, positional[0], flags["dry-run"] === true);
  await db.$disconnect();
  for (const i of r.issues) console.log(`${i.level === "error" ? "エラー" : "注意"} ${i.line}行目 [${i.column}] ${i.message}`);
  console.log(r.written ? `取り込みました: 新規 ${r.created}件、更新 ${r.updated}件（動いているボットは再起動すると新しい地域名を聞き取れます）` : `書き込んでいません: 新規 ${r.created}件、更新 ${r.updated}件`);
  return r.issues.some((i) => i.level === "error") ? 1 : 0;
});
