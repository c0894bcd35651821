import express from "express";
import { activeVolunteers } from "../../data/console.js";
import { parseJsonArray, describeSlots, skillLabel, type Slot } from "../../features/volunteers/model.js";
import { isPaused } from "../../features/volunteers/service.js";
import { formatDateJa, zonedParts } from "../../schedule/time.js";
import { displayPhone } from "../../util/phone.js";
import { html } from "../../web/html.js";
import { page } from "../layout.js";
import { send } from "../routes.js";

/** The roster of the SC's areas: availability and pauses; personal fields only for those areas; no bulk export. */
export function volunteerRoutes(): express.Router {
  const r = express.Router();
  r.get("/admin/volunteers", async (req, res) => {
    const c = req.console!;
    const tz = c.deps.config.timeZone;
    const vs = await activeVolunteers(c.deps.db, c.all ? null : c.areaIds);
    send(res, 200, page("ボランティア", html`<p class="muted">担当の地域で活動するボランティアです（${vs.length}人）。個人の情報は担当のコーディネーターだけが見られます。一覧の書き出しはできません。</p>
<table><thead><tr><th scope="col">お名前</th><th scope="col">地域</th><th scope="col">できること</th><th scope="col">都合のよい日時</th><th scope="col">お休み</th><th scope="col">電話</th></tr></thead>
<tbody>${vs.map((v) => html`<tr><td>${v.displayName ?? "―"}</td><td>${v.areas.map((a) => a.area.name).join("、")}</td><td>${parseJsonArray<string>(v.skills).map(skillLabel).join("、")}</td><td>${describeSlots(parseJsonArray<Slot>(v.availability))}</td><td>${v.pausedFrom ? `${isPaused(v, c.now) ? "お休み中" : "予定"}：${formatDateJa(zonedParts(v.pausedFrom, tz))}〜${v.pausedUntil ? formatDateJa(zonedParts(v.pausedUntil, tz)) : ""}` : "―"}</td><td>${v.phone ? displayPhone(v.phone) : "―"}</td></tr>`)}</tbody></table>`, c.session));
  });
  return r;
}
