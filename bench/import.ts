import { scratchDatabase } from "./support.js";
import fs from "node:fs";
import path from "node:path";
import { toCsv } from "../src/import/csv.js";
import { TEMPLATE_COLUMNS } from "../src/import/export.js";
import { importResources } from "../src/import/importer.js";
import { AREAS } from "../prisma/seed/areas.js";

/** Imports a generated 10,000-row template file into a fresh database, then imports it again (all unchanged). */
export async function benchImport(count = Number(process.env.IMPORT_ROWS ?? 10_000)): Promise<Record<string, number>> {
  const scratch = await scratchDatabase("import");
  const db = scratch.db;
  const dir = path.dirname(scratch.file);
  const schedules = ["毎週水曜日 13:00~16:00", "第2・第4金曜日 9:30~11:30", "毎月21日 13:30-15:30", "第1・3月曜(祝日の場合翌日開催)13時30分~15時30分", "月2回開催"];
  const cats = ["salon", "exercise", "hobby", "meal", "dementia_cafe", "meal_delivery"];
  const rows: (string | number)[][] = [[...TEMPLATE_COLUMNS]];
  for (let i = 0; i < count; i++) {
    const a = AREAS[i % AREAS.length];
    rows.push([`生成サロン${i}`, "", cats[i % cats.length], a.name, schedules[i % schedules.length], `${a.name}集会所`, `板橋区${a.name}${(i % 4) + 1}-${i % 30}-${i % 20}`,
      (a.lat + ((i % 100) - 50) * 0.0001).toFixed(6), (a.lng + ((i % 77) - 38) * 0.0001).toFixed(6), "無料", "", "", "", `03-5999-${String(i % 10000).padStart(4, "0")}`, "公開", "活動中", "2026-10-01", `B-${i}`]);
  }
  const file = path.join(dir, "resources.csv");
  fs.writeFileSync(file, toCsv(rows));
  let t = performance.now();
  const first = await importResources(db, { file });
  const firstMs = performance.now() - t;
  t = performance.now();
  const second = await importResources(db, { file });
  const secondMs = performance.now() - t;
  await scratch.dispose();
  return { rows: count, "first import ms": Math.round(firstMs), created: first.created, "second import ms": Math.round(secondMs), unchanged: second.unchanged };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("Import of a generated template file");
  console.table(await benchImport());
  process.exit(0);
}
