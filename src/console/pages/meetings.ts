import express from "express";
import { addMeetingDecision, meetingsSince, meetingWithAreasAndDecisions, setMeetingAgendaAndNotes } from "../../data/console.js";
import { allAreas } from "../../features/areas/service.js";
import { PLAN_PRESETS } from "../../features/meetings/plan.js";
import { attendeesWithNames, AUDIENCE_JA, createMeeting, KINDS, rescheduleMeeting, setReminderPlan, type Audience } from "../../features/meetings/service.js";
import { when as whenText } from "../../features/meetings/messages.js";
import { categoriesOf } from "../../features/search/service.js";
import { instantsOf, readDateTimePhrase } from "../../schedule/phrase.js";
import { html } from "../../web/html.js";
import { csrf, options, page } from "../layout.js";
import { found, send, type ConsoleCtx } from "../routes.js";

const RESPONSE_JA: Record<string, string> = { attend: "出席", absent: "欠席" };

/** Meetings: create and edit (協議体, 作業部会, 連絡会, 研修会 …), members, agenda, reminder plan, attendance from LINE, notes, decisions. */
export function meetingRoutes(): express.Router {
  const r = express.Router();

  const readWhen = (c: ConsoleCtx, text: string): { start: Date; end?: Date } | string => {
    const tz = c.deps.config.timeZone;
    const x = readDateTimePhrase(text, c.now, tz);
    if (!x || x.kind === "noTime") return "日時を「12月10日 14時から16時」のように入れてください。";
    if (x.kind === "ampm") return "午前か午後かを添えてください（例：午後6時）。";
    if (x.kind === "weekday") return "日にちと曜日が合っていません。日にちを確かめてください。";
    const p = instantsOf(x.date, x.times, tz);
    if (p.start.getTime() <= c.now.getTime()) return "過去の日時になっています。";
    return p;
  };

  async function mayMeeting(c: ConsoleCtx, id: number) {
    const m = Number.isInteger(id) ? await meetingWithAreasAndDecisions(c.deps.db, id) : null;
    if (!m) return null;
    return c.all || m.createdBy === c.session.user.id || m.areas.some((a) => c.mayArea(a.areaId)) ? m : "forbidden";
  }

  async function list(c: ConsoleCtx, error?: string, flash?: string) {
    const tz = c.deps.config.timeZone;
    const meetings = await meetingsSince(c.deps.db, new Date(c.now.getTime() - 30 * 86_400_000), c.all ? null : { userId: c.session.user.id, areaIds: c.areaIds });
    return page("会議", html`
${error ? html`<p role="alert" class="warn">${error}</p>` : ""}
<table><thead><tr><th scope="col">日時</th><th scope="col">種類</th><th scope="col">名前</th><th scope="col">出席／欠席／未回答</th></tr></thead>
<tbody>${meetings.map((m) => html`<tr><td>${whenText(m, tz)}${m.status === "cancelled" ? "（中止）" : ""}</td><td>${m.kind}</td><td><a href="/admin/meetings/${m.id}">${m.title}</a></td><td>${m.attendees.filter((a) => a.response === "attend").length}／${m.attendees.filter((a) => a.response === "absent").length}／${m.attendees.filter((a) => !a.response).length}</td></tr>`)}</tbody></table>
<h2>会議を登録する</h2>
<form class="box" method="post" action="/admin/meetings">${csrf(c.session)}
<label for="kind">種類</label><select id="kind" name="kind">${options(KINDS.map((k) => ({ value: k, label: k })), "協議体（第2層）")}</select>
<label for="title">名前</label><input type="text" id="title" name="title" placeholder="第3回 蓮根地区協議体">
<label for="when">日時</label><input type="text" id="when" name="when" placeholder="12月10日 14時から16時">
<label for="venue">会場</label><input type="text" id="venue" name="venue">
<label for="audience">お知らせする人</label><select id="audience" name="audience">${options(["council", "volunteers", "residents"].map((k) => ({ value: k, label: AUDIENCE_JA[k as Audience] })), "council")}</select>
<label for="agenda">議題（1行に1つ）</label><textarea id="agenda" name="agenda"></textarea>
<button type="submit">登録する</button></form>`, c.session, flash);
  }

  r.get("/admin/meetings", async (req, res) => send(res, 200, await list(req.console!)));
  r.post("/admin/meetings", async (req, res) => {
    const c = req.console!;
    const b = req.body as Record<string, string>;
    const when = readWhen(c, String(b.when ?? ""));
    if (typeof when === "string") return send(res, 422, await list(c, when));
    if (!KINDS.includes(b.kind as never) || !String(b.title ?? "").trim() || !["council", "volunteers", "residents"].includes(b.audience)) return send(res, 422, await list(c, "種類・名前・お知らせする人を入れてください。"));
    const areaIds = c.all ? (await allAreas(c.deps.db)).filter((a) => a.kind === "area").map((a) => a.id) : c.areaIds;
    const m = await createMeeting(c.deps.db, {
      kind: b.kind, title: b.title.trim().slice(0, 60), seriesNo: Number(/第(\d+)回/.exec(b.title)?.[1]) || null, areaIds, venue: String(b.venue ?? "").slice(0, 80), address: "",
      startsAt: when.start, endsAt: when.end ?? null, agenda: String(b.agenda ?? "").split("\n").map((x) => x.trim()).filter(Boolean).slice(0, 20), audience: b.audience as Audience, createdBy: c.session.user.id,
    }, c.deps.config.timeZone);
    await c.audit("meeting.create", { meeting: m.id });
    void c.deps.jobs.kick();
    res.redirect(303, `/admin/meetings/${m.id}`);
  });

  async function detail(c: ConsoleCtx, id: number, flash?: string, error?: string) {
    const m = (await mayMeeting(c, id)) as Exclude<Awaited<ReturnType<typeof mayMeeting>>, null | "forbidden">;
    const tz = c.deps.config.timeZone;
    const people = await attendeesWithNames(c.deps.db, id);
    const cats = [...(await categoriesOf(c.deps.db)).entries()].map(([key, v]) => ({ value: key, label: v.label }));
    const areas = (await allAreas(c.deps.db)).filter((a) => a.kind === "area" && c.mayArea(a.id));
    const plan = Object.entries(PLAN_PRESETS).find(([, p]) => JSON.stringify(p.plan) === m.reminderPlan)?.[0] ?? "standard";
    return page(m.title, html`
${error ? html`<p role="alert" class="warn">${error}</p>` : ""}
<p>${m.kind}　${whenText(m, tz)}　会場：${m.venue || "―"}${m.status === "cancelled" ? "（中止）" : ""}</p>
<form class="box" method="post" action="/admin/meetings/${id}">${csrf(c.session)}
<label for="when">日時を変える（変えると出席者にお知らせします）</label><input type="text" id="when" name="when" placeholder="12月17日 18時30分">
<label for="agenda">議題（1行に1つ）</label><textarea id="agenda" name="agenda">${(JSON.parse(m.agenda) as string[]).join("\n")}</textarea>
<label for="notes">メモ・議事録</label><textarea id="notes" name="notes">${m.notes}</textarea>
<label for="plan">リマインド</label><select id="plan" name="plan">${options(Object.entries(PLAN_PRESETS).map(([value, p]) => ({ value, label: p.label })), plan)}</select>
<button type="submit">保存する</button></form>
<h2>出欠（LINEでの回答）</h2>
<table><thead><tr><th scope="col">お名前</th><th scope="col">回答</th></tr></thead><tbody>${people.map((p) => html`<tr><td>${p.name ?? "お名前未登録の方"}</td><td>${p.response ? RESPONSE_JA[p.response] : "未回答"}</td></tr>`)}</tbody></table>
<h2>決まったこと</h2>
<ul>${m.decisions.map((d) => html`<li>${d.text}${d.categoryKey ? `（${cats.find((x) => x.value === d.categoryKey)?.label ?? d.categoryKey}）` : ""}</li>`)}</ul>
<form class="box" method="post" action="/admin/meetings/${id}/decisions">${csrf(c.session)}
<label for="text">決まったこと</label><input type="text" id="text" name="text">
<label for="category">関係するニーズ（カテゴリ）</label><select id="category" name="category">${options(cats, "", "なし")}</select>
<label for="area">地域</label><select id="area" name="area">${options(areas.map((a) => ({ value: a.id, label: a.name })), "", "なし")}</select>
<button type="submit">追加する</button></form>`, c.session, flash);
  }

  r.get("/admin/meetings/:id", async (req, res) => {
    const c = req.console!;
    const m = found(res, c, await mayMeeting(c, Number(req.params.id)), "会議");
    if (!m) return;
    send(res, 200, await detail(c, m.id));
  });
  r.post("/admin/meetings/:id", async (req, res) => {
    const c = req.console!;
    const m = found(res, c, await mayMeeting(c, Number(req.params.id)), "会議");
    if (!m) return;
    const b = req.body as Record<string, string>;
    const tz = c.deps.config.timeZone;
    if (String(b.when ?? "").trim()) {
      const when = readWhen(c, b.when);
      if (typeof when === "string") return send(res, 422, await detail(c, m.id, undefined, when));
      await rescheduleMeeting(c.deps.db, m.id, when.start, when.end ?? null, tz);
    }
    await setMeetingAgendaAndNotes(c.deps.db, m.id, String(b.agenda ?? "").split("\n").map((x) => x.trim()).filter(Boolean).slice(0, 20), String(b.notes ?? "").slice(0, 20_000));
    if (b.plan in PLAN_PRESETS) await setReminderPlan(c.deps.db, m.id, PLAN_PRESETS[b.plan].plan, tz);
    await c.audit("meeting.update", { meeting: m.id });
    void c.deps.jobs.kick();
    send(res, 200, await detail(c, m.id, "保存しました。"));
  });
  r.post("/admin/meetings/:id/decisions", async (req, res) => {
    const c = req.console!;
    const m = found(res, c, await mayMeeting(c, Number(req.params.id)), "会議");
    if (!m) return;
    const b = req.body as Record<string, string>;
    const text = String(b.text ?? "").trim().slice(0, 300);
    if (!text) return send(res, 422, await detail(c, m.id, undefined, "決まったことを入れてください。"));
    const cats = await categoriesOf(c.deps.db);
    const areaId = Number(b.area) || null;
    await addMeetingDecision(c.deps.db, { meetingId: m.id, text, categoryKey: cats.has(b.category) ? b.category : null, areaId: areaId && c.mayArea(areaId) ? areaId : null, createdBy: c.session.user.id });
    await c.audit("meeting.decision", { meeting: m.id });
    send(res, 200, await detail(c, m.id, "追加しました。"));
  });
  return r;
}
