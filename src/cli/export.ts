import { exportResources } from "../import/export.js";
import { parseArgs } from "./args.js";
import { openDatabase, run } from "./db-context.js";

run(async () => {
  const { positional } = parseArgs(process.argv.slice(2));
  if (!positional[0]) {
    console.error("使い方: npm run export -- <ファイル.csv>");
    return 2;
  }
  const { db } = await openDatabase();
  const n = await exportResources(db, positional[0]);
  await db.$disconnect();
  console.log(`${n}件を書き出しました: ${positional[0]}`);
  return 0;
});
