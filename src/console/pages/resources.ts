import fs from "node:fs";
import { resourceById, resourceList, updateResource } from "../../data/console.js";
import { resourceByIdOrThrow } from "../../data/organizers.js";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import express from "express";
import type { RequestHandler } from "express";
import { forgetShapes } from "../../data/shape-cache.js";
import { allAreas } from "../../features/areas/service.js";
import { applyChange } from "../../features/organizers/service.js";
import { categoriesOf } from "../../features/search/service.js";
import { resourcesCsv } from "../../import/export.js";
import { importResources } from "../../import/importer.js";
import { formatReport } from "../../import/report.js";
import { describeSchedule } from "../../schedule/describe.js";
import { scheduleNotices } from "../../schedule/notices.js";
import { formatOccurrence, nextOccurrences } from "../../schedule/occurrences.js";
import { parseExceptions, withExceptions } from "../../schedule/rule.js";
import { isoDate, zonedParts } from "../../schedule/time.js";
import { html, type Html } from "../../web/html.js";
import { csrf, options, page } from "../layout.js";
import { forbidden, found, send, type ConsoleCtx } from "../routes.js";

const STATUS_JA: Record<string, string> = { active: "活動中", paused: "休止", ended: "終了" };
const VIS_JA: Record<string, string> = { public: "公開", sc_only: "SCのみ" };
const FIELDS = ["name", "categoryKey", "areaId", "scheduleText", "venue", "address", "fee", "target", "organiser", "phone", "visibility", "status", "description"] as const;
type Form = Record<(typeof FIELDS)[number], string>;

/** Resources: the list with filters, the edit form with a schedule preview, closures, import with a dry run, export. */
export function resourceRoutes(): express.Router {
  const r = express.Router();
  // multer is loaded on the first upload, not at start-up.
  let uploadFile: Promise<RequestHandler> | undefined;
  const upload: RequestHandler = (req, res, next) => {
    uploadFile ??= import("multer").then(({ default: multer }) => multer({ storage: multer.memoryStorage(), limits: { fileSize: 10 * 1024 * 1024, files: 1 } }).single("file"));
    uploadFile.then((handler) => handler(req, res, next), next);
  };

  const mayResource = async (c: ConsoleCtx, raw: string) => {
    const x = /^\d{1,9}$/.test(raw) ? await resourceById(c.deps.db, Number(raw)) : null;
    return x && !c.mayArea(x.areaId) ? ("forbidden" as const) : x;
  };
  const areasFor = async (c: ConsoleCtx) => (await allAreas(c.deps.db)).filter((a) => a.kind === "area" && c.mayArea(a.id));

  r.get("/admin/resources", async (req, res) => {
    const c = req.console!;
    const q = (k: string) => (typeof req.query[k] === "string" ? (req.query[k] as string) : "");
    const areas = await areasFor(c);
    const cats = [...(await categoriesOf(c.deps.db)).entries()].map(([key, v]) => ({ value: key, label: v.label }));
    const areaId = Number(q("area")) || undefined;
    if (areaId && !c.mayArea(areaId)) return forbidden(res, c);
    const months = Number(q("stale")) || 0;
    const staleBefore = months ? new Date(c.now.getTime() - months * 30 * 86_400_000) : null;
    const rows = await resourceList(c.deps.db, { areaIds: areaId ? [areaId] : c.all ? null : c.areaIds, categoryKey: q("category") || undefined, status: q("status") || undefined, staleBefore });
    const tz = c.deps.config.timeZone;
    const day = (d: Date | null) => (d ? isoDate(zonedParts(d, tz)) : "未確認");
    send(res, 200, page("活動・サービス", html`
<form class="box filters" method="get" action="/admin/resources">
<div><label for="f-area">地域</label><select id="f-area" name="area">${options(areas.map((a) => ({ value: a.id, label: a.name })), areaId, "担当のすべて")}</select></div>
<div><label for="f-cat">種類</label><select id="f-cat" name="category">${options(cats, q("category"), "すべて")}</select></div>
<div><label for="f-status">状態</label><select id="f-status" name="status">${options(Object.entries(STATUS_JA).map(([value, label]) => ({ value, label })), q("status"), "すべて")}</select></div>
<div><label for="f-stale">確認が古いもの</label><select id="f-stale" name="stale">${options([{ value: 3, label: "3か月以上確認なし" }, { value: 6, label: "6か月以上確認なし" }], months || "", "指定しない")}</select></div>
<div><button type="submit">絞り込む</button></div>
</form>
<p><a href="/admin/resources.csv">一覧をCSVで書き出す</a>${c.all ? html`　<a href="/admin/import">表計算ファイルから取り込む</a>` : ""}</p>
<table><caption class="muted">${rows.length}件${rows.length === 300 ? "（最初の300件）" : ""}</caption>
<thead><tr><th scope="col">名称</th><th scope="col">種類</th><th scope="col">地域</th><th scope="col">状態</th><th scope="col">公開</th><th scope="col">最終確認日</th></tr></thead>
<tbody>${rows.map((x) => html`<tr><td><a href="/admin/resources/${x.id}">${x.name}</a></td><td>${x.category.label}</td><td>${x.area?.name ?? "―"}</td><td>${STATUS_JA[x.status] ?? x.status}</td><td>${VIS_JA[x.visibility] ?? x.visibility}</td><td${staleBefore || (x.lastVerifiedAt && c.now.getTime() - x.lastVerifiedAt.getTime() > 90 * 86_400_000) ? html` class="warn"` : ""}>${day(x.lastVerifiedAt)}</td></tr>`)}</tbody></table>`, c.session));
  });

  r.get("/admin/resources.csv", async (req, res) => {
    const c = req.console!;
    const { csv } = await resourcesCsv(c.deps.db, c.all ? undefined : c.areaIds);
    await c.audit("resource.export", {});
    res.set({ "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="resources.csv"`, "Cache-Control": "no-store" }).send(csv);
  });

  async function editPage(c: ConsoleCtx, id: number, form: Form | null, flash?: string, error?: string): Promise<Html> {
    const x = await resourceByIdOrThrow(c.deps.db, id);
    const f: Form = form ?? (Object.fromEntries(FIELDS.map((k) => [k, String((x as Record<string, unknown>)[k] ?? "")])) as Form);
    const tz = c.deps.config.timeZone;
    const e = parseExceptions(x.exceptions);
    const d = describeSchedule(f.scheduleText);
    const rule = d.rule ? withExceptions(d.rule, e) : null;
    const next = rule ? nextOccurrences(rule, c.now, tz, 5) : [];
    const notices = scheduleNotices(rule, x.lastVerifiedAt, c.now, tz);
    const areas = await areasFor(c);
    const cats = [...(await categoriesOf(c.deps.db)).entries()].map(([key, v]) => ({ value: key, label: v.label }));
    const field = (k: keyof Form, label: string, multiline = false) =>
      multiline ? html`<label for="${k}">${label}</label><textarea id="${k}" name="${k}">${f[k]}</textarea>` : html`<label for="${k}">${label}</label><input type="text" id="${k}" name="${k}" value="${f[k]}">`;
    return page(x.name, html`
${error ? html`<p role="alert" class="warn">${error}</p>` : ""}
<form class="box" method="post" action="/admin/resources/${id}">${csrf(c.session)}
${field("name", "名称")}
<label for="categoryKey">種類</label><select id="categoryKey" name="categoryKey">${options(cats, f.categoryKey)}</select>
<label for="areaId">地域</label><select id="areaId" name="areaId">${options(areas.map((a) => ({ value: a.id, label: a.name })), f.areaId)}</select>
${field("scheduleText", "日程（主催者が書いたとおりに）")}
<div class="box" aria-live="polite"><strong>日程のプレビュー</strong>
${!d.rule || d.rule.pattern === "none" ? html`<p class="warn">この日程からは日にちを計算できません（例：「毎週水曜日 13:00〜16:00」「毎月第1・3木曜日 10時〜15時」）。文のまま住民に表示します。</p>` : next.length ? html`<ol>${next.map((o) => html`<li>${formatOccurrence(o)}</li>`)}</ol>` : html`<p>これから先の日にちがありません。</p>`}
${notices.map((n) => html`<p class="warn">${n}</p>`)}</div>
${field("venue", "会場")}${field("address", "住所")}${field("fee", "費用")}${field("target", "対象")}${field("organiser", "主催")}${field("phone", "電話番号")}
${field("description", "内容", true)}
<label for="visibility">公開</label><select id="visibility" name="visibility">${options(Object.entries(VIS_JA).map(([value, label]) => ({ value, label })), f.visibility)}</select>
<label for="status">状態</label><select id="status" name="status">${options(Object.entries(STATUS_JA).map(([value, label]) => ({ value, label })), f.status)}</select>
<p class="muted">保存すると、最終確認日が今日になります。</p>
<button type="submit" name="action" value="preview" class="secondary">日程をプレビュー</button><button type="submit" name="action" value="save">保存する</button>
</form>
<h2>休みの日・日にちの変更</h2>
<form class="box" method="post" action="/admin/resources/${id}/exception">${csrf(c.session)}
<label for="closed">お休みにする日</label><input type="date" id="closed" name="closed">
<button type="submit" name="kind" value="closed">お休みにする</button>
<label for="from">日にちを変える：元の日</label><input type="date" id="from" name="from">
<label for="to">変更後の日</label><input type="date" id="to" name="to">
<button type="submit" name="kind" value="moved">日にちを変える</button>
</form>`, c.session, flash);
  }

  r.get("/admin/resources/:id", async (req, res) => {
    const c = req.console!;
    const x = found(res, c, await mayResource(c, req.params.id), "活動");
    if (!x) return;
    send(res, 200, await editPage(c, x.id, null));
  });

  r.post("/admin/resources/:id", async (req, res) => {
    const c = req.console!;
    const x = found(res, c, await mayResource(c, req.params.id), "活動");
    if (!x) return;
    const body = req.body as Record<string, string>;
    const f = Object.fromEntries(FIELDS.map((k) => [k, String(body[k] ?? "").trim().slice(0, k === "description" ? 2000 : 200)])) as Form;
    if (req.body.action !== "save") return send(res, 200, await editPage(c, x.id, f));
    const areaId = Number(f.areaId);
    const cats = await categoriesOf(c.deps.db);
    const error = !f.name ? "名称を入れてください。" : !cats.has(f.categoryKey) ? "種類を選んでください。" : !c.mayArea(areaId) ? "担当の地域を選んでください。" : !(f.visibility in VIS_JA) || !(f.status in STATUS_JA) ? "公開と状態を選んでください。" : "";
    if (error) return send(res, 422, await editPage(c, x.id, f, undefined, error));
    const d = describeSchedule(f.scheduleText);
    const e = parseExceptions(x.exceptions);
    await updateResource(c.deps.db, x.id, {
        name: f.name, categoryKey: f.categoryKey, areaId, scheduleText: f.scheduleText, venue: f.venue, address: f.address, fee: f.fee, target: f.target,
        organiser: f.organiser, phone: f.phone, description: f.description, visibility: f.visibility, status: f.status,
        scheduleRule: d.rule ? JSON.stringify(withExceptions(d.rule, e)) : null, weekdayMask: d.weekdayMask,
        lastVerifiedAt: c.now, staleFlaggedAt: null,
        ...(f.status === "active" && x.status !== "active" ? { activatedAt: c.now } : {}),
    });
    forgetShapes(c.deps.db);
    await c.audit("resource.update", { resource: x.id });
    void c.deps.jobs.kick();
    send(res, 200, await editPage(c, x.id, null, "保存しました。"));
  });

  r.post("/admin/resources/:id/exception", async (req, res) => {
    const c = req.console!;
    const x = found(res, c, await mayResource(c, req.params.id), "活動");
    if (!x) return;
    const b = req.body as Record<string, string>;
    const iso = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s ?? "") ? s : null);
    if (b.kind === "closed" && iso(b.closed)) await applyChange(c.deps.db, x.id, { kind: "closed", dates: [b.closed] }, c.session.user.id, c.now);
    else if (b.kind === "moved" && iso(b.from) && iso(b.to)) await applyChange(c.deps.db, x.id, { kind: "moved", from: b.from, to: b.to }, c.session.user.id, c.now);
    else return send(res, 422, await editPage(c, x.id, null, undefined, "日にちを選んでください。"));
    send(res, 200, await editPage(c, x.id, null, "変更しました。住民への回答にも反映されます。"));
  });

  // Import: only for staff who see the whole municipality (a file may hold any area).
  const importForm = (c: ConsoleCtx, report?: string, token?: string) =>
    page("表計算ファイルから取り込む", html`
${report ? html`<h2>確認の結果（まだ何も書き込んでいません）</h2><pre class="box">${report}</pre>
${token ? html`<form class="box" method="post" action="/admin/import/confirm">${csrf(c.session)}<input type="hidden" name="token" value="${token}"><button type="submit">この内容で取り込む</button></form>` : ""}` : ""}
<form class="box" method="post" action="/admin/import?_csrf=${c.session.csrf}" enctype="multipart/form-data">
<label for="file">ファイル（CSV・Excel）</label><input type="file" id="file" name="file" accept=".csv,.tsv,.txt,.xlsx">
<label><input type="checkbox" name="skipInvalid" value="1"> エラーの行を除いて取り込む</label>
<button type="submit">確認する（まだ取り込みません）</button></form>`, c.session);
  r.get("/admin/import", (req, res) => (req.console!.all ? send(res, 200, importForm(req.console!)) : forbidden(res, req.console!)));
  // A checked file waits here for its confirmation (this process only; 30 minutes), then is deleted.
  const pending = new Map<string, { file: string; skipInvalid: boolean; user: number; at: number }>();
  const forget = (token: string) => {
    const p = pending.get(token);
    if (p) fs.rmSync(path.dirname(p.file), { recursive: true, force: true });
    pending.delete(token);
  };
  r.post("/admin/import", upload, async (req, res) => {
    const c = req.console!;
    if (!c.all) return forbidden(res, c);
    if (!req.file) return send(res, 422, importForm(c, "ファイルを選んでください。"));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "console-import-"));
    const file = path.join(dir, path.basename(req.file.originalname || "upload.csv").replace(/[^\w.\-\u3040-\u9fff]/g, "_"));
    fs.writeFileSync(file, req.file.buffer);
    const skipInvalid = req.body?.skipInvalid === "1";
    try {
      const report = await importResources(c.deps.db, { file, dryRun: true, skipInvalid });
      const ok = !report.issues.some((i) => i.level === "error") || skipInvalid;
      const token = ok ? randomBytes(16).toString("hex") : undefined;
      for (const [k, v] of pending) if (Date.now() - v.at > 30 * 60_000) forget(k);
      if (token) pending.set(token, { file, skipInvalid, user: c.session.user.id, at: Date.now() });
      else fs.rmSync(dir, { recursive: true, force: true });
      send(res, 200, importForm(c, formatReport(report, true, skipInvalid), token));
    } catch (err) {
      send(res, 422, importForm(c, `読み取れませんでした：${(err as Error).message}`));
    }
  });
  r.post("/admin/import/confirm", async (req, res) => {
    const c = req.console!;
    const p = pending.get(String(req.body?.token ?? ""));
    if (!c.all || !p || p.user !== c.session.user.id) return send(res, 422, importForm(c, "確認からやり直してください。"));
    const report = await importResources(c.deps.db, { file: p.file, skipInvalid: p.skipInvalid }).finally(() => forget(String(req.body.token)));
    await c.audit("resource.import", { created: report.created, updated: report.updated });
    void c.deps.jobs.kick();
    send(res, 200, importForm(c, formatReport(report, false, p.skipInvalid)));
  });
  return r;
}
