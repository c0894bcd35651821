import fs from "node:fs";
import path from "node:path";
import { parseCsv } from "./csv.js";
import { decodeText, type Encoding } from "./decode.js";

export type Cell = string | number | Date | boolean | null;

export interface Table {
  headers: string[];
  /** Data rows with their 1-based line (spreadsheet row) number. */
  rows: { line: number; cells: Cell[] }[];
  encoding?: Encoding;
}

/** Reads a CSV/TSV (any of the usual encodings) or an .xlsx file into headers and rows. */
export async function readTable(file: string, encoding?: Encoding): Promise<Table> {
  const ext = path.extname(file).toLowerCase();
  let grid: Cell[][];
  let enc: Encoding | undefined;
  if (ext === ".xlsx") {
    // Loaded when a spreadsheet is read, not at start-up (≈0.1 s).
    const { readSheet } = await import("read-excel-file/node");
    grid = (await readSheet(fs.readFileSync(file))) as Cell[][];
  } else if (ext === ".xls") {
    throw new Error("古い Excel 形式（.xls）は読めません。Excel で .xlsx か CSV として保存し直してください。");
  } else {
    const decoded = decodeText(fs.readFileSync(file), encoding);
    enc = decoded.encoding;
    grid = parseCsv(decoded.text, ext === ".tsv" || ext === ".txt" ? "\t" : ",");
  }
  // Title rows above the header are common in published files: the header is the first row with 3+ non-empty cells.
  const headerIndex = grid.findIndex((r) => r.filter((c) => c !== null && String(c).trim() !== "").length >= 3);
  if (headerIndex < 0) return { headers: [], rows: [], encoding: enc };
  const headers = grid[headerIndex].map((c) => (c === null ? "" : String(c)));
  const rows = grid
    .slice(headerIndex + 1)
    .map((cells, i) => ({ line: headerIndex + 2 + i, cells }))
    .filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ""));
  return { headers, rows, encoding: enc };
}
