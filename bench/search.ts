import { quantile, scratchDatabase } from "./support.js";
import { openSqlite } from "../src/data/migrate.js";
import { searchResources } from "../src/features/search/service.js";
import { describeSchedule } from "../src/schedule/describe.js";
import { geoCell } from "../src/features/search/geo.js";
import { seededRandom } from "../src/util/random.js";

/**
 * Search latency over 100,000 generated resources: area + category + weekday,
 * and nearest-by-location. The data is generated here, never in tests.
 */
const SCHEDULES = [
  "毎週水曜日 13:00~16:00", "毎週月曜日 10:00~11:00", "第2・第4金曜日 9:30~11:30", "毎月第1,3木曜日、10時〜15時",
  "毎月21日 13:30-15:30", "毎週火曜日と金曜日の13:30~14:00", "第1・3月曜(祝日の場合翌日開催)13時30分~15時30分", "月2回開催",
  "平日 9:00~17:00", "奇数月・第3土曜 10:00~12:00",
];


export async function benchSearch(count = Number(process.env.SEARCH_ROWS ?? 100_000)): Promise<Record<string, number>> {
  const scratch = await scratchDatabase("search");
  const { db, file } = scratch;
  // A metropolitan data set: the demo ward's 18 areas plus a grid of synthetic 日常生活圏域
  // (about 2 km a side), so an area holds a few hundred resources as real ones do.
  const block = await db.area.create({ data: { name: "ベンチ用ブロック", kind: "block", reading: "" } });
  for (let y = 0; y < 18; y++) {
    for (let x = 0; x < 20; x++) {
      await db.area.create({ data: { name: `ベンチ圏域${y}-${x}`, kind: "area", parentId: block.id, lat: 35.6 + y * 0.02 + 0.01, lng: 139.46 + x * 0.022 + 0.011 } });
    }
  }
  const areas = await db.area.findMany({ where: { kind: "area" } });
  const categories = (await db.category.findMany()).map((c) => c.key);
  const described = SCHEDULES.map((s) => ({ text: s, ...describeSchedule(s) }));

  const nearestArea = (lat: number, lng: number) =>
    areas.reduce((best, a) => ((a.lat! - lat) ** 2 + (a.lng! - lng) ** 2 < (best.lat! - lat) ** 2 + (best.lng! - lng) ** 2 ? a : best));
  const sqlite = openSqlite(file);
  const insert = sqlite.prepare(
    `INSERT INTO Resource (name, reading, categoryKey, areaId, description, venue, address, lat, lng, scheduleText, scheduleRule, weekdayMask, geoCell, fee, phone, visibility, status, source, updatedAt)
     VALUES (?, '', ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, '無料', '03-5000-0000', 'public', 'active', 'bench', ?)`,
  );
  const t0 = performance.now();
  const rnd = seededRandom(42);
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      // Spread over a metropolitan-sized square (about 40 km a side, ~60 resources per km²):
      // 100,000 activities cannot physically sit inside one ward. Each belongs to its nearest area.
      const lat = 35.77 + (rnd() - 0.5) * 0.36;
      const lng = 139.68 + (rnd() - 0.5) * 0.44;
      const a = nearestArea(lat, lng);
      const s = described[Math.floor(rnd() * described.length)];
      insert.run(`生成データ${i}`, categories[Math.floor(rnd() * categories.length)], a.id, `会場${i}`, `板橋区${a.name}1-1-1`, lat, lng, s.text, s.rule ? JSON.stringify(s.rule) : null, s.weekdayMask, geoCell(lat, lng), Date.now());
    }
  })();
  sqlite.exec("ANALYZE");
  sqlite.close();
  const genMs = performance.now() - t0;

  const opts = { now: new Date("2026-12-01T01:00:00Z"), timeZone: "Asia/Tokyo", viewer: "resident" as const };
  const time = async (n: number, f: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await f(i);
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await f(i);
      xs.push(performance.now() - s);
    }
    return xs;
  };
  if (process.env.BENCH_DEBUG) {
    for (const a of areas.slice(0, 18)) {
      const s0 = performance.now();
      const r = await searchResources(db, { categories: ["salon"], areaId: a.id, weekdays: [1] }, opts);
      console.log(a.name, r.total, (performance.now() - s0).toFixed(2));
    }
  }
  const byArea = await time(300, (i) => searchResources(db, { categories: [categories[i % 6]], areaId: areas[i % areas.length].id, weekdays: [1 + (i % 5)] }, opts));
  const near = await time(300, () => {
    return searchResources(db, { categories: [], kind: "place", near: { lat: 35.6 + rnd() * 0.34, lng: 139.47 + rnd() * 0.42 } }, opts);
  });
  await scratch.dispose();
  return {
    resources: count,
    "generate ms": Math.round(genMs),
    "area+category+weekday p50 ms": Number(quantile(byArea, 0.5).toFixed(2)),
    "area+category+weekday p95 ms": Number(quantile(byArea, 0.95).toFixed(2)),
    "area+category+weekday p99 ms": Number(quantile(byArea, 0.99).toFixed(2)),
    "nearest p50 ms": Number(quantile(near, 0.5).toFixed(2)),
    "nearest p95 ms": Number(quantile(near, 0.95).toFixed(2)),
    "nearest p99 ms": Number(quantile(near, 0.99).toFixed(2)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("Search over generated resources");
  console.table(await benchSearch());
  process.exit(0);
}
