import { Router } from "../../src/nlu/router.js";
import { loadTokenizer } from "../../src/nlu/tokenizer.js";
import { loadRoutingVocabulary } from "../../src/nlu/vocabulary.js";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import writeXlsxFile from "write-excel-file/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newTestDatabase } from "../support/database.js";
import { createPrisma, type Db } from "../../src/data/client.js";
import { searchResources } from "../../src/features/search/service.js";
import { importAreas } from "../../src/import/areas.js";
import { exportResources } from "../../src/import/export.js";
import { importResources } from "../../src/import/importer.js";

const FIX = path.resolve(import.meta.dirname, "../fixtures/import");
const fixture = (name: string) => path.join(FIX, name);
const NOW = { now: new Date("2026-12-01T01:00:00Z"), timeZone: "Asia/Tokyo", viewer: "resident" as const };

describe("importing resource lists", () => {
  let db: Db;
  let dir: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-"));
    db = await createPrisma(await newTestDatabase());
  });
  afterEach(async () => {
    await db.$disconnect();
  });
  const byName = (name: string) => db.resource.findFirstOrThrow({ where: { name }, include: { area: true } });

  it("reads the project's template in UTF-8 with a BOM, with kanji numerals, full-width digits, half-width kana and 令和 dates", async () => {
    const r = await importResources(db, { file: fixture("template-utf8-bom.csv") });
    expect(r).toMatchObject({ format: "template", encoding: "utf-8", created: 2, written: true });
    const salon = await byName("舟渡ひだまりサロン");
    expect(salon).toMatchObject({ categoryKey: "salon", phone: "03-5999-1111", externalId: "T-1", status: "active" });
    expect(salon.area?.name).toBe("舟渡");
    expect(JSON.parse(salon.scheduleRule!)).toMatchObject({ pattern: "nthWeekday", nths: [2, 4], weekdays: [3], start: 810, end: 930 });
    const taiso = await byName("ココロ体操");
    expect(taiso).toMatchObject({ categoryKey: "exercise", status: "paused" });
    expect(taiso.area?.name).toBe("徳丸");
    expect(r.placements).toMatchObject({ 地域列: 1, 住所: 1 });
    expect(taiso.lastVerifiedAt?.toISOString()).toBe("2026-09-30T00:00:00.000Z");
  });

  it("reads a Shift_JIS 公共施設一覧 by header names: line breaks and full-width brackets in headers, blank trailing columns, swapped and zero coordinates", async () => {
    const r = await importResources(db, { file: fixture("public-facility-sjis.csv"), category: "exercise" });
    expect(r).toMatchObject({ format: "public-facility", encoding: "shift_jis", created: 3, written: true });
    expect(r.unknownColumns).toContain("POIコード");
    const maeno = await byName("前野ふれあい館");
    expect(maeno.address).toBe("東京都板橋区前野町3丁目4番5号 2階");
    expect(maeno.area?.name).toBe("前野");
    expect(maeno.scheduleText).toBe("平日 9:30〜17:00（祝日・年末年始を除く）");
    expect(JSON.parse(maeno.scheduleRule!)).toMatchObject({ weekdays: [1, 2, 3, 4, 5], holiday: "skip", start: 570, end: 1020 });
    const nakadai = await byName("中台地域センター");
    expect([nakadai.lat, nakadai.lng]).toEqual([35.7801, 139.6825]);
    expect(nakadai.area?.name).toBe("中台");
    expect(r.issues.some((i) => i.line === 3 && /入れ替/.test(i.message))).toBe(true);
    const zero = await byName("ゼロ座標の集会所");
    expect(zero.lat).toBeNull();
    expect(zero.area?.name).toBe("蓮根");
    expect(r.issues.some((i) => i.line === 4 && i.level === "warning" && /0,0/.test(i.message))).toBe(true);
  });

  it("reads the older 推奨データセット form in UTF-16 with 地方公共団体コード and 平日,土曜日", async () => {
    const r = await importResources(db, { file: fixture("public-facility-old-utf16.csv"), category: "salon" });
    expect(r).toMatchObject({ encoding: "utf-16le", created: 2 });
    const hiroba = await byName("清水コミュニティ広場");
    expect(JSON.parse(hiroba.scheduleRule!)).toMatchObject({ weekdays: [1, 2, 3, 4, 5, 6], holiday: "skip" });
    const taiso = await byName("高島平体操ひろば");
    expect(taiso.scheduleText).toBe("毎週月・木 9:00〜10:30");
    expect(taiso.area?.name).toBe("高島平");
  });

  it("reads イベント一覧 with 令和 dates and Excel serial numbers as one-off dates", async () => {
    await importResources(db, { file: fixture("event.csv"), category: "hobby" });
    const course = await byName("認知症サポーター養成講座");
    expect(JSON.parse(course.scheduleRule!)).toMatchObject({ pattern: "dates", dates: ["2026-12-05"], start: 810, end: 900 });
    expect(course.area?.name).toBe("成増");
    const meal = await byName("年末ふれあい食事会");
    expect(JSON.parse(meal.scheduleRule!).dates).toEqual(["2026-12-10"]);
    expect(meal.area?.name).toBe("志村坂上");
    expect(meal.fee).toBe("500円");
  });

  it("maps 介護サービス情報公表 service types to categories", async () => {
    const r = await importResources(db, { file: fixture("care-service.csv") });
    expect(r.format).toBe("care-service");
    expect((await byName("ひまわり訪問介護ステーション")).categoryKey).toBe("housework");
    expect((await byName("ひまわり訪問介護ステーション")).address).toContain("ひまわりビル1階");
    expect((await byName("デイサービスあおぞら")).categoryKey).toBe("exercise");
  });

  it("writes nothing when any row has an error, and reports row, column and a Japanese message", async () => {
    const before = await db.resource.count();
    const r = await importResources(db, { file: fixture("template-errors.csv") });
    expect(r.written).toBe(false);
    expect(await db.resource.count()).toBe(before);
    expect(r.issues.filter((i) => i.level === "error").map((i) => [i.line, i.column])).toEqual([
      [3, "名称"],
      [4, "種別"],
      [5, "状態"],
      [5, "最終確認日"],
    ]);
    expect(r.issues[0].message).toMatch(/名称がありません/);
    const skipping = await importResources(db, { file: fixture("template-errors.csv"), skipInvalid: true });
    expect(skipping).toMatchObject({ written: true, created: 1, skipped: 3 });
  });

  it("changes nothing when the same file is imported twice, and a dry run writes nothing", async () => {
    const dry = await importResources(db, { file: fixture("template-utf8-bom.csv"), dryRun: true });
    expect(dry).toMatchObject({ created: 2, written: false });
    expect(await db.resource.count({ where: { externalId: "T-1" } })).toBe(0);
    await importResources(db, { file: fixture("template-utf8-bom.csv") });
    const again = await importResources(db, { file: fixture("template-utf8-bom.csv") });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it("round-trips: import, export, import again changes nothing", async () => {
    await importResources(db, { file: fixture("template-utf8-bom.csv") });
    await importResources(db, { file: fixture("care-service.csv") });
    const out = path.join(dir, "export.csv");
    const n = await exportResources(db, out);
    const r = await importResources(db, { file: out });
    expect(r).toMatchObject({ rows: n, created: 0, updated: 0, unchanged: n, written: true });
  });

  it("reads .xlsx files, including dates stored as Excel serial numbers", async () => {
    const file = path.join(dir, "list.xlsx");
    const head = ["名称", "種別", "地域", "開催日時", "住所", "緯度", "経度", "電話番号", "最終確認日"].map((value) => ({ value }));
    const row = [
      { value: "エクセルサロン" }, { value: "salon" }, { value: "蓮根" }, { value: "毎週金曜日 10:00~12:00" }, { value: "板橋区蓮根3-3" },
      { value: 35.784, type: Number }, { value: 139.679, type: Number }, { value: "03-5999-6001" }, { value: 46114, type: Number },
    ];
    fs.writeFileSync(file, await (await writeXlsxFile([head, row])).toBuffer());
    const r = await importResources(db, { file });
    expect(r).toMatchObject({ created: 1, written: true });
    const salon = await byName("エクセルサロン");
    expect(salon.lastVerifiedAt?.toISOString().slice(0, 10)).toBe("2026-04-02");
    expect(salon.weekdayMask).toBe(1 << 5);
  });

  it("lets --encoding override the guess", async () => {
    const r = await importResources(db, { file: fixture("public-facility-sjis.csv"), category: "exercise", encoding: "shift_jis", dryRun: true });
    expect(r.encoding).toBe("shift_jis");
    expect(r.created).toBe(3);
  });

  it("makes imported resources searchable at once, schedules parsed", async () => {
    await importResources(db, { file: fixture("template-utf8-bom.csv") });
    const funado = await db.area.findUniqueOrThrow({ where: { name: "舟渡" } });
    const found = await searchResources(db, { categories: ["salon"], areaId: funado.id, weekdays: [3] }, NOW);
    const hit = found.items.find((h) => h.name === "舟渡ひだまりサロン");
    expect(hit?.next[0]?.date).toEqual({ y: 2026, m: 12, d: 9 });
  });

  it("keeps a reading given in brackets with its alias, so kana input finds the area", async () => {
    const file = path.join(dir, "areas-aliases.csv");
    fs.writeFileSync(file, "名称,ふりがな,種別,上位,緯度,経度,別名\n小豆沢,あずさわ,圏域,志村地域,35.78,139.69,\"小豆沢公園、小豆沢町 (あずさわちょう)\"\n");
    expect(await importAreas(db, file)).toMatchObject({ written: true });
    const area = await db.area.findUniqueOrThrow({ where: { name: "小豆沢" } });
    expect(JSON.parse(area.aliases)).toEqual(["小豆沢公園", "小豆沢町(あずさわちょう)"]);
    const router = new Router(await loadTokenizer(), loadRoutingVocabulary(), [{ name: area.name, reading: area.reading, aliases: JSON.parse(area.aliases) }], "Asia/Tokyo");
    expect(router.route("あずさわちょうのさろん", NOW.now).slots.area).toBe("小豆沢");
  });

  it("imports an areas list, parents anywhere in the file", async () => {
    const file = path.join(dir, "areas.csv");
    fs.writeFileSync(file, "名称,ふりがな,種別,上位,緯度,経度,別名\n新河岸一丁目町会,しんがしいっちょうめちょうかい,町会,舟渡,35.795,139.67,新河岸1\n");
    const r = await importAreas(db, file);
    expect(r).toMatchObject({ written: true, created: 1 });
    const unit = await db.area.findUniqueOrThrow({ where: { name: "新河岸一丁目町会" }, include: { parent: true } });
    expect(unit.kind).toBe("unit");
    expect(unit.parent?.name).toBe("舟渡");
    fs.writeFileSync(file, "名称,種別,上位\nどこか,圏域,存在しない区\n");
    expect((await importAreas(db, file)).written).toBe(false);
  });
});
