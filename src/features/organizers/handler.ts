import { type Feature, type FlowState, type Turn, type TurnContext } from "../../conversation/types.js";
import { createRecruitNote, decideRecruitNote, markChecksAnswered, recruitNoteById, resourceById } from "../../data/organizers.js";
import { userById } from "../../data/users.js";
import { readDateTimePhrase, exampleDay } from "../../schedule/phrase.js";
import { daysInMonth, isoDate, zonedInstant, zonedParts } from "../../schedule/time.js";
import { nextOccurrences } from "../../schedule/occurrences.js";
import { hasRole } from "../../users/service.js";
import { maskPersonal } from "../../util/mask.js";
import { firstChars } from "../../util/chars.js";
import { resolveRecipients } from "../broadcasts/audience.js";
import { createBroadcast } from "../broadcasts/service.js";
import { scScope, scsForArea } from "../roles/service.js";
import { expiredButtonMessages } from "../welcome/messages.js";
import { resourceHits } from "../search/service.js";
import { text } from "../../line/messages.js";
import { organizerTexts as t, scOrganizerTexts as sct } from "./messages.js";
import { applyChange, claimOrganizerInvitation, createOrganizerInvitation, isOrganizerOf, organizedResources, resourcesForSc, ruleOf } from "./service.js";

/**
 * Organisers' side: claim an invitation, answer the monthly check, change
 * their activity at any time, ask their SC, send a recruiting note for
 * approval. SCs' side: invite organisers, approve recruiting notes.
 */

const CLOSED = "orgclosed" as const;
const MOVE = "orgmove" as const;
const ASK = "orgask" as const;
const RECRUIT = "orgrecruit" as const;
const INVITE = "orginv" as const;
const END = "orgend" as const;
/** Kept after a monthly check: a reply in words goes to the SC instead of being lost. */
export const REPLY_FLOW = "orgreply" as const;

type FoundResource = { id: number; name: string; areaName: string | null };

declare module "../../conversation/types.js" {
  interface FlowStates {
    /** Picking the days activity `r` is off (ISO dates). */
    orgclosed: { flow: typeof CLOSED; step: "pick"; data: { r: number; chosen: string[] } };
    /** Moving one day of activity `r`: which day, then to when. */
    orgmove: { flow: typeof MOVE; step: "from"; data: { r: number } } | { flow: typeof MOVE; step: "to"; data: { r: number; from: string } };
    /** A question for the SC about activity `r`. */
    orgask: { flow: typeof ASK; step: "text"; data: { r: number } };
    /** A recruiting note of kind `k` for activity `r`, for the SC to approve. */
    orgrecruit: { flow: typeof RECRUIT; step: "text"; data: { r: number; k: string } };
    /** Confirming that activity `r` ends (answered by its buttons). */
    orgend: { flow: typeof END; step: "confirm"; data: { r: number } };
    /** After a monthly check about activity `r`: words in reply go to the SC. */
    orgreply: { flow: typeof REPLY_FLOW; step: "context"; data: { r: number } };
    /** An SC choosing the activities an organiser invitation covers. */
    orginv: { flow: typeof INVITE; step: "name" | "pick"; data: { chosen: number[]; found?: FoundResource[] } };
  }
}

async function ownResource(ctx: TurnContext, raw: string | undefined) {
  const id = Number(raw);
  if (!Number.isInteger(id) || !(await isOrganizerOf(ctx.deps.db, ctx.user.id, id))) return null;
  return resourceById(ctx.deps.db, id);
}

/** Upcoming dates to choose from: the rest of this month and the next (exceptions applied). */
function upcoming(ctx: TurnContext, r: { scheduleRule: string | null }) {
  const rule = ruleOf(r);
  if (!rule) return [];
  const p = zonedParts(ctx.now, ctx.deps.config.timeZone);
  const endOfNext = p.m === 12 ? { y: p.y + 1, m: 1 } : { y: p.y, m: p.m + 1 };
  const horizon = Math.round((zonedInstant({ ...endOfNext, d: daysInMonth(endOfNext.y, endOfNext.m) }, 23, 59, ctx.deps.config.timeZone).getTime() - ctx.now.getTime()) / 86_400_000);
  return nextOccurrences(rule, ctx.now, ctx.deps.config.timeZone, 12, Math.max(1, horizon));
}

async function tellScs(ctx: TurnContext, areaId: number | null, messages: Turn["replies"]): Promise<number> {
  const scs = await scsForArea(ctx.deps.db, areaId);
  for (const sc of scs) if (sc.following) await ctx.deps.line.push(sc.lineUserId, messages);
  return scs.length;
}

async function afterAnswer(ctx: TurnContext, resourceId: number) {
  await markChecksAnswered(ctx.deps.db, resourceId, ctx.user.id, ctx.now);
}

const withResource =
  (act: (ctx: TurnContext, r: NonNullable<Awaited<ReturnType<typeof ownResource>>>, p: Record<string, string>, state?: FlowState) => Promise<Turn>) =>
  async (ctx: TurnContext, p: Record<string, string>): Promise<Turn> => {
    const r = await ownResource(ctx, p.r);
    return r ? act(ctx, r, p) : { replies: expiredButtonMessages() };
  };

export const organizersFeature: Feature = {
  name: "organizers",
  commands: [
    {
      pattern: /^主催者\s*登録\s*[:：]?\s*([a-z0-9]{4,20})$/,
      handle: async (ctx, m) => {
        const res = await claimOrganizerInvitation(ctx.deps.db, ctx.user, m[1], ctx.now);
        return { replies: res.ok ? t.joined(res.resources.map((r) => r.name)) : t.badCode() };
      },
    },
    {
      pattern: /^(主催者の?招待|主催者を招待したい|主催者の?登録コード)$/,
      handle: async (ctx) => {
        if (!hasRole(ctx.user, "sc")) return null;
        return { replies: sct.askResource(), state: { flow: INVITE, step: "name", data: { chosen: [] } } };
      },
    },
    {
      // 私の活動: the organiser's listings exactly as residents see them.
      pattern: /^(私|わたし|自分)の(活動|サロン|教室|かつどう)(を見たい|を見せて|をみたい|は)?$|^主催(している|の)活動/,
      handle: async (ctx) => {
        const mine = await organizedResources(ctx.deps.db, ctx.user.id);
        if (mine.length === 0) return null;
        const hits = await resourceHits(ctx.deps.db, mine.map((r) => r.id), { now: ctx.now, timeZone: ctx.deps.config.timeZone, viewer: "resident" });
        return { replies: t.listings(hits) };
      },
    },
    {
      // 予定を変えたい, 日程を変更したい: only for someone who organises something.
      pattern: /(予定|日程|よてい|にってい|開催日|活動).{0,6}(変え|変更|かえ|へんこう|やすみ|休み|中止)/,
      handle: async (ctx) => {
        const mine = await organizedResources(ctx.deps.db, ctx.user.id);
        if (mine.length === 0) return null;
        if (mine.length === 1) return { replies: t.whatToChange(mine[0].name, mine[0].id, mine[0].status === "paused") };
        return { replies: t.pickResource(mine, "org.menu", "どの活動ですか？") };
      },
    },
  ],
  postbacks: {
    "org.menu": withResource(async (_ctx, r) => ({ replies: t.whatToChange(r.name, r.id, r.status === "paused") })),
    "org.ok": withResource(async (ctx, r) => {
      await applyChange(ctx.deps.db, r.id, { kind: "confirm" }, ctx.user.id, ctx.now);
      await afterAnswer(ctx, r.id);
      return { replies: t.thanks(r.name) };
    }),
    "org.closed": withResource(async (ctx, r) => {
      const dates = upcoming(ctx, r);
      if (!dates.length) return { replies: t.noDates() };
      return { replies: t.pickClosed(r.name, dates, [], r.id), state: { flow: CLOSED, step: "pick", data: { r: r.id, chosen: [] } } };
    }),
    "org.moved": withResource(async (ctx, r) => {
      const dates = upcoming(ctx, r);
      if (!dates.length) return { replies: t.noDates() };
      return { replies: t.pickMoved(r.name, dates, r.id), state: { flow: MOVE, step: "from", data: { r: r.id } } };
    }),
    "org.pause": withResource(async (ctx, r) => {
      const tz = ctx.deps.config.timeZone;
      const p = zonedParts(ctx.now, tz);
      const monthEnd = (add: number) => {
        const m0 = p.m - 1 + add;
        const y = p.y + Math.floor(m0 / 12);
        const m = (m0 % 12) + 1;
        return isoDate({ y, m, d: daysInMonth(y, m) });
      };
      return { replies: t.askPause(r.name, r.id, [
        { label: "今月いっぱい", iso: monthEnd(0) },
        { label: "来月いっぱい", iso: monthEnd(1) },
        { label: "3か月ほど", iso: monthEnd(3) },
      ]) };
    }),
    "org.pause_until": withResource(async (ctx, r, p) => {
      const until = p.u ?? "";
      if (until && !/^\d{4}-\d{2}-\d{2}$/.test(until)) return { replies: expiredButtonMessages() };
      await applyChange(ctx.deps.db, r.id, { kind: "pause", until }, ctx.user.id, ctx.now);
      await afterAnswer(ctx, r.id);
      return { replies: t.pauseSaved(r.name, until), state: null };
    }),
    "org.resume": withResource(async (ctx, r) => {
      await applyChange(ctx.deps.db, r.id, { kind: "resume" }, ctx.user.id, ctx.now);
      await afterAnswer(ctx, r.id);
      return { replies: t.resumed(r.name), after: () => ctx.deps.jobs.kick() };
    }),
    "org.end": withResource(async (_ctx, r) => ({ replies: t.confirmEnd(r.name, r.id), state: { flow: END, step: "confirm", data: { r: r.id } } })),
    "org.end_yes": withResource(async (ctx, r) => {
      await applyChange(ctx.deps.db, r.id, { kind: "end" }, ctx.user.id, ctx.now);
      await afterAnswer(ctx, r.id);
      return { replies: t.ended(r.name), state: null };
    }),
    "org.ask": withResource(async (_ctx, r) => ({ replies: t.askQuestion(), state: { flow: ASK, step: "text", data: { r: r.id } } })),
    "org.recruit": withResource(async (_ctx, r, p) => {
      const kind = p.k === "helpers" ? "helpers" : "participants";
      return { replies: t.askRecruit(kind), state: { flow: RECRUIT, step: "text", data: { r: r.id, k: kind } } };
    }),
    // An SC approves or declines a recruiting note of their area.
    "recruit.ok": (ctx, p) => decideRecruit(ctx, Number(p.n), true),
    "recruit.no": (ctx, p) => decideRecruit(ctx, Number(p.n), false),
  },
  cancelled: { orgend: () => [text("終了しませんでした。これまでどおり一覧に載せます。")] },
  flows: {
    [CLOSED]: async (ctx, input, state) => {
      if (input.kind !== "postback") return null;
      const data = state.data;
      const r = await ownResource(ctx, String(data.r));
      if (!r) return { replies: expiredButtonMessages(), state: null };
      if (input.postback.action === "org.closed_day" && /^\d{4}-\d{2}-\d{2}$/.test(input.postback.params.d ?? "")) {
        const d = input.postback.params.d;
        const chosen = data.chosen.includes(d) ? data.chosen.filter((x) => x !== d) : [...data.chosen, d].sort();
        return { replies: t.pickClosed(r.name, upcoming(ctx, r), chosen, r.id), state: { ...state, data: { ...data, chosen } } };
      }
      if (input.postback.action === "org.closed_done" && data.chosen.length) {
        await applyChange(ctx.deps.db, r.id, { kind: "closed", dates: data.chosen }, ctx.user.id, ctx.now);
        await afterAnswer(ctx, r.id);
        return { replies: t.closedSaved(r.name, data.chosen), state: null };
      }
      return null;
    },
    [MOVE]: async (ctx, input, state) => {
      const data = state.data;
      const r = await ownResource(ctx, String(data.r));
      if (!r) return { replies: expiredButtonMessages(), state: null };
      const tz = ctx.deps.config.timeZone;
      const example = exampleDay(ctx.now, tz, 10);
      if (input.kind === "postback" && input.postback.action === "org.moved_from" && /^\d{4}-\d{2}-\d{2}$/.test(input.postback.params.d ?? "")) {
        return { replies: t.askMovedTo(input.postback.params.d, example), state: { flow: MOVE, step: "to", data: { r: data.r, from: input.postback.params.d } } };
      }
      if (state.step === "to" && input.kind === "text") {
        const { from } = state.data;
        const reading = readDateTimePhrase(input.text, ctx.now, tz);
        if (!reading) return { replies: t.movedNotUnderstood(example), state };
        const to = isoDate(reading.date);
        await applyChange(ctx.deps.db, r.id, { kind: "moved", from, to }, ctx.user.id, ctx.now);
        await afterAnswer(ctx, r.id);
        return { replies: t.movedSaved(r.name, from, to), state: null };
      }
      return null;
    },
    orgend: async () => null,
    [ASK]: async (ctx, input, state) => {
      if (input.kind !== "text" || !input.text.trim()) return null;
      const r = await ownResource(ctx, String(state.data.r));
      if (!r) return { replies: expiredButtonMessages(), state: null };
      await tellScs(ctx, r.areaId, sct.organizerSays(r.name, firstChars(maskPersonal(input.text.trim()), 400)));
      return { replies: t.passedOn(), state: null };
    },
    [RECRUIT]: async (ctx, input, state) => {
      if (input.kind !== "text" || !input.text.trim()) return null;
      const data = state.data;
      const r = await ownResource(ctx, String(data.r));
      if (!r) return { replies: expiredButtonMessages(), state: null };
      const words = firstChars(maskPersonal(input.text.trim()), 200);
      const note = await createRecruitNote(ctx.deps.db, ctx.user.id, r.id, data.k, words);
      await tellScs(ctx, r.areaId, sct.recruitRequest(note.id, r.name, data.k, words));
      return { replies: t.recruitQueued(), state: null };
    },
    // After a monthly check: buttons are handled as usual; a reply in words goes to the area's SCs.
    [REPLY_FLOW]: async (ctx, input, state) => {
      if (input.kind !== "text") return null;
      // Only what the bot cannot place: a request, a greeting or 使い方 is answered as usual.
      if (input.route.intent !== "unknown" && !input.route.learned) return null;
      const r = await ownResource(ctx, String(state.data.r));
      if (!r) return null;
      await tellScs(ctx, r.areaId, sct.organizerSays(r.name, firstChars(maskPersonal(input.text.trim()), 400)));
      return { replies: t.passedOn(), state: null };
    },
    [INVITE]: async (ctx, input, state) => {
      if (!hasRole(ctx.user, "sc")) return { replies: expiredButtonMessages(), state: null };
      const data = state.data;
      if (input.kind === "text") {
        const found = await resourcesForSc(ctx.deps.db, ctx.user.id, input.text.trim().slice(0, 40));
        if (!found.length) return { replies: sct.noResource(), state };
        const list = found.map((r) => ({ id: r.id, name: r.name, areaName: null }));
        return { replies: sct.pick(list, data.chosen), state: { ...state, step: "pick", data: { ...data, found: list } } };
      }
      if (input.kind === "postback" && input.postback.action === "orginv.pick") {
        const id = Number(input.postback.params.r);
        if (!data.found?.some((f) => f.id === id)) return { replies: expiredButtonMessages(), state };
        const chosen = data.chosen.includes(id) ? data.chosen.filter((x) => x !== id) : [...data.chosen, id];
        return { replies: sct.pick(data.found, chosen), state: { ...state, data: { ...data, chosen } } };
      }
      if (input.kind === "postback" && input.postback.action === "orginv.done" && data.chosen.length) {
        const inv = await createOrganizerInvitation(ctx.deps.db, { resourceIds: data.chosen, createdBy: ctx.user.id, now: ctx.now });
        const names = (data.found ?? []).filter((f) => data.chosen.includes(f.id)).map((f) => f.name);
        return { replies: sct.code(inv.code, names), state: null };
      }
      return null;
    },
  },
};

async function decideRecruit(ctx: TurnContext, id: number, approve: boolean): Promise<Turn> {
  if (!hasRole(ctx.user, "sc") || !Number.isInteger(id)) return { replies: expiredButtonMessages() };
  const note = await recruitNoteById(ctx.deps.db, id);
  const resource = note ? await resourceById(ctx.deps.db, note.resourceId) : null;
  if (!note || !resource || note.status !== "pending") return { replies: sct.recruitGone() };
  const scope = await scScope(ctx.deps.db, ctx.user.id);
  if (!scope.layer1 && (resource.areaId === null || !scope.areaIds.includes(resource.areaId))) return { replies: expiredButtonMessages() };
  // Claimed once: a second SC's tap finds it decided.
  if (!(await decideRecruitNote(ctx.deps.db, id, approve, ctx.user.id, ctx.now))) return { replies: sct.recruitGone() };
  const organizer = note.userId ? await userById(ctx.deps.db, note.userId) : null;
  if (!approve) {
    if (organizer?.following) await ctx.deps.line.push(organizer.lineUserId, t.recruitDeclined());
    return { replies: sct.recruitDropped() };
  }
  const role = note.kind === "helpers" ? "volunteers" : "residents";
  const audience = { role, areaIds: resource.areaId ? [resource.areaId] : scope.areaIds, label: resource.name } as const;
  const recipients = await resolveRecipients(ctx.deps.db, audience);
  const heading = note.kind === "helpers" ? "お手伝い募集" : "参加者募集";
  await createBroadcast(ctx.deps.db, { createdBy: ctx.user.id, audience, messages: [text(`【${heading}】${resource.name}\n${note.text}`)], recipients, urgent: false, sendAt: ctx.now });
  if (organizer?.following) await ctx.deps.line.push(organizer.lineUserId, t.recruitSent(recipients.length));
  return { replies: sct.recruitDone(recipients.length), after: () => ctx.deps.jobs.kick() };
}

