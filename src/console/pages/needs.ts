import express from "express";
import { allAreas } from "../../features/areas/service.js";
import { needsCsv, needsMarkdown, periodJa } from "../../reports/format.js";
import { needsReport, type Count, type NeedsReport } from "../../reports/needs.js";
import { isoDate, parseIsoDate, zonedInstant, zonedParts } from "../../schedule/time.js";
import { html } from "../../web/html.js";
import { options, page } from "../layout.js";
import { forbidden, send, type ConsoleCtx } from "../routes.js";

/** Needs (見える化): the same figures as the LINE summary and the CLI handout, for a chosen period and areas, with the chart. */
export function needsRoutes(): express.Router {
  const r = express.Router();

  async function query(c: ConsoleCtx, q: Record<string, unknown>): Promise<{ report: NeedsReport; from: string; to: string; area: string } | "forbidden"> {
    const tz = c.deps.config.timeZone;
    const str = (k: string) => (typeof q[k] === "string" ? (q[k] as string) : "");
    const today = zonedParts(c.now, tz);
    const to = parseIsoDate(str("to")) ?? today;
    const from = parseIsoDate(str("from")) ?? zonedParts(new Date(c.now.getTime() - 30 * 86_400_000), tz);
    const areas = (await allAreas(c.deps.db)).filter((a) => a.kind === "area" && c.mayArea(a.id));
    const areaId = Number(str("area")) || undefined;
    if (areaId && !c.mayArea(areaId)) return "forbidden";
    const report = await needsReport(c.deps.db, {
      areaIds: areaId ? [areaId] : areas.map((a) => a.id),
      from: zonedInstant(from, 0, 0, tz),
      to: new Date(zonedInstant(to, 23, 59, tz).getTime() + 59_999),
    });
    return { report, from: isoDate(from), to: isoDate(to), area: areaId ? String(areaId) : "" };
  }

  const table = (title: string, rows: Count[], unit = "件") =>
    html`<h2>${title}</h2>${rows.length ? html`<table><thead><tr><th scope="col">項目</th><th scope="col">${unit}数</th></tr></thead><tbody>${rows.map((x) => html`<tr><td>${x.label}</td><td>${x.count}</td></tr>`)}</tbody></table>` : html`<p>なし</p>`}`;

  r.get("/admin/needs", async (req, res) => {
    const c = req.console!;
    const q = await query(c, req.query);
    if (q === "forbidden") return forbidden(res, c);
    const areas = (await allAreas(c.deps.db)).filter((a) => a.kind === "area" && c.mayArea(a.id));
    const qs = new URLSearchParams({ from: q.from, to: q.to, ...(q.area ? { area: q.area } : {}) }).toString();
    const rep = q.report;
    send(res, 200, page("ニーズの見える化", html`
<form class="box filters" method="get" action="/admin/needs">
<div><label for="from">開始日</label><input type="date" id="from" name="from" value="${q.from}"></div>
<div><label for="to">終了日</label><input type="date" id="to" name="to" value="${q.to}"></div>
<div><label for="area">地域</label><select id="area" name="area">${options(areas.map((a) => ({ value: a.id, label: a.name })), q.area, "担当のすべて")}</select></div>
<div><button type="submit">集計する</button></div></form>
<p>期間：${periodJa(rep, c.deps.config.timeZone)}　地域：${rep.areas.length > 6 ? `${rep.areas.length}地域` : rep.areas.join("・")}</p>
<ul><li>問い合わせ：${rep.inquiries}件（見つからなかったもの：${rep.unmet.total}件）</li><li>コーディネーターへの相談：${rep.help.total}件</li><li>「見つかったら知らせてほしい」と待っている人：${rep.waiting.total}人</li><li>緊急の連絡（119番などを案内）：${rep.urgent}件</li></ul>
<p><a href="/admin/needs.csv?${qs}">CSVをダウンロード</a>　<a href="/admin/needs.md?${qs}">協議体の資料（Markdown）をダウンロード</a></p>
<h2>需要と供給（カテゴリ別）</h2>
<img src="/admin/needs/chart.png?${qs}" alt="需要と供給のグラフ：${rep.supplyDemand.filter((x) => x.inquiries || x.resources).map((x) => `${x.label} 問い合わせ${x.inquiries}件・資源${x.resources}件`).join("、")}" style="max-width:100%;background:#fff">
<table><thead><tr><th scope="col">カテゴリ</th><th scope="col">問い合わせ</th><th scope="col">資源</th></tr></thead><tbody>${rep.supplyDemand.filter((x) => x.inquiries || x.resources).map((x) => html`<tr><td>${x.label}</td><td>${x.inquiries}</td><td>${x.resources}</td></tr>`)}</tbody></table>
<h2>需要と供給（地域別）</h2>
<table><thead><tr><th scope="col">地域</th><th scope="col">カテゴリ</th><th scope="col">問い合わせ</th><th scope="col">見つからなかった</th><th scope="col">資源</th></tr></thead><tbody>${rep.supplyDemandByArea.filter((x) => x.inquiries || x.unmet).map((x) => html`<tr><td>${x.area}</td><td>${x.label}</td><td>${x.inquiries}</td><td>${x.unmet}</td><td>${x.resources}</td></tr>`)}</tbody></table>
${table("見つからなかった問い合わせ（曜日）", rep.unmet.byWeekday)}
${table("見つからなかった問い合わせ（時間帯）", rep.unmet.byTimeOfDay)}
${table("見つかるのを待っている人（カテゴリ別）", rep.waiting.byCategory, "人")}
<p class="muted">集計値のみで、個人を特定できる情報は含みません。</p>`, c.session));
  });

  r.get("/admin/needs/chart.png", async (req, res) => {
    const c = req.console!;
    const q = await query(c, req.query);
    if (q === "forbidden") return forbidden(res, c);
    // Chart.js and the Skia canvas are loaded when a chart is first drawn, not at start-up.
    const { needsChartPng } = await import("../../reports/chart.js");
    res.set({ "Content-Type": "image/png", "Cache-Control": "no-store" }).send(await needsChartPng(q.report));
  });
  r.get("/admin/needs.csv", async (req, res) => {
    const c = req.console!;
    const q = await query(c, req.query);
    if (q === "forbidden") return forbidden(res, c);
    res.set({ "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="needs-${q.from}_${q.to}.csv"`, "Cache-Control": "no-store" }).send(needsCsv(q.report));
  });
  r.get("/admin/needs.md", async (req, res) => {
    const c = req.console!;
    const q = await query(c, req.query);
    if (q === "forbidden") return forbidden(res, c);
    res.set({ "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="needs-${q.from}_${q.to}.md"`, "Cache-Control": "no-store" }).send(needsMarkdown(q.report, c.deps.config.timeZone));
  });
  return r;
}
