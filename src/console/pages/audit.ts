import express from "express";
import { recentAudit } from "../../data/console.js";
import { formatInstantJa } from "../../schedule/time.js";
import { html } from "../../web/html.js";
import { page } from "../layout.js";
import { send } from "../routes.js";

/** Who did what, when: actions and ids only (hashes, never message texts). */
export function auditRoutes(): express.Router {
  const r = express.Router();
  r.get("/admin/audit", async (req, res) => {
    const c = req.console!;
    const rows = await recentAudit(c.deps.db, c.all ? null : c.session.user.id);
    const tz = c.deps.config.timeZone;
    send(res, 200, page("操作の記録", html`<p class="muted">${c.all ? "すべての操作" : "あなたの操作"}の新しいもの200件です。文面は記録しません（確認用のハッシュのみ）。</p>
<table><thead><tr><th scope="col">日時</th><th scope="col">操作</th><th scope="col">だれが（内部ID）</th><th scope="col">内容</th></tr></thead>
<tbody>${rows.map((x) => html`<tr><td>${formatInstantJa(x.createdAt, tz)}</td><td>${x.action}</td><td>${x.actorId ?? "―"}</td><td><code>${x.detail}</code></td></tr>`)}</tbody></table>`, c.session));
  });
  return r;
}
