import type { Feature, Input, StateOf, Turn, TurnContext } from "../../conversation/types.js";
import { allAreaIds, areasByIds } from "../../data/areas.js";
import { areaById } from "../areas/service.js";
import { addPublicAttendee, attendeesWithUsers, createCouncilInvitation, invitationByCode, joinCouncil, meetingById, meetingWithAreas, upcomingAttendancesOf, upcomingManagedMeetings, upcomingPublicMeetings } from "../../data/meetings.js";
import { afternoon, instantsOf, readDateTimePhrase, type ParsedDateTime, type Times } from "../../schedule/phrase.js";
import { isoDate, parseIsoDate } from "../../schedule/time.js";
import { hasRole } from "../../users/service.js";
import { audit, newCode, scScope, INVITATION_TTL_MS } from "../roles/service.js";
import { expiredButtonMessages } from "../welcome/messages.js";
import * as m from "./messages.js";
import { PLAN_PRESETS } from "./plan.js";
import { attendeesWithNames, audienceUserIds, cancelMeeting, createMeeting, joinUpcomingMeetings, KINDS, rescheduleMeeting, setReminderPlan, setRsvp, type Audience } from "./service.js";
import { firstChars } from "../../util/chars.js";

const CREATE = "mtg" as const;
const RESCHEDULE = "mtgre" as const;
/** Registering a meeting: its kind, title, date and time, venue, who attends, then confirm. */
type CreateStep = "kind" | "title" | "when" | "venue" | "audience" | "confirm";

/** A date or time the bot asked back about (午前か午後か, or which day). */
interface PendingWhen {
  date: string;
  times: Times | null;
  /** The hour still needs 午前 or 午後 once the day is known. */
  ampm: boolean;
}

interface Draft {
  pending?: PendingWhen;
  kind?: string;
  title?: string;
  start?: string;
  end?: string;
  venue?: string;
  audience?: Audience;
}

declare module "../../conversation/types.js" {
  interface FlowStates {
    mtg: { flow: typeof CREATE; step: CreateStep; data: Draft };
    /** A new date and time for meeting `m`. */
    mtgre: { flow: typeof RESCHEDULE; step: "when"; data: { m: number; pending?: PendingWhen } };
  }
}

const st = (step: CreateStep, d: Draft): StateOf<typeof CREATE> => ({ flow: CREATE, step, data: d });

/** Meetings an SC may manage: created by them, or in their areas. */
async function managed(ctx: TurnContext, id: number) {
  if (!hasRole(ctx.user, "sc") || !Number.isInteger(id)) return null;
  const meeting = await meetingWithAreas(ctx.deps.db, id);
  if (!meeting) return null;
  const scope = await scScope(ctx.deps.db, ctx.user.id);
  const ok = meeting.createdBy === ctx.user.id || scope.layer1 || meeting.areas.some((a) => scope.areaIds.includes(a.areaId));
  return ok ? meeting : null;
}

async function notifyAttendees(ctx: TurnContext, meetingId: number, messages: Turn["replies"]): Promise<number> {
  const attendees = await attendeesWithUsers(ctx.deps.db, meetingId);
  let n = 0;
  for (const a of attendees) {
    if (!a.user.following) continue;
    await ctx.deps.line.push(a.user.lineUserId, messages);
    n++;
  }
  return n;
}

const PM_WORDS = /午後|ごご|夜|よる|夕方|ゆうがた|晩|pm/i;
const AM_WORDS = /午前|ごぜん|朝|あさ|am/i;

/**
 * The "when" of a meeting: a full date and time, or a question back — 午前か午後か
 * for a bare 6時, which day when the weekday written does not match the date.
 */
async function readWhen(ctx: TurnContext, input: Input, pending: PendingWhen | undefined): Promise<{ when: ParsedDateTime } | { replies: Turn["replies"]; pending?: PendingWhen } | null> {
  const tz = ctx.deps.config.timeZone;
  const decide = (date: string, times: Times | null, ampm: boolean): { when: ParsedDateTime } | { replies: Turn["replies"]; pending?: PendingWhen } => {
    const d = parseIsoDate(date);
    if (!d || !times) return { replies: m.whenNotUnderstoodMessages(ctx.now, tz) };
    if (ampm) return { replies: m.askAmPmMessages(d, times), pending: { date, times, ampm: true } };
    return { when: instantsOf(d, times, tz) };
  };
  if (input.kind === "postback") {
    const p = input.postback;
    if (p.action !== "mtg.when" || !pending) return null;
    const times: Times | null = /^\d{1,4}$/.test(p.params.s ?? "") ? { start: Number(p.params.s), ...(/^\d{1,4}$/.test(p.params.e ?? "") ? { end: Number(p.params.e) } : {}) } : pending.times;
    if (times && (times.start >= 1440 || (times.end ?? 0) > 1440)) return { replies: expiredButtonMessages() };
    return decide(p.params.d ?? pending.date, times, p.params.a === "1");
  }
  if (input.kind !== "text") return null;
  if (pending?.ampm && pending.times) {
    if (PM_WORDS.test(input.text)) return decide(pending.date, afternoon(pending.times), false);
    if (AM_WORDS.test(input.text) && !/\d/.test(input.text)) return decide(pending.date, pending.times, false);
  }
  const r = readDateTimePhrase(input.text, ctx.now, tz);
  if (!r || r.kind === "noTime") return { replies: m.whenNotUnderstoodMessages(ctx.now, tz) };
  if (r.kind === "weekday") {
    return { replies: m.whichDayMessages(r.date, r.sameWeek, r.written, r.times), pending: { date: isoDate(r.date), times: r.times, ampm: false } };
  }
  return decide(isoDate(r.date), r.times, r.kind === "ampm");
}

async function createStep(ctx: TurnContext, input: Input, s: StateOf<typeof CREATE>): Promise<Turn | null> {
  const d = s.data;
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
      return { replies: m.askWhenMessages(ctx.now, tz), state: st("when", d) };
    case "when": {
      const r = await readWhen(ctx, input, d.pending);
      if (!r) return null;
      if ("replies" in r) return { replies: r.replies, state: st("when", { ...d, pending: r.pending }) };
      const p = r.when;
      if (p.start.getTime() <= ctx.now.getTime()) return { replies: m.pastMessages(), state: st("when", { ...d, pending: undefined }) };
      d.start = p.start.toISOString();
      d.end = p.end?.toISOString();
      d.pending = undefined;
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
  const mine = await upcomingAttendancesOf(db, ctx.user.id, now);
  const items = mine.map((a) => ({ meeting: a.meeting, response: a.response, sc: false }));
  if (sc) {
    const scope = await scScope(db, ctx.user.id);
    const managedMeetings = await upcomingManagedMeetings(db, ctx.user.id, scope.areaIds, now);
    for (const mm of managedMeetings) if (!items.some((i) => i.meeting.id === mm.id)) items.push({ meeting: mm, response: null, sc: true });
  }
  // Residents also see public events of their area.
  if (ctx.user.homeAreaId) {
    const open = await upcomingPublicMeetings(db, ctx.user.homeAreaId, now);
    for (const o of open) if (!items.some((i) => i.meeting.id === o.id)) items.push({ meeting: o, response: null, sc: false });
  }
  return items.sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime());
}

async function rsvp(ctx: TurnContext, meetingId: number, attending: boolean): Promise<Turn> {
  const meeting = Number.isInteger(meetingId) ? await meetingById(ctx.deps.db, meetingId) : null;
  if (!meeting || meeting.status === "cancelled") return { replies: expiredButtonMessages() };
  let ok = await setRsvp(ctx.deps.db, meeting.id, ctx.user.id, attending, ctx.now);
  if (!ok && meeting.audience === "residents") {
    // Public events: anyone may answer.
    await addPublicAttendee(ctx.deps.db, meeting.id, ctx.user.id, attending, ctx.now);
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
        await createCouncilInvitation(ctx.deps.db, code, scope.layer1 ? 1 : 2, scope.layer1 ? [] : scope.areaIds, new Date(ctx.now.getTime() + INVITATION_TTL_MS));
        const area = areaId ? await areaById(ctx.deps.db, areaId) : null;
        return { replies: m.councilCodeMessages(code, scope.layer1 ? "第1層" : scope.areaIds.length > 1 ? "担当地域" : (area?.name ?? "")) };
      },
    },
    {
      pattern: /^協議体\s*参加\s*[:：]?\s*([a-z0-9]{4,20})$/,
      handle: async (ctx, match) => {
        const inv = await invitationByCode(ctx.deps.db, match[1].toUpperCase());
        if (!inv || inv.role !== "council" || inv.revokedAt || inv.expiresAt.getTime() <= ctx.now.getTime()) return { replies: expiredButtonMessages() };
        let areaIds: number[] = JSON.parse(inv.areaIds);
        if (inv.layer === 1) areaIds = await allAreaIds(ctx.deps.db);
        // The name the SC sees in LINE, kept so attendance lists and reports show it.
        const displayName = await ctx.deps.line.displayName(ctx.lineUserId).catch(() => null);
        for (const areaId of areaIds) {
          await joinCouncil(ctx.deps.db, ctx.user.id, areaId, displayName);
        }
        // Meetings registered before they joined remind them too.
        await joinUpcomingMeetings(ctx.deps.db, ctx.user.id, areaIds, ctx.now, ctx.deps.config.timeZone);
        const names = (await areasByIds(ctx.deps.db, areaIds)).map((a) => a.name);
        return { replies: m.councilJoinedMessages(inv.layer === 1 ? "第1層" : names.join("、")) };
      },
    },
  ],
  // Checked on the server: anyone else who writes this gets the resident answer.
  restricted: { meeting_create: ["sc"] },
  intents: {
    meeting_list: async (ctx) => ({ replies: m.listMessages(await upcomingFor(ctx), ctx.deps.config.timeZone, hasRole(ctx.user, "sc")) }),
    meeting_create: async () => ({ replies: m.askKindMessages(), state: st("kind", {}) }),
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
      const named = [];
      for (const r of await attendeesWithNames(ctx.deps.db, meeting.id)) named.push({ name: r.name ?? (await ctx.deps.line.displayName(r.lineUserId)) ?? m.UNNAMED, response: r.response });
      return { replies: m.attendanceMessages(meeting, ctx.deps.config.timeZone, named) };
    },
    "mtg.reschedule": async (ctx, p) => {
      const meeting = await managed(ctx, Number(p.m));
      if (!meeting) return { replies: expiredButtonMessages() };
      return { replies: m.askWhenMessages(ctx.now, ctx.deps.config.timeZone), state: { flow: RESCHEDULE, step: "when", data: { m: meeting.id } } };
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
      const meeting = await managed(ctx, Number(s.data.m));
      if (!meeting) return { replies: expiredButtonMessages(), state: null };
      const tz = ctx.deps.config.timeZone;
      const r = await readWhen(ctx, input, s.data.pending);
      if (!r) return null;
      if ("replies" in r) return { replies: r.replies, state: { ...s, data: { ...s.data, pending: r.pending } } };
      const p = r.when;
      if (p.start.getTime() <= ctx.now.getTime()) return { replies: m.pastMessages(), state: s };
      const updated = await rescheduleMeeting(ctx.deps.db, meeting.id, p.start, p.end ?? null, tz);
      const n = await notifyAttendees(ctx, meeting.id, m.changedMessages(updated, tz));
      await audit(ctx.deps.db, ctx.user.id, "meeting.reschedule", { meeting: meeting.id });
      return { replies: m.rescheduledMessages(updated, tz, n), state: null, after: () => ctx.deps.jobs.kick() };
    },
  },
};
