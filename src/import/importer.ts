import { parseExceptions, withExceptions, type Exceptions } from "../schedule/rule.js";
import { allAreas, allCategories } from "../data/areas.js";
import { resourcesByExternalIds, resourcesByNames } from "../data/resources.js";
import path from "node:path";
import type { Db } from "../data/client.js";
import { writeResourceImport } from "../data/resources.js";
import { geoCell } from "../features/search/geo.js";
import { forgetShapes } from "../data/shape-cache.js";
import { describeSchedule } from "../schedule/describe.js";
import type { Encoding } from "./decode.js";
import { detectFormat, FORMATS, mapHeaders, type Format } from "./headers.js";
import { createResolver } from "./resolve.js";
import { mapRow, type AreaRule, type Issue, type MappedRow, type ResourceDraft } from "./rows.js";
import { readTable } from "./table.js";

export interface ImportOptions {
  file: string;
  format?: Format | "auto";
  category?: string;
  area?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  encoding?: Encoding;
  onProgress?: (done: number, total: number, phase: "check" | "write") => void;
}

export interface ImportReport {
  file: string;
  format: Format;
  encoding?: Encoding;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  written: boolean;
  issues: Issue[];
  unknownColumns: string[];
  placements: Record<AreaRule, number>;
}

export class ImportError extends Error {}

type Existing = Awaited<ReturnType<Db["resource"]["findMany"]>>[number];

const COMPARED: (keyof ResourceDraft)[] = [
  "name", "reading", "categoryKey", "areaId", "description", "venue", "address", "lat", "lng", "scheduleText", "fee", "target", "organiser", "phone", "visibility", "status",
];

function differs(d: ResourceDraft, e: Existing): boolean {
  for (const k of COMPARED) if ((d[k] ?? null) !== ((e as unknown as Record<string, unknown>)[k] ?? null)) return true;
  if ((d.lastVerifiedAt?.getTime() ?? null) !== (e.lastVerifiedAt?.getTime() ?? null)) return true;
  return d.externalId !== null && d.externalId !== e.externalId;
}

const scheduleMemo = new Map<string, ReturnType<typeof describeSchedule>>();
function describeOnce(text: string) {
  let s = scheduleMemo.get(text);
  if (!s) {
    s = describeSchedule(text);
    if (scheduleMemo.size > 10_000) scheduleMemo.clear();
    scheduleMemo.set(text, s);
  }
  return s;
}

/** The stored form of a row; an existing row's one-off exceptions (days off, moved days) stay folded into its rule. */
function derived(d: ResourceDraft, exceptions: Exceptions = {}) {
  const s = describeOnce(d.scheduleText);
  return { ...d, scheduleRule: s.rule ? JSON.stringify(withExceptions(s.rule, exceptions)) : null, weekdayMask: s.weekdayMask, geoCell: geoCell(d.lat, d.lng) };
}

const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * Validates the whole file first; writes nothing when any row has an error
 * (unless skipInvalid), and otherwise upserts every row in one transaction:
 * by ID, else by name and address, so importing the same file twice changes nothing.
 */
export async function importResources(db: Db, o: ImportOptions): Promise<ImportReport> {
  const table = await readTable(o.file, o.encoding);
  if (table.headers.length === 0) throw new ImportError("見出しの行が見つかりません（空のファイルか、形式が違います）");
  const headerMap = mapHeaders(table.headers);
  const format = o.format && o.format !== "auto" ? o.format : detectFormat(headerMap, table.headers);
  if (!format || !FORMATS.includes(format)) throw new ImportError("ファイルの形式を判断できません。--format で指定してください（template / public-facility / care-service / event）");
  if (headerMap.columns.name === undefined) throw new ImportError("「名称」の列がありません");

  const [categories, areas] = await Promise.all([allCategories(db), allAreas(db)]);
  if (o.category && !categories.some((c) => c.key === o.category)) {
    throw new ImportError(`--category ${o.category} は登録されていません（${categories.map((c) => c.key).join(", ")}）`);
  }
  const resolver = createResolver(categories, areas);
  let areaId: number | undefined;
  if (o.area) {
    const a = resolver.areaByName(o.area);
    if (!a) throw new ImportError(`--area ${o.area} という地域は登録されていません`);
    areaId = a.id;
  }

  const total = table.rows.length;
  const mapped: MappedRow[] = [];
  table.rows.forEach((row, i) => {
    mapped.push(mapRow(row.line, row.cells, table.headers, headerMap, resolver, { format, category: o.category, areaId }));
    if ((i + 1) % 500 === 0 || i + 1 === total) o.onProgress?.(i + 1, total, "check");
  });

  // The same resource twice in one file is a mistake in the file.
  const seenIds = new Map<string, number>();
  const seenKeys = new Map<string, number>();
  for (const m of mapped) {
    if (!m.draft) continue;
    const d = m.draft;
    if (d.externalId) {
      const first = seenIds.get(d.externalId);
      if (first) {
        m.issues.push({ line: m.line, column: "ID", level: "error", message: `ID「${d.externalId}」が${first}行目と重複しています` });
        m.draft = null;
        continue;
      }
      seenIds.set(d.externalId, m.line);
    } else {
      const key = `${d.name}\u0000${d.address}`;
      const first = seenKeys.get(key);
      if (first) {
        m.issues.push({ line: m.line, column: "名称", level: "error", message: `${first}行目と名称・住所が同じです` });
        m.draft = null;
        continue;
      }
      seenKeys.set(key, m.line);
    }
  }

  const issues = mapped.flatMap((m) => m.issues);
  const placements: Record<AreaRule, number> = { 地域列: 0, 住所: 0, 最寄りの地域: 0, "--area": 0, なし: 0 };
  for (const m of mapped) if (m.draft) placements[m.areaRule]++;
  const hasErrors = issues.some((i) => i.level === "error");
  const report: ImportReport = {
    file: o.file,
    format,
    encoding: table.encoding,
    rows: total,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: mapped.filter((m) => !m.draft).length,
    written: false,
    issues,
    unknownColumns: headerMap.unknown,
    placements,
  };
  if (hasErrors && !o.skipInvalid) return report;

  // Plan: match each row to what is already stored.
  const drafts = mapped.filter((m) => m.draft).map((m) => m.draft!);
  const byId = new Map<string, Existing>();
  for (const ids of chunks(drafts.map((d) => d.externalId).filter((x): x is string => !!x), 500)) {
    for (const e of await resourcesByExternalIds(db, ids)) byId.set(e.externalId!, e);
  }
  const byKey = new Map<string, Existing>();
  for (const names of chunks([...new Set(drafts.map((d) => d.name))], 500)) {
    for (const e of await resourcesByNames(db, names)) byKey.set(`${e.name}\u0000${e.address}`, e);
  }
  const creates: ResourceDraft[] = [];
  const updates: { id: number; draft: ResourceDraft; exceptions: Exceptions; wasActive: boolean }[] = [];
  for (const d of drafts) {
    const found = (d.externalId ? byId.get(d.externalId) : undefined) ?? byKey.get(`${d.name}\u0000${d.address}`);
    const sameResource = found && (!d.externalId || !found.externalId || found.externalId === d.externalId);
    if (!found || !sameResource) creates.push(d);
    else if (differs(d, found)) updates.push({ id: found.id, draft: d, exceptions: parseExceptions(found.exceptions), wasActive: found.status === "active" });
    else report.unchanged++;
  }
  report.created = creates.length;
  report.updated = updates.length;
  if (o.dryRun) return report;

  const source = `import:${path.basename(o.file)}`;
  let done = 0;
  const steps = creates.length + updates.length;
  const now = new Date();
  await writeResourceImport(
    db,
    creates.map((d) => {
      const x = derived(d);
      return { ...x, source, activatedAt: x.status === "active" ? now : null, createdAt: now, updatedAt: now };
    }),
    // Resumed by the import: residents waiting for such an activity hear of it.
    updates.map((u) => ({ id: u.id, data: { ...derived(u.draft, u.exceptions), ...(!u.wasActive && u.draft.status === "active" ? { activatedAt: now } : {}) } })),
    (n) => {
      done = n;
      o.onProgress?.(done, steps, "write");
    },
  );
  forgetShapes(db);
  report.written = true;
  return report;
}
