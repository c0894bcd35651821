import express from "express";
import { recentBroadcasts } from "../../data/console.js";
import { allAreas } from "../../features/areas/service.js";
import { ROLE_JA, resolveRecipients, type Audience, type AudienceRole } from "../../features/broadcasts/audience.js";
import { announcementMessages } from "../../features/broadcasts/messages.js";
import { nextAllowedSend } from "../../features/broadcasts/quiet.js";
import { createBroadcast } from "../../features/broadcasts/service.js";
import { formatInstantJa, parseIsoDate, zonedInstant } from "../../schedule/time.js";
import { html } from "../../web/html.js";
import { csrf, options, page } from "../layout.js";
import { send, type ConsoleCtx } from "../routes.js";

/** Announcements: compose, see the audience's size and the message as LINE shows it, send (緊急 or at a time), follow each chunk. */
export function announcementRoutes(): express.Router {
  const r = express.Router();

  async function audienceOf(c: ConsoleCtx, role: string, area: string): Promise<Audience | null> {
    if (!(role in ROLE_JA)) return null;
    const areas = (await allAreas(c.deps.db)).filter((a) => a.kind === "area" && c.mayArea(a.id));
    const chosen = area ? areas.filter((a) => String(a.id) === area) : areas;
    if (chosen.length === 0) return null;
    return { role: role as AudienceRole, areaIds: chosen.map((a) => a.id), label: `${area ? chosen[0].name : "担当の地域"}の${ROLE_JA[role as AudienceRole]}` };
  }

  async function view(c: ConsoleCtx, form: Record<string, string>, preview?: { count: number; sendAt: Date; text: string }, flash?: string, error?: string) {
    const areas = (await allAreas(c.deps.db)).filter((a) => a.kind === "area" && c.mayArea(a.id));
    const tz = c.deps.config.timeZone;
    const history = await recentBroadcasts(c.deps.db, c.all ? null : c.session.user.id);
    return page("お知らせを送る", html`
${error ? html`<p role="alert" class="warn">${error}</p>` : ""}
<form class="box" method="post" action="/admin/announcements/preview">${csrf(c.session)}
<label for="role">送る相手</label><select id="role" name="role">${options(Object.entries(ROLE_JA).map(([value, label]) => ({ value, label })), form.role ?? "residents")}</select>
<label for="area">地域</label><select id="area" name="area">${options(areas.map((a) => ({ value: a.id, label: a.name })), form.area, "担当のすべての地域")}</select>
<label for="body">お知らせの文</label><textarea id="body" name="body" maxlength="4500">${form.body ?? ""}</textarea>
<label for="date">予約する日（空なら今すぐ）</label><input type="date" id="date" name="date" value="${form.date ?? ""}">
<label for="time">予約する時刻</label><input type="time" id="time" name="time" value="${form.time ?? ""}">
<label><input type="checkbox" name="urgent" value="1"${form.urgent === "1" ? html` checked` : ""}> 緊急（夜間でもすぐ送る）</label>
<button type="submit">人数と見え方を確認する</button></form>
${preview ? html`<div class="box"><h2>確認</h2><p><strong>${preview.count}人</strong>に、${formatInstantJa(preview.sendAt, tz)}に送ります（21時〜8時は緊急でなければ朝まで待ちます）。</p>
<p>LINEではこう見えます：</p><div style="background:#8cabd9;padding:1rem;border-radius:12px"><div style="background:#fff;border-radius:16px;padding:.7rem 1rem;max-width:28rem;white-space:pre-wrap">${preview.text}</div></div>
<form method="post" action="/admin/announcements/send">${csrf(c.session)}${["role", "area", "body", "date", "time", "urgent"].map((k) => html`<input type="hidden" name="${k}" value="${form[k] ?? ""}">`)}<button type="submit">この内容で送る</button></form></div>` : ""}
${flash ? html`<p class="ok">${flash}</p>` : ""}
<h2>これまでのお知らせ</h2>
<table><thead><tr><th scope="col">No.</th><th scope="col">送信日時</th><th scope="col">相手</th><th scope="col">人数</th><th scope="col">状態</th><th scope="col">分割ごとの状況</th></tr></thead>
<tbody>${history.map((b) => html`<tr><td>${b.id}</td><td>${b.scheduledAt ? formatInstantJa(b.scheduledAt, tz) : "―"}${b.urgent ? "（緊急）" : ""}</td><td>${(JSON.parse(b.audience) as Audience).label}</td><td>${b.recipientsCount}</td><td>${b.status}</td><td>${b.chunks.map((ch) => `${ch.index + 1}:${ch.status}`).join(" ")}</td></tr>`)}</tbody></table>`, c.session);
  }

  r.get("/admin/announcements", async (req, res) => send(res, 200, await view(req.console!, {})));

  async function check(c: ConsoleCtx, body: Record<string, string>) {
    const f = Object.fromEntries(["role", "area", "body", "date", "time", "urgent"].map((k) => [k, String(body[k] ?? "").trim()]));
    const audience = await audienceOf(c, f.role, f.area);
    if (!audience) return { f, error: "送る相手と地域を選んでください。" };
    if (!f.body) return { f, error: "お知らせの文を入れてください。" };
    const tz = c.deps.config.timeZone;
    let at: Date | undefined;
    if (f.date) {
      const d = parseIsoDate(f.date);
      const m = /^(\d{1,2}):(\d{2})$/.exec(f.time || "09:00");
      if (!d || !m) return { f, error: "予約の日と時刻を確かめてください。" };
      at = zonedInstant(d, Number(m[1]), Number(m[2]), tz);
      if (at.getTime() <= c.now.getTime()) return { f, error: "予約の日時が過ぎています。" };
    }
    const urgent = f.urgent === "1";
    const recipients = await resolveRecipients(c.deps.db, audience);
    return { f, audience, recipients, urgent, sendAt: nextAllowedSend(at ?? c.now, tz, urgent) };
  }

  r.post("/admin/announcements/preview", async (req, res) => {
    const c = req.console!;
    const x = await check(c, req.body);
    if ("error" in x) return send(res, 422, await view(c, x.f, undefined, undefined, x.error));
    const shown = announcementMessages(x.f.body, c.deps.config.timeZone)[0] as { text?: string };
    send(res, 200, await view(c, x.f, { count: x.recipients!.length, sendAt: x.sendAt!, text: shown.text ?? x.f.body }));
  });

  r.post("/admin/announcements/send", async (req, res) => {
    const c = req.console!;
    const x = await check(c, req.body);
    if ("error" in x) return send(res, 422, await view(c, x.f, undefined, undefined, x.error));
    if (x.recipients!.length === 0) return send(res, 422, await view(c, x.f, undefined, undefined, "送る相手がいません（お知らせ停止の方は除いています）。"));
    const tz = c.deps.config.timeZone;
    const b = await createBroadcast(c.deps.db, { createdBy: c.session.user.id, audience: x.audience!, messages: announcementMessages(x.f.body, tz), recipients: x.recipients!, urgent: x.urgent!, sendAt: x.sendAt! });
    void c.deps.jobs.kick();
    send(res, 200, await view(c, {}, undefined, `お知らせ No.${b.id} を${x.recipients!.length}人に送る手続きをしました。`));
  });
  return r;
}
