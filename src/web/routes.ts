import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import express, { type Response } from "express";
import type { AppDeps } from "../deps.js";
import { areaById, areaByName, blocksWithAreas } from "../features/areas/service.js";
import { centreForArea } from "../features/consultation/service.js";
import { describeQuery } from "../features/search/messages.js";
import type { SearchQuery } from "../features/search/query.js";
import { categoriesOf, publicResource, searchResources } from "../features/search/service.js";
import type { TimeOfDay } from "../nlu/types.js";
import { zonedParts } from "../schedule/time.js";
import { html, type Html } from "./html.js";
import { centreBox, layout, NEAR_SCRIPT, occurrenceText, phoneLink, resultList, searchForm, type FormValues } from "./pages.js";
import { mapUrl } from "../features/search/messages.js";
/** PDFKit, its fonts and the QR library are loaded when a sheet is first printed, not at start-up (≈40 MB). */
const printing = () => import("./print.js");

const PAGE_SIZE = 10;
const TIMES = new Set(["morning", "afternoon", "evening"]);

/**
 * The public pages (no sign-in): search, results and one resource, from the
 * same search code as LINE; and the printed sheets. Server-rendered, cached
 * for a few minutes (ETag), SC-only resources never shown.
 */
export function webRoutes(deps: AppDeps): express.Router {
  const r = express.Router();
  const { db, config } = deps;
  const tz = config.timeZone;
  const muni = config.municipality;
  const wholeLabel = `${muni.name || "市区町村"}全体`;

  const send = (res: Response, status: number, body: Html) => {
    const text = body.value;
    const etag = `W/"${createHash("sha1").update(text).digest("base64url").slice(0, 20)}"`;
    res.status(status).set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300", ETag: etag });
    if (status === 200 && res.req.headers["if-none-match"] === etag) return void res.status(304).end();
    res.send(text);
  };
  const page = (title: string, body: Html, script?: Html) => layout(title, body, { municipality: muni.name, script });

  async function formParts() {
    const blocks = await blocksWithAreas(db);
    const groups = blocks.map((b) => ({ name: b.name, areas: b.children.map((a) => ({ name: a.name })) }));
    const categories = [...(await categoriesOf(db)).entries()].map(([key, c]) => ({ key, label: c.label }));
    return { groups, categories };
  }

  /** The area's centre, or the municipality's general line. */
  async function centreFor(areaId: number | undefined, now: Date) {
    if (areaId !== undefined) {
      const area = await areaById(db, areaId);
      const { centre } = await centreForArea(db, areaId, { now, timeZone: tz, viewer: "resident", publicOnly: true });
      if (centre) return { name: centre.name, phone: centre.phone, areaName: area?.kind === "area" ? area.name : null };
    }
    const f = muni.emergency.fallbackCentre;
    return f ? { name: f.name, phone: f.number, areaName: null } : null;
  }

  // Noto Sans JP from @fontsource, split by unicode-range: a browser fetches only the parts a page uses.
  const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve("@fontsource/noto-sans-jp/package.json")));
  r.get(/^\/fonts\/noto-sans-jp\/(400|700)\.css$/, (req, res) => {
    res.set({ "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=604800" }).sendFile(path.join(fontDir, `${(req.params as Record<string, string>)[0]}.css`));
  });
  r.get(/^\/fonts\/noto-sans-jp\/files\/(noto-sans-jp-[0-9]+-(?:400|700)-normal\.woff2?)$/, (req, res) => {
    res.set({ "Cache-Control": "public, max-age=31536000, immutable" }).sendFile(path.join(fontDir, "files", (req.params as Record<string, string>)[0]));
  });

  r.get("/", async (_req, res) => {
    const { groups, categories } = await formParts();
    send(res, 200, page("さがす", html`<h1>近くの通いの場・生活のサービスをさがす</h1>
<p>サロン、体操、食事会、認知症カフェや、お弁当の配達・買い物・送迎などのサービスを、地域や曜日でさがせます。</p>
${searchForm(groups, categories, {}, wholeLabel)}`, NEAR_SCRIPT));
  });

  r.get("/search", async (req, res) => {
    const now = deps.clock.now();
    const str = (k: string) => (typeof req.query[k] === "string" ? (req.query[k] as string).slice(0, 200) : "");
    const v: FormValues = { area: str("area"), category: str("category"), weekday: str("weekday"), time: str("time"), fee: str("fee"), q: str("q") };
    const categories = await categoriesOf(db);
    const q: SearchQuery = { categories: [], kind: "place", publicOnly: true };
    // Free words go through the same understanding as LINE (はすねの体操); the form's fields win.
    if (v.q) {
      const route = await deps.nlu.route(v.q, now);
      const s = route.slots;
      if (s.area) q.areaId = (await areaByName(db, s.area))?.id;
      if (s.category) q.categories = [s.category];
      if (route.intent === "find_service" && !s.category) q.kind = "service";
      if (s.weekdays) q.weekdays = s.weekdays;
      if (s.timeOfDay) q.timeOfDay = s.timeOfDay;
      if (s.date) Object.assign(q, { date: s.date, dateTo: s.dateTo });
      if (s.free) q.free = true;
    }
    let badInput = false;
    if (v.area) {
      const area = await areaByName(db, v.area);
      if (area) q.areaId = area.id;
      else badInput = true;
    }
    if (v.category) {
      if (categories.has(v.category)) q.categories = [v.category];
      else badInput = true;
    }
    if (v.weekday) {
      if (/^[0-6]$/.test(v.weekday)) q.weekdays = [Number(v.weekday)];
      else badInput = true;
    }
    if (v.time) {
      if (TIMES.has(v.time)) q.timeOfDay = v.time as TimeOfDay;
      else badInput = true;
    }
    if (v.fee) {
      if (v.fee === "free") q.free = true;
      else badInput = true;
    }
    const lat = Number(str("lat"));
    const lng = Number(str("lng"));
    if (str("lat") && str("lng") && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) q.near = { lat, lng };
    if (q.categories.length) q.kind = undefined;
    const offset = /^\d{1,4}$/.test(str("offset")) ? Number(str("offset")) : 0;
    q.offset = offset;
    const outcome = await searchResources(db, q, { now, timeZone: tz, viewer: "resident", pageSize: PAGE_SIZE });
    const area = q.areaId !== undefined ? await areaById(db, q.areaId) : null;
    const label = q.categories.length === 1 ? (categories.get(q.categories[0])?.label ?? "") : q.kind === "service" ? "生活のサービス" : "サロンや集いの場・活動";
    const subject = describeQuery(area?.name, label, q);
    const firstAreaName = outcome.items[0]?.areaName;
    const centreArea = q.areaId ?? (firstAreaName ? (await areaByName(db, firstAreaName))?.id : undefined);
    const centre = await centreFor(centreArea, now);
    const { groups, categories: options } = await formParts();
    const base = new URLSearchParams(Object.entries({ ...v, lat: str("lat"), lng: str("lng") }).filter(([, x]) => x) as [string, string][]);
    const link = (o: number) => `/search?${new URLSearchParams([...base, ["offset", String(o)]]).toString()}`;
    const pager = html`<nav class="pager" aria-label="ページ">${offset > 0 ? html`<a href="${link(Math.max(0, offset - PAGE_SIZE))}">前の${PAGE_SIZE}件</a>` : html`<span></span>`}${offset + outcome.items.length < outcome.total ? html`<a href="${link(offset + PAGE_SIZE)}">次の${PAGE_SIZE}件</a>` : ""}</nav>`;
    const heading = outcome.total > 0 ? `${subject}（${outcome.total}件）` : `${subject}は見つかりませんでした`;
    const note = badInput ? html`<p role="alert">選ばれた条件の一部が読み取れなかったため、その条件なしでさがしました。</p>` : "";
    const order = q.near ? "近い順に並んでいます。" : "次の日にちが近い順に並んでいます。";
    send(res, 200, page(heading, html`<h1>${heading}</h1>
${note}
${outcome.total > 0 ? html`<p>${order}${outcome.total > PAGE_SIZE ? `${offset + 1}〜${offset + outcome.items.length}件目を表示しています。` : ""}</p>` : html`<p>曜日や時間帯を「指定しない」にしたり、となりの地域でさがしたりしてみてください。地域の相談窓口でも教えてもらえます。</p>`}
${centreBox(centre)}
${resultList(outcome.items)}
${pager}
<h2>条件を変えてさがす</h2>
${searchForm(groups, options, v, wholeLabel)}`, NEAR_SCRIPT));
  });

  r.get("/resources/:id", async (req, res) => {
    const now = deps.clock.now();
    const id = /^\d{1,9}$/.test(req.params.id) ? Number(req.params.id) : NaN;
    const d = await publicResource(db, id, now, tz, 5);
    if (!d) {
      send(res, 404, page("見つかりません", html`<h1>この情報は見つかりませんでした</h1><p>終了したか、公開されていない情報です。<a href="/">さがすページへ戻る</a></p>`));
      return;
    }
    const centre = await centreFor(d.areaId ?? undefined, now);
    const verified = d.lastVerifiedAt ? zonedParts(d.lastVerifiedAt, tz) : null;
    send(res, 200, page(d.name, html`<p><a href="/">さがすページへ</a></p>
<h1>${d.name}</h1>
<p>${d.categoryLabel}${d.areaName ? `（${d.areaName}）` : ""}</p>
<dl>
${d.notices.map((n) => html`<dt>お知らせ</dt><dd class="notice">${n}</dd>`)}
<dt>次の予定</dt><dd>${d.next.length ? html`<ol class="dates">${d.next.map((o) => html`<li>${occurrenceText(o)}</li>`)}</ol>` : d.scheduleText || "お問い合わせください"}</dd>
<dt>日程</dt><dd>${d.scheduleText || "―"}</dd>
<dt>場所</dt><dd>${d.venue || "―"}${d.address ? html`<br>${d.address}` : ""}${d.lat !== null && d.lng !== null ? html`<br><a href="${mapUrl(d.lat, d.lng)}">地図を見る（Googleマップ）</a>` : ""}</dd>
<dt>費用</dt><dd>${d.fee || "―"}</dd>
<dt>対象</dt><dd>${d.target || "どなたでも"}</dd>
<dt>主催</dt><dd>${d.organiser || "―"}</dd>
<dt>電話</dt><dd>${phoneLink(d.phone)}</dd>
${d.accessibility ? html`<dt>配慮</dt><dd>${d.accessibility}</dd>` : ""}
<dt>確認日</dt><dd>${verified ? `${verified.y}年${verified.m}月${verified.d}日に確認した情報です` : "確認日は記録されていません"}</dd>
</dl>
${d.description ? html`<h2>くわしく</h2><p>${d.description}</p>` : ""}
${centreBox(centre)}`));
  });

  // Paper: the handout for an area (and a category), and the poster with the QR code.
  r.get("/print/handout.pdf", async (req, res) => {
    const areaName = typeof req.query.area === "string" ? req.query.area : "";
    const area = await areaByName(db, areaName);
    const category = typeof req.query.category === "string" && req.query.category ? req.query.category : undefined;
    if (!area || (category && !(await categoriesOf(db)).has(category))) {
      res.status(400).type("text/plain; charset=utf-8").send("地域（area）か種類（category）が正しくありません。例：/print/handout.pdf?area=蓮根");
      return;
    }
    const pdf = await (await printing()).handoutPdf(deps, area.id, category);
    res.set({ "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="handout.pdf"`, "Cache-Control": "public, max-age=300" }).send(pdf);
  });
  r.get("/print/poster.pdf", async (req, res) => {
    const areaName = typeof req.query.area === "string" ? req.query.area : "";
    const area = areaName ? await areaByName(db, areaName) : null;
    if (areaName && !area) {
      res.status(400).type("text/plain; charset=utf-8").send("地域（area）が正しくありません。例：/print/poster.pdf?area=蓮根");
      return;
    }
    res.set({ "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="poster.pdf"`, "Cache-Control": "public, max-age=300" }).send(await (await printing()).posterPdf(deps, area?.name ?? null));
  });
  return r;
}
