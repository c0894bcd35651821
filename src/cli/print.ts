import fs from "node:fs";
import { areaByExactName, categoryByKey } from "../data/areas.js";
import path from "node:path";
import { systemClock } from "../clock.js";
import { handoutPdf, posterPdf } from "../web/print.js";
import { parseArgs } from "./args.js";
import { openDatabase, run } from "./db-context.js";

const USAGE = `使い方:
  npm run print -- handout --area 蓮根 [--category salon] [--out フォルダ]
  npm run print -- poster [--area 蓮根] [--out フォルダ]
PDF を --out のフォルダ（省略時は data/print/）に書き出します。`;

run(async () => {
  const { positional, flags } = parseArgs(process.argv.slice(2));
  const kind = positional[0];
  if (kind !== "handout" && kind !== "poster") {
    console.error(USAGE);
    return 2;
  }
  const { db, config } = await openDatabase();
  try {
    const areaName = typeof flags.area === "string" ? flags.area : "";
    const area = areaName ? await areaByExactName(db, areaName) : null;
    if ((kind === "handout" && !area) || (areaName && !area)) {
      console.error(areaName ? `エラー: 地域が見つかりません: ${areaName}` : USAGE);
      return 2;
    }
    const category = typeof flags.category === "string" ? flags.category : undefined;
    if (category && !(await categoryByKey(db, category))) {
      console.error(`エラー: 種類が見つかりません: ${category}`);
      return 2;
    }
    const deps = { db, config, clock: systemClock };
    const pdf = kind === "handout" ? await handoutPdf(deps, area!.id, category) : await posterPdf(deps, area?.name ?? null);
    const dir = typeof flags.out === "string" ? flags.out : path.join("data", "print");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${kind}-${area?.name ?? "all"}${category ? `-${category}` : ""}.pdf`);
    fs.writeFileSync(file, pdf);
    console.log(`書き出しました: ${file}`);
    return 0;
  } finally {
    await db.$disconnect();
  }
});
