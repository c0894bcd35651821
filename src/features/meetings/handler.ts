import type { Feature, FlowState, Input, Turn, TurnContext } from "../../conversation/types.js";
import { parseDateTimePhrase } from "../../schedule/phrase.js";
import { hasRole } from "../../users/service.js";
import { audit, newCode, scScope, INVITATION_TTL_MS } from "../roles/service.js";
import { expiredButtonMessages } from "../welcome/messages.js";
import * as m from "./messages.js";
import { PLAN_PRESETS } from "./plan.js";
import { audienceUserIds, cancelMeeting, createMeeting, KINDS, rescheduleMeeting, setReminderPlan, setRsvp, type Audience } from "./service.js";
import { firstChars } from "../../util/chars.js";

const CREATE = "mtg";
const RESCHEDULE = "mtgre";

interface Draft {
  kind?: string;
  title?: string;
  start?: string;
  end?: string;
  venue?: string;
  audience?: Audience;
}

const st = (step: string, d: Draft): FlowState => ({ flow: CREATE, step, data: d as Record<string, unknown> });

/** Meetings an SC may manage: created by them, or in their areas. */
async function managed(ctx: TurnContext, id: number) {
  if (!hasRole(ctx.user, "sc") || !Number.isInteger(id)) return null;
  const meeting = await ctx.deps.db.meeting.findUnique({ where: { id }, include: { areas: true } });
  if (!meeting) return null;
  const scope = await scScope(ctx.deps.db, ctx.user.id);
  const ok = meeting.createdBy === ctx.user.id || scope.layer1 || meeting.areas.some((a) => scope.areaIds.includes(a.areaId));
  return ok ? meeting : null;
}

async function notifyAttendees(ctx: TurnContext, meetingId: number, messages: Turn["replies"]): Promise<number> {
  const attendees = await ctx.deps.db.meetingAttendee.findMany({ where: { meetingId }, include: { user: true } });
  let n = 0;
  for (const a of attendees) {
    if (!a.user.following) continue;
    await ctx.deps.line.push(a.user.lineUserId, messages);
    n++;
  }
  return n;
}

async function createStep(ctx: TurnContext, input: Input, s: FlowState): Promise<Turn | null> {
  const d = s.data as Draft;
  const pb = input.kind === "postback" ? input.postback : null;
  const text = input.kind === "text" ? input.text.trim() : "";
  const tz = ctx.deps.config.timeZone;
  switch (s.step) {
    case "kind": {
      const k = pb?.action === "mtg.kind" ? KINDS[Number(pb.params.k)] : KINDS.find((x) => text && x.startsWith(text));
      if (!k) return null;
      d.kind = k;
      return { replies: m.askTitleMessages(), state: st("title", d) };
    }
    case "title":
      if (!text) return null;
      d.title = firstChars(text, 60);
      return { replies: m.askWhenMessages(), state: st("when", d) };
    case "when": {
      if (!text) return null;
      const p = parseDateTimePhrase(text, ctx.now, tz);
      if (!p) return { replies: m.whenNotUnderstoodMessages(), state: s };
      if (p.start.getTime() <= ctx.now.getTime()) return { replies: m.pastMessages(), state: s };
      d.start = p.start.toISOString();
      d.end = p.end?.toISOString();
      return { replies: m.askVenueMessages(), state: st("venue", d) };
    }
    case "venue":
      if (!text) return null;
      d.venue = firstChars(text, 80);
      return { replies: m.askAudienceMessages(), state: st("audience", d) };
    case "audience": {
      if (pb?.action !== "mtg.audience" || !["council", "volunteers", "residents"].includes(pb.params.a)) return null;
      d.audience = pb.params.a as Audience;
      const scope = await scScope(ctx.deps.db, ctx.user.id);
      const count = (await audienceUserIds(ctx.deps.db, d.audience, scope.areaIds)).length;
      const summary = `${d.kind}\n${d.title}\n${m.when({ startsAt: new Date(d.start!), endsAt: d.end ? new Date(d.end) : null }, tz)}\n会場：${d.venue}`;
      return { replies: m.confirmMessages(summary, count), state: st("confirm", d) };
    }
    case "confirm": {
      if (pb?.action !== "mtg.save") return null;
      const scope = await scScope(ctx.deps.db, ctx.user.id);
      const meeting = await createMeeting(
        ctx.deps.db,
        {
          kind: d.kind!,
          title: d.title!,
          seriesNo: Number(/第(\d+)回/.exec(d.title!)?.[1]) || null,
          areaIds: scope.areaIds,
          venue: d.venue!,
          address: "",
          startsAt: new Date(d.start!),
          endsAt: d.end ? new Date(d.end) : null,
          agenda: [],
          audience: d.audience!,
          createdBy: ctx.user.id,
        },
        tz,
      );
      await audit(ctx.deps.db, ctx.user.id, "meeting.create", { meeting: meeting.id });
      return { replies: m.createdMessages(meeting, tz), state: null, after: () => ctx.deps.jobs.kick() };
    }
  }
  return null;
}

async function upcomingFor(ctx: TurnContext) {
  const { db } = ctx.deps;
  const now = ctx.now;
  const sc = hasRole(ctx.user, "sc");
  const mine = await db.meetingAttendee.findMany({
    where: { userId: ctx.user.id, meeting: { startsAt: { gt: now }, status: { not: "cancelled" } } },
    include: { meeting: true },
  });
  const items = mine.map((a) => ({ meeting: a.meeting, response: a.response, sc: false }));
  if (sc) {
    const scope = await scScope(db, ctx.user.id);
    const managedMeetings = await db.meeting.findMany({
      where: { startsAt: { gt: now }, status: { not: "cancelled" }, OR: [{ createdBy: ctx.user.id }, { areas: { some: { areaId: { in: scope.areaIds } } } }] },
    });
    for (const mm of managedMeetings) if (!items.some((i) => i.meeting.id === mm.id)) items.push({ meeting: mm, response: null, sc: true });
  }
  // Residents also see public events of their area.
  if (ctx.user.homeAreaId) {
    const open = await db.meeting.findMany({
      where: { audience: "residents", startsAt: { gt: now }, status: { not: "cancelled" }, areas: { some: { areaId: ctx.user.homeAreaId } } },
    });
    for (const o of open) if (!items.some((i) => i.meeting.id === o.id)) items.push({ meeting: o, response: null, sc: false });
  }
  return items.sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime());
}

async function rsvp(ctx: TurnContext, meetingId: number, attending: boolean): Promise<Turn> {
  const meeting = Number.isInteger(meetingId) ? await ctx.deps.db.meeting.findUnique({ where: { id: meetingId } }) : null;
  if (!meeting || meeting.status === "cancelled") return { replies: expiredButtonMessages() };
  let ok = await setRsvp(ctx.deps.db, meeting.id, ctx.user.id, attending, ctx.now);
  if (!ok && meeting.audience === "residents") {
    // Public events: anyone may answer.
    await ctx.deps.db.meetingAttendee.create({ data: { meetingId: meeting.id, userId: ctx.user.id, response: attending ? "attend" : "absent", respondedAt: ctx.now } });
    ok = true;
  }
  if (!ok) return { replies: expiredButtonMessages() };
  return { replies: m.rsvpSavedMessages(meeting, attending, ctx.deps.config.timeZone), state: null };
}

export const meetingsFeature: Feature = {
  name: "meetings",
  commands: [
    {
      pattern: /^(会議|協議体|作業部会|連絡会|研修会)(を|の)?(登録|作成|追加)(したい|する|します)?$/,
      handle: async (ctx) => {
        if (!hasRole(ctx.user, "sc")) return { replies: expiredButtonMessages() };
        return { replies: m.askKindMessages(), state: st("kind", {}) };
      },
    },
    {
      pattern: /^協議体(メンバー)?(の)?招待(コード)?$/,
      handle: async (ctx) => {
        if (!hasRole(ctx.user, "sc")) return { replies: expiredButtonMessages() };
        const scope = await scScope(ctx.deps.db, ctx.user.id);
        const areaId = scope.layer1 ? null : scope.areaIds[0];
        const code = newCode();
        await ctx.deps.db.invitation.create({
          data: { code, role: "council", layer: scope.layer1 ? 1 : 2, areaIds: JSON.stringify(scope.layer1 ? [] : scope.areaIds), expiresAt: new Date(ctx.now.getTime() + INVITATION_TTL_MS) },
        });
        const area = areaId ? await ctx.deps.db.area.findUnique({ where: { id: areaId } }) : null;
        return { replies: m.councilCodeMessages(code, scope.layer1 ? "第1層" : scope.areaIds.length > 1 ? "担当地域" : (area?.name ?? "")) };
      },
    },
    {
      pattern: /^協議体\s*参加\s*[:：]?\s*([a-z0-9]{4,20})$/,
      handle: async (ctx, match) => {
        const inv = await ctx.deps.db.invitation.findUnique({ where: { code: match[1].toUpperCase() } });
        if (!inv || inv.role !== "council" || inv.revokedAt || inv.expiresAt.getTime() <= ctx.now.getTime()) return { replies: expiredButtonMessages() };
        let areaIds: number[] = JSON.parse(inv.areaIds);
        if (inv.layer === 1) areaIds = (await ctx.deps.db.area.findMany({ where: { kind: "area" }, select: { id: true } })).map((a) => a.id);
        for (const areaId of areaIds) {
          await ctx.deps.db.councilMember.upsert({ where: { userId_areaId: { userId: ctx.user.id, areaId } }, create: { userId: ctx.user.id, areaId }, update: {} });
        }
        const names = (await ctx.deps.db.area.findMany({ where: { id: { in: areaIds } } })).map((a) => a.name);
        return { replies: m.councilJoinedMessages(inv.layer === 1 ? "第1層" : names.join("、")) };
      },
    },
  ],
  intents: {
    meeting_list: async (ctx) => ({ replies: m.listMessages(await upcomingFor(ctx), ctx.deps.config.timeZone) }),
    meeting_rsvp: async (ctx, route) => {
      const next = (await upcomingFor(ctx)).find((i) => !i.sc);
      if (!next || route.slots.attending === undefined) return { replies: m.noMeetingForRsvpMessages() };
      return rsvp(ctx, next.meeting.id, route.slots.attending);
    },
  },
  postbacks: {
    "mtg.rsvp": (ctx, p) => rsvp(ctx, Number(p.m), p.a === "1"),
    "mtg.attendance": async (ctx, p) => {
      const meeting = await managed(ctx, Number(p.m));
      if (!meeting) return { replies: expiredButtonMessages() };
      const rows = await ctx.deps.db.meetingAttendee.findMany({ where: { meetingId: meeting.id }, include: { user: { include: { volunteer: true } } } });
      const named = [];
      for (const r of rows) named.push({ name: r.user.volunteer?.displayName ?? (await ctx.deps.line.displayName(r.user.lineUserId)) ?? `利用者${r.user.id}`, response: r.response });
      return { replies: m.attendanceMessages(meeting, ctx.deps.config.timeZone, named) };
    },
    "mtg.reschedule": async (ctx, p) => {
      const meeting = await managed(ctx, Number(p.m));
      if (!meeting) return { replies: expiredButtonMessages() };
      return { replies: m.askWhenMessages(), state: { flow: RESCHEDULE, step: "when", data: { m: meeting.id } } };
    },
    "mtg.plan": async (ctx, p) => {
      const meeting = await managed(ctx, Number(p.m));
      if (!meeting) return { replies: expiredButtonMessages() };
      return { replies: m.askPlanMessages(meeting.id, PLAN_PRESETS) };
    },
    "mtg.plan_set": async (ctx, p) => {
      const meeting = await managed(ctx, Number(p.m));
      const preset = PLAN_PRESETS[p.p ?? ""];
      if (!meeting || !preset || meeting.status === "cancelled") return { replies: expiredButtonMessages() };
      const updated = await setReminderPlan(ctx.deps.db, meeting.id, preset.plan, ctx.deps.config.timeZone);
      await audit(ctx.deps.db, ctx.user.id, "meeting.plan", { meeting: meeting.id, plan: p.p });
      return { replies: m.planSetMessages(updated, preset.label), after: () => ctx.deps.jobs.kick() };
    },
    "mtg.cancel": async (ctx, p) => {
      const meeting = await managed(ctx, Number(p.m));
      if (!meeting) return { replies: expiredButtonMessages() };
      return { replies: m.confirmCancelMessages(meeting, ctx.deps.config.timeZone) };
    },
    "mtg.cancel_ok": async (ctx, p) => {
      const meeting = await managed(ctx, Number(p.m));
      if (!meeting || meeting.status === "cancelled") return { replies: expiredButtonMessages() };
      const cancelled = await cancelMeeting(ctx.deps.db, meeting.id);
      const n = await notifyAttendees(ctx, meeting.id, m.cancelledMessages(cancelled, ctx.deps.config.timeZone));
      await audit(ctx.deps.db, ctx.user.id, "meeting.cancel", { meeting: meeting.id });
      return { replies: m.cancelDoneMessages(cancelled, n), state: null };
    },
  },
  flows: {
    [CREATE]: createStep,
    [RESCHEDULE]: async (ctx, input, s) => {
      if (input.kind !== "text") return null;
      const meeting = await managed(ctx, Number(s.data.m));
      if (!meeting) return { replies: expiredButtonMessages(), state: null };
      const tz = ctx.deps.config.timeZone;
      const p = parseDateTimePhrase(input.text, ctx.now, tz);
      if (!p) return { replies: m.whenNotUnderstoodMessages(), state: s };
      if (p.start.getTime() <= ctx.now.getTime()) return { replies: m.pastMessages(), state: s };
      const updated = await rescheduleMeeting(ctx.deps.db, meeting.id, p.start, p.end ?? null, tz);
      const n = await notifyAttendees(ctx, meeting.id, m.changedMessages(updated, tz));
      await audit(ctx.deps.db, ctx.user.id, "meeting.reschedule", { meeting: meeting.id });
      return { replies: m.rescheduledMessages(updated, tz, n), state: null, after: () => ctx.deps.jobs.kick() };
    },
  },
};
