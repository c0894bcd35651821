import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../../src/import/csv.js";
import { decodeText, detectEncoding } from "../../src/import/decode.js";
import { detectFormat, mapHeaders, normalizeHeader } from "../../src/import/headers.js";
import { normalizePhone, parseDate, parsePoint, parseTime, parseWeekdays } from "../../src/import/values.js";

describe("spreadsheet values", () => {
  it.each([
    ["9:30", 570],
    ["9：30", 570],
    ["９：３０", 570],
    ["9時30分", 570],
    ["9時", 540],
    ["09:00:00", 540],
    ["午後1時30分", 810],
    ["13時半", 810],
  ])("time %s", (v, m) => {
    expect(parseTime(v)).toBe(m);
  });

  it("reads an Excel time fraction and rejects nonsense", () => {
    expect(parseTime(0.5)).toBe(720);
    expect(parseTime("そのうち")).toBeNull();
    expect(parseTime("")).toBeUndefined();
  });

  it.each([
    ["2026/4/2", { y: 2026, m: 4, d: 2 }],
    ["2026-04-02", { y: 2026, m: 4, d: 2 }],
    ["2026年4月2日", { y: 2026, m: 4, d: 2 }],
    ["令和8年4月2日", { y: 2026, m: 4, d: 2 }],
    ["令和元年5月1日", { y: 2019, m: 5, d: 1 }],
    ["R8.4.2", { y: 2026, m: 4, d: 2 }],
    ["46114", { y: 2026, m: 4, d: 2 }],
  ])("date %s", (v, d) => {
    expect(parseDate(v)).toEqual(d);
  });

  it("rejects impossible dates", () => {
    expect(parseDate("2026/13/45")).toBeNull();
    expect(parseDate("2026/2/30")).toBeNull();
  });

  it.each([
    ["月火水木金", [1, 2, 3, 4, 5], false],
    ["平日,土曜日", [1, 2, 3, 4, 5, 6], false],
    ["月曜日・水曜日", [1, 3], false],
    ["月～金", [1, 2, 3, 4, 5], false],
    ["土日祝", [0, 6], true],
    ["毎日", [0, 1, 2, 3, 4, 5, 6], false],
  ])("weekdays %s", (v, days, holidays) => {
    expect(parseWeekdays(v)).toEqual({ weekdays: days, holidays });
  });

  it("fixes swapped coordinates and rejects 0,0 and points outside Japan", () => {
    expect(parsePoint("35.78", "139.67")).toEqual({ lat: 35.78, lng: 139.67 });
    expect(parsePoint("139.67", "35.78")).toEqual({ lat: 35.78, lng: 139.67, swapped: true });
    expect(parsePoint("0", "0")).toHaveProperty("rejected");
    expect(parsePoint("51.5", "-0.12")).toHaveProperty("rejected");
    expect(parsePoint("", "")).toBeUndefined();
  });

  it("normalises phone numbers written in full width or with brackets", () => {
    expect(normalizePhone("０３－５９９９－１１１１")).toBe("03-5999-1111");
    expect(normalizePhone("03(5999)1111")).toBe("03-5999-1111");
  });
});

describe("files", () => {
  it("parses quoted CSV with commas, quotes and line breaks, and writes it back", () => {
    const rows = [["名称", "内容"], ["サロン, A", '「お茶会」"毎月"\n第2金曜']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it("detects UTF-8, Shift_JIS and UTF-16", () => {
    expect(detectEncoding(new TextEncoder().encode("名称,住所"))).toBe("utf-8");
    expect(detectEncoding(Uint8Array.from([0x96, 0xbc, 0x8f, 0xcc]))).toBe("shift_jis");
    expect(decodeText(Uint8Array.from([0x96, 0xbc, 0x8f, 0xcc])).text).toBe("名称");
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x0d, 0x54]))).toBe("utf-16le");
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41])).text).toBe("A");
  });

  it.each([
    ["建物名等（方書）", "建物名等_方書"],
    ["建物名等(方書)", "建物名等_方書"],
    ["建物名等_方書", "建物名等_方書"],
    ["名称\n（必須）", "名称"],
    ["名称（必須）", "名称"],
    [" 緯度 ", "緯度"],
  ])("normalises header %s", (h, n) => {
    expect(normalizeHeader(h)).toBe(normalizeHeader(n));
  });

  it("recognises each format from its headers", () => {
    const detect = (h: string[]) => detectFormat(mapHeaders(h), h);
    expect(detect(["名称", "ふりがな", "種別", "開催日時"])).toBe("template");
    expect(detect(["全国地方公共団体コード", "名称", "所在地_連結表記", "利用可能曜日"])).toBe("public-facility");
    expect(detect(["地方公共団体コード", "名称", "住所", "方書", "緯度"])).toBe("public-facility");
    expect(detect(["イベント名", "開始日", "場所名称"])).toBe("event");
    expect(detect(["事業所名", "サービスの種類", "住所"])).toBe("care-service");
  });
});
