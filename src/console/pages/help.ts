import express from "express";
import { allAreaIds } from "../../data/areas.js";
import { helpRequestWithOffers, recentHelpRequests } from "../../data/console.js";
import { setHelpRequestStatus, setHelpRequestSummary } from "../../data/help.js";
import { parsePreferredTimes } from "../../features/help/service.js";
import { STATUS_JA } from "../../features/matching/messages.js";
import { askVolunteerFor, summarise } from "../../features/matching/service.js";
import { describeSlots, skillLabel } from "../../features/volunteers/model.js";
import { rankCandidates } from "../../features/volunteers/service.js";
import { formatInstantJa } from "../../schedule/time.js";
import { maskPersonal } from "../../util/mask.js";
import { html } from "../../web/html.js";
import { csrf, page } from "../layout.js";
import { found, send, type ConsoleCtx } from "../routes.js";

const ORDER = ["received", "coordinating", "arranged", "done", "declined"];
const OFFER_JA: Record<string, string> = { asked: "お願い中", accepted: "引き受け", declined: "今回は難しい" };

/** Help requests: a board by status, ranked candidates, asking a volunteer (the same LINE push), history per request. */
export function helpRoutes(): express.Router {
  const r = express.Router();

  async function mayRequest(c: ConsoleCtx, id: number) {
    const req = Number.isInteger(id) ? await helpRequestWithOffers(c.deps.db, id) : null;
    if (!req) return null;
    return c.mayArea(req.areaId) ? req : "forbidden";
  }

  r.get("/admin/help", async (req, res) => {
    const c = req.console!;
    const rows = await recentHelpRequests(c.deps.db, c.all ? null : c.areaIds);
    const summaries = await Promise.all(rows.map((x) => summarise(c.deps.db, x)));
    send(res, 200, page("相談（手伝いの依頼）", html`${ORDER.map((st) => {
      const list = summaries.filter((s) => s.status === st);
      return html`<h2>${STATUS_JA[st]}（${list.length}件）</h2>${list.length ? html`<table><thead><tr><th scope="col">No.</th><th scope="col">内容</th><th scope="col">地域</th><th scope="col">希望日時</th><th scope="col">引き受けた人</th></tr></thead><tbody>${list.map((s) => html`<tr><td><a href="/admin/help/${s.id}">No.${s.id}</a></td><td>${s.category}</td><td>${s.area}</td><td>${s.times}</td><td>${s.acceptedBy ? `${s.acceptedBy}さん` : "―"}</td></tr>`)}</tbody></table>` : html`<p class="muted">なし</p>`}`;
    })}`, c.session));
  });

  async function detail(c: ConsoleCtx, id: number, flash?: string, error?: string) {
    const x = (await mayRequest(c, id)) as Exclude<Awaited<ReturnType<typeof mayRequest>>, null | "forbidden">;
    const s = await summarise(c.deps.db, x);
    const tz = c.deps.config.timeZone;
    const open = !["done", "declined"].includes(x.status);
    const candidates = open ? await rankCandidates(c.deps.db, { areaId: x.areaId, categoryKey: x.categoryKey, ...parsePreferredTimes(x.preferredTimes) }, c.all ? await allAreaIds(c.deps.db) : c.areaIds, c.now, tz) : [];
    return page(`相談 No.${id}（${STATUS_JA[x.status]}）`, html`
${error ? html`<p role="alert" class="warn">${error}</p>` : ""}
<div class="box"><p>内容：${s.category}　地域：${s.area}　希望日時：${s.times}</p><p>ご本人の言葉（電話番号・住所は伏せています）：${s.description}</p>${s.acceptedBy ? html`<p class="ok">引き受けた人：${s.acceptedBy}さん</p>` : ""}<p class="muted">受付：${formatInstantJa(x.createdAt, tz)}</p></div>
${open ? html`<form class="box" method="post" action="/admin/help/${id}/status">${csrf(c.session)}<button name="status" value="coordinating">調整中にする</button><button name="status" value="arranged">手配済にする</button><button name="status" value="done">完了にする</button><button class="secondary" name="status" value="declined">見送る</button></form>` : ""}
<h2>お願いの記録</h2>
${x.offers.length ? html`<ul>${x.offers.map((o) => html`<li>${o.volunteer.displayName ?? "ボランティア"}さん：${OFFER_JA[o.status] ?? o.status}（${formatInstantJa(o.createdAt, tz)}）</li>`)}</ul>` : html`<p class="muted">まだありません</p>`}
${open ? html`<h2>候補（合う順）</h2>
<form class="box" method="post" action="/admin/help/${id}/ask">${csrf(c.session)}
<label for="summary">ボランティアに伝える内容（ご本人の言葉はそのまま伝わりません）</label><input type="text" id="summary" name="summary" value="${x.scSummary ?? ""}" maxlength="200" placeholder="例：台所の電球の交換、30分ほど">
${candidates.length ? html`<table><thead><tr><th scope="col">お名前</th><th scope="col">できること</th><th scope="col">日時</th><th scope="col">合う点</th><th scope="col"></th></tr></thead><tbody>${candidates.map((v) => html`<tr><td>${v.displayName}</td><td>${v.skills.map(skillLabel).join("、")}</td><td>${describeSlots(v.availability)}</td><td>${v.reasons.join("・")}</td><td><button type="submit" name="volunteer" value="${v.volunteerId}">この人に頼む</button></td></tr>`)}</tbody></table>` : html`<p>いまお願いできるボランティアが見つかりません（お休み中の方は除いています）。</p>`}
</form>` : ""}`, c.session, flash);
  }

  r.get("/admin/help/:id", async (req, res) => {
    const c = req.console!;
    const x = found(res, c, await mayRequest(c, Number(req.params.id)), "相談");
    if (!x) return;
    send(res, 200, await detail(c, x.id));
  });

  r.post("/admin/help/:id/status", async (req, res) => {
    const c = req.console!;
    const x = found(res, c, await mayRequest(c, Number(req.params.id)), "相談");
    if (!x) return;
    const status = String(req.body?.status ?? "");
    if (!ORDER.includes(status)) return send(res, 422, await detail(c, x.id, undefined, "状態を選んでください。"));
    await setHelpRequestStatus(c.deps.db, x.id, status, x.reason);
    await c.audit("help.status", { request: x.id, status });
    send(res, 200, await detail(c, x.id, `「${STATUS_JA[status]}」にしました。`));
  });

  r.post("/admin/help/:id/ask", async (req, res) => {
    const c = req.console!;
    const x = found(res, c, await mayRequest(c, Number(req.params.id)), "相談");
    if (!x) return;
    const summary = maskPersonal(String(req.body?.summary ?? "").trim()).slice(0, 200);
    if (!summary) return send(res, 422, await detail(c, x.id, undefined, "ボランティアに伝える内容を入れてください。"));
    await setHelpRequestSummary(c.deps.db, x.id, summary);
    const result = await askVolunteerFor(c.deps.db, c.deps.line, { scUserId: c.session.user.id, requestId: x.id, volunteerId: Number(req.body?.volunteer), areaIds: c.areaIds, layer1: c.all });
    const msg = { asked: "さんにお願いしました。返事が来たらLINEでお知らせします。", already_asked: "さんにはすでにお願いしています。", already_accepted: "さんが引き受けています。" } as const;
    if (result.kind in msg) return send(res, 200, await detail(c, x.id, `${(result as { name: string }).name}${msg[result.kind as keyof typeof msg]}`));
    send(res, 422, await detail(c, x.id, undefined, "この方にはお願いできません。"));
  });
  return r;
}
