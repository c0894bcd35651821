import { createMeeting, KINDS, type Audience } from "../features/meetings/service.js";
import { areasByNames } from "../data/areas.js";
import { readTable } from "../import/table.js";
import { normalizeHeader } from "../import/headers.js";
import { cellText, freeText, parseDate, parseTime } from "../import/values.js";
import { parseDateTimePhrase } from "../schedule/phrase.js";
import { zonedInstant, zonedParts } from "../schedule/time.js";
import { parseArgs } from "./args.js";
import { openDatabase, run } from "./db-context.js";

/** npm run import:meetings -- file.csv: 種別, 名称, 回, 地域, 会場, 住所, 開始, 終了, 対象, 議題 */
const AUDIENCE: Record<string, Audience> = { 協議体メンバー: "council", 協議体: "council", メンバー: "council", ボランティア: "volunteers", 住民: "residents", 地域の住民: "residents", 一般: "residents" };

run(async () => {
  const { positional, flags } = parseArgs(process.argv.slice(2));
  if (!positional[0]) {
    console.error("使い方: npm run import:meetings -- <ファイル> [--dry-run]");
    return 2;
  }
  const { db, timeZone } = await openDatabase();
  try {
    const table = await readTable(positional[0]);
    const col = (name: string) => table.headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(name));
    const c = { kind: col("種別"), title: col("名称"), no: col("回"), area: col("地域"), venue: col("会場"), address: col("住所"), start: col("開始"), end: col("終了"), audience: col("対象"), agenda: col("議題") };
    const errors: string[] = [];
    const rows = [];
    for (const r of table.rows) {
      const get = (i: number) => (i < 0 ? "" : cellText(r.cells[i]));
      const title = freeText(c.title < 0 ? null : r.cells[c.title]);
      if (!title) errors.push(`${r.line}行目 [名称] 名称がありません`);
      const kind = KINDS.find((k) => k.startsWith(get(c.kind).replace(/[()]/g, (x) => (x === "(" ? "（" : "）")))) ?? (get(c.kind) || "その他");
      const areaNames = get(c.area).split(/[、,・]/).filter(Boolean);
      const areas = await areasByNames(db, areaNames);
      if (areas.length !== areaNames.length) errors.push(`${r.line}行目 [地域] 見つからない地域があります: ${areaNames.filter((n) => !areas.some((a) => a.name === n)).join("、")}`);
      const startCell = c.start < 0 ? null : r.cells[c.start];
      let start: Date | null = startCell instanceof Date ? startCell : parseDateTimePhrase(get(c.start), new Date(), timeZone)?.start ?? null;
      if (!start) {
        const d = parseDate(startCell);
        const tm = parseTime(get(c.start).split(/\s+/)[1]);
        if (d && typeof tm === "number") start = zonedInstant(d, Math.floor(tm / 60), tm % 60, timeZone);
      }
      if (!start) errors.push(`${r.line}行目 [開始] 日時が読めません（例: 2026/12/10 14:00）`);
      const endText = get(c.end);
      let end: Date | null = null;
      if (endText && start) {
        const tm = parseTime(endText.split(/\s+/).pop());
        const p = parseDateTimePhrase(endText, new Date(), timeZone);
        // 終了 is often just a time on the same day as 開始.
        end = p?.start ?? (typeof tm === "number" ? zonedInstant(zonedParts(start, timeZone), Math.floor(tm / 60), tm % 60, timeZone) : null);
      }
      const audience = AUDIENCE[get(c.audience)] ?? "council";
      rows.push({ title, kind, seriesNo: Number(get(c.no).replace(/[^\d]/g, "")) || null, areaIds: areas.map((a) => a.id), venue: freeText(c.venue < 0 ? null : r.cells[c.venue]), address: freeText(c.address < 0 ? null : r.cells[c.address]), start, end, audience, agenda: get(c.agenda).split(/[\n、;；]/).map((x) => x.trim()).filter(Boolean) });
    }
    for (const e of errors) console.log(`エラー ${e}`);
    if (errors.length) {
      console.log("エラーがあるため何も登録していません。");
      return 1;
    }
    if (flags["dry-run"]) {
      console.log(`（確認のみ）${rows.length}件の会議を登録できます。`);
      return 0;
    }
    for (const r of rows) {
      await createMeeting(db, { kind: r.kind, title: r.title, seriesNo: r.seriesNo, areaIds: r.areaIds, venue: r.venue, address: r.address, startsAt: r.start!, endsAt: r.end, agenda: r.agenda, audience: r.audience }, timeZone);
    }
    console.log(`${rows.length}件の会議を登録しました。リマインドは自動で送られます。`);
    return 0;
  } finally {
    await db.$disconnect();
  }
});
