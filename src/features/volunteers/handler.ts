import { confirmAnswer, yesNo } from "../../conversation/answers.js";
import { areasByIds } from "../../data/areas.js";
import type { Feature, Input, StateOf, Turn, TurnContext } from "../../conversation/types.js";
import { normalize } from "../../nlu/normalize.js";
import { addDays, formatDateJa, parseIsoDate, zonedInstant, zonedParts, type PlainDate } from "../../schedule/time.js";

import { areasMentioned } from "../areas/mentions.js";
import { blocksWithAreas } from "../areas/service.js";
import { expiredButtonMessages } from "../welcome/messages.js";
import * as m from "./messages.js";
import { cleanName, describeSlots, parseJsonArray, skillsInText, SKILLS, type Slot } from "./model.js";
import { isPaused, saveVolunteer, setAvailability, setPause, volunteerOf, withdrawVolunteer, type VolunteerDraft } from "./service.js";
import { longerThan } from "../../util/chars.js";

const REG = "vreg" as const;
const AVAIL = "vavail" as const;
const WITHDRAW = "vwd" as const;
type Step = "consent" | "name" | "areas" | "skills" | "times" | "phone" | "confirm";
interface RegData {
  draft: VolunteerDraft;
  edit?: boolean;
}
/** A change of availability waiting for the volunteer's yes. */
type AvailabilityChange = { kind: "pause"; from: string; until: string | null } | { kind: "slots"; slots: Slot[] } | { kind: "resume" };

declare module "../../conversation/types.js" {
  interface FlowStates {
    /** Registering (or changing, with `edit`) as a volunteer, one question per step. */
    vreg: { flow: typeof REG; step: Step; data: RegData };
    vavail: { flow: typeof AVAIL; step: "confirm"; data: { change: AvailabilityChange; volunteerId: number } };
    vwd: { flow: typeof WITHDRAW; step: "confirm"; data: Record<string, never> };
  }
}

const PHONE = /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/;

function emptyDraft(): VolunteerDraft {
  return { displayName: "", areaIds: [], skills: [], availability: [], phone: null };
}

async function areaNames(ctx: TurnContext, ids: number[]): Promise<string[]> {
  const rows = await areasByIds(ctx.deps.db, ids);
  return rows.map((a) => a.name);
}

/** Asks the question of a step and remembers where the user is. */
async function ask(ctx: TurnContext, step: Step, data: RegData): Promise<Turn> {
  const state: StateOf<typeof REG> = { flow: REG, step, data };
  switch (step) {
    case "consent":
      return { replies: m.consentMessages(), state };
    case "name":
      return { replies: m.askNameMessages(await ctx.deps.line.displayName(ctx.lineUserId)), state };
    case "areas":
      return { replies: m.askAreasMessages(await areaNames(ctx, data.draft.areaIds), await blocksWithAreas(ctx.deps.db)), state };
    case "skills":
      return { replies: m.askSkillsMessages(data.draft.skills), state };
    case "times":
      return { replies: m.askTimesMessages(), state };
    case "phone":
      return { replies: m.askPhoneMessages(), state };
    case "confirm":
      return { replies: m.confirmMessages(data.draft, await areaNames(ctx, data.draft.areaIds)), state };
  }
}

/** After a step: the next one, or straight to the summary when editing one field. */
function next(step: Step, data: RegData): Step {
  if (data.edit) return "confirm";
  // The days and times said with the wish to register (土曜の午前なら…参加したい) are not asked again;
  // the summary shows them, and 直す changes them.
  const order: Step[] = ["consent", "name", "areas", "skills", "times", "phone", "confirm"];
  const following = order[order.indexOf(step) + 1] ?? "confirm";
  return following === "times" && data.draft.availability.length ? "phone" : following;
}

function slotsFromText(input: Extract<Input, { kind: "text" }>): Slot[] | null {
  const t = normalize(input.text);
  if (/いつでも|毎日|何曜日でも|なんでも/.test(t)) return [{ weekdays: [0, 1, 2, 3, 4, 5, 6], timeOfDay: input.route.slots.timeOfDay }];
  const { weekdays, timeOfDay } = input.route.slots;
  if (weekdays?.length) return [{ weekdays, timeOfDay }];
  if (timeOfDay) return [{ weekdays: [0, 1, 2, 3, 4, 5, 6], timeOfDay }];
  return null;
}

/** 電話はありません, 登録しません, なし: no phone number, said in words. */
const NO_PHONE = /(ない|無い|ありません|なし|無し|いらない|要らない|不要|結構|けっこう|しません|しない|持って(い)?ません|もって(い)?ません)/;

/** Requests that are never an answer to a registration question (わからない, ありがとう are answers or asides, and stay). */
const OTHER_REQUESTS = new Set(["find_place", "find_service", "find_consultation", "request_help", "delete_my_data", "meeting_list", "meeting_create", "needs_report", "broadcast"]);

/** A typed message that is clearly a request of its own (認知症カフェはどこ), not an answer to the question asked. */
function otherRequest(input: Extract<Input, { kind: "text" }>): boolean {
  return OTHER_REQUESTS.has(input.route.intent) && !input.route.learned;
}

async function registration(ctx: TurnContext, input: Input, state: StateOf<typeof REG>): Promise<Turn | null> {
  const data = state.data;
  const step = state.step;
  const d = data.draft;
  const pb = input.kind === "postback" ? input.postback : null;
  const text = input.kind === "text" ? input.text.trim() : "";
  const advance = (s: Step) => ask(ctx, next(s, data), data);

  // ボランティアをやめたい before the registration is finished: the registration stops, nothing is kept.
  // (A registered volunteer changing one answer is handed to the withdrawal itself.)
  if (input.kind === "text" && input.route.intent === "volunteer_withdraw" && !input.route.learned) return data.edit ? null : { replies: m.registrationStoppedMessages(), state: null };

  switch (step) {
    case "consent":
      if (pb?.action === "vreg.consent" || (input.kind === "text" && yesNo(text) === "yes")) return advance("consent");
      // A name or anything else the router cannot place, typed before agreeing: ask for the agreement again, nothing is kept.
      if (input.kind === "text" && input.route.intent === "unknown" && yesNo(text) !== "no") return { replies: m.consentFirstMessages(), state };
      return null;
    case "name":
      if (pb?.action === "vreg.name" && pb.params.n) d.displayName = pb.params.n.slice(0, 40);
      else if (input.kind === "text" && text && !longerThan(text, 60) && cleanName(text)) d.displayName = cleanName(text)!;
      else return null;
      return advance("name");
    case "areas": {
      if (pb?.action === "area.pick") {
        const id = Number(pb.params.a);
        d.areaIds = d.areaIds.includes(id) ? d.areaIds.filter((x) => x !== id) : [...d.areaIds, id];
        return ask(ctx, "areas", data);
      }
      if (pb?.action === "vreg.areas_done" && d.areaIds.length) return advance("areas");
      if (input.kind === "text") {
        const found = await areasMentioned(ctx.deps.db, text);
        if (!found.length) return otherRequest(input) ? null : ask(ctx, "areas", data);
        for (const a of found) if (!d.areaIds.includes(a.id)) d.areaIds.push(a.id);
        return ask(ctx, "areas", data);
      }
      return null;
    }
    case "skills": {
      if (pb?.action === "vreg.skill" && SKILLS.some((s) => s.key === pb.params.s)) {
        d.skills = d.skills.includes(pb.params.s) ? d.skills.filter((x) => x !== pb.params.s) : [...d.skills, pb.params.s];
        return ask(ctx, "skills", data);
      }
      if (pb?.action === "vreg.skills_done" && d.skills.length) return advance("skills");
      if (input.kind === "text") {
        // 買い物と電球の交換ならできます: a typed answer names the skills, and that is the answer.
        const found = skillsInText(text);
        if (!found.length) {
          // Skills already chosen with the buttons, and the next answer typed (火曜の午前): the skills are done.
          const slots = d.skills.length && !data.edit ? slotsFromText(input) : null;
          if (slots) {
            d.availability = slots;
            return advance("times");
          }
          // A request of its own (サロンをさがしたい) leaves the registration; unclear words are asked again.
          if (otherRequest(input)) return null;
          return { replies: [...m.skillsNotUnderstoodMessages(), ...(await ask(ctx, "skills", data)).replies], state };
        }
        for (const k of found) if (!d.skills.includes(k)) d.skills.push(k);
        return advance("skills");
      }
      return null;
    }
    case "times": {
      if (input.kind !== "text") return null;
      const slots = slotsFromText(input);
      if (!slots) return otherRequest(input) ? null : { replies: m.timesNotUnderstoodMessages(), state };
      d.availability = slots;
      return advance("times");
    }
    case "phone": {
      if (pb?.action === "vreg.phone") d.phone = null;
      else if (input.kind === "text" && NO_PHONE.test(normalize(text)) && !/\d/.test(normalize(text))) d.phone = null;
      else if (input.kind === "text") {
        const p = normalize(text).replace(/[ー‐−]/g, "-").replace(/\s/g, "");
        if (!PHONE.test(p)) return otherRequest(input) ? null : { replies: m.phoneNotUnderstoodMessages(), state };
        d.phone = p;
      } else return null;
      return advance("phone");
    }
    case "confirm":
      // 直す: which part, then that step alone and back to this summary.
      if (pb?.action === "vreg.fix" || (input.kind === "text" && FIX.test(normalize(text)))) return { replies: m.fixWhichMessages(), state };
      if (pb?.action === "vreg.edit") {
        const target = ({ areas: "areas", skills: "skills", times: "times", phone: "phone", name: "name" } as Record<string, Step>)[pb.params.f];
        if (!target) return { replies: expiredButtonMessages(), state };
        return ask(ctx, target, { ...data, edit: true });
      }
      if (pb?.action === "vreg.save" || (input.kind === "text" && yesNo(text) === "yes")) {
        await saveVolunteer(ctx.deps.db, ctx.user, d, ctx.now);
        return { replies: m.registeredMessages(), state: null };
      }
      return null;
  }
}

async function draftOf(ctx: TurnContext): Promise<VolunteerDraft | null> {
  const v = await volunteerOf(ctx.deps.db, ctx.user.id);
  if (!v || v.status !== "active") return null;
  return {
    displayName: v.displayName ?? "",
    areaIds: v.areas.map((a) => a.areaId),
    skills: parseJsonArray<string>(v.skills),
    availability: parseJsonArray<Slot>(v.availability),
    phone: v.phone,
  };
}

function dayStart(d: PlainDate, tz: string): Date {
  return zonedInstant(d, 0, 0, tz);
}
function dayEnd(d: PlainDate, tz: string): Date {
  return new Date(zonedInstant(addDays(d, 1), 0, 0, tz).getTime() - 1);
}

// Said in kanji or in kana: お休み / おやすみ, 都合が悪い / つごうがわるい, 当分 / とうぶん.
const FIX = /^(直|なお|修正|しゅうせい|訂正|ていせい|変更|へんこう|変え|かえ|間違|まちが)/;

const PAUSE = /休|やすみ|やすま|やすむ|できません|できない|出来ない|行けません|いけません|行けない|いけない|無理|むり|都合が悪|つごうがわる|手伝えません|手伝えない|てつだえ(?:ない|ません)|当分|とうぶん|しばらく/;

export const volunteersFeature: Feature = {
  name: "volunteers",
  intents: {
    volunteer_register: async (ctx, route) => {
      if (await draftOf(ctx)) return { replies: m.alreadyVolunteerMessages() };
      const draft = emptyDraft();
      const { weekdays, timeOfDay } = route.slots;
      if (weekdays?.length || timeOfDay) draft.availability = [{ weekdays: weekdays?.length ? weekdays : [0, 1, 2, 3, 4, 5, 6], timeOfDay }];
      return ask(ctx, "consent", { draft });
    },
    volunteer_profile: async (ctx) => {
      const d = await draftOf(ctx);
      if (!d) return { replies: m.notVolunteerMessages() };
      const v = (await volunteerOf(ctx.deps.db, ctx.user.id))!;
      const tz = ctx.deps.config.timeZone;
      const pause = v.pausedFrom
        ? `${formatDateJa(zonedParts(v.pausedFrom, tz))}から${v.pausedUntil ? formatDateJa(zonedParts(v.pausedUntil, tz)) + "まで" : "（再開のご連絡まで）"}`
        : null;
      return { replies: m.profileMessages(d, await areaNames(ctx, d.areaIds), pause) };
    },
    volunteer_availability: async (ctx, route) => {
      const v = await volunteerOf(ctx.deps.db, ctx.user.id);
      if (!v || v.status !== "active") return { replies: m.notVolunteerMessages() };
      const tz = ctx.deps.config.timeZone;
      const today = zonedParts(ctx.now, tz);
      const t = route.normalized;
      let change: AvailabilityChange;
      let description: string;
      if (PAUSE.test(t) && !route.slots.weekdays?.length) {
        const from = (route.slots.date && parseIsoDate(route.slots.date)) || today;
        const to = route.slots.dateTo ? parseIsoDate(route.slots.dateTo) : route.slots.date ? from : null;
        change = { kind: "pause", from: dayStart(from, tz).toISOString(), until: to ? dayEnd(to, tz).toISOString() : null };
        description = to ? `${formatDateJa(from)}から${formatDateJa(to)}までお休み` : `${formatDateJa(from)}からお休み（再開のご連絡まで）`;
      } else if (route.slots.weekdays?.length || route.slots.timeOfDay) {
        const slots: Slot[] = [{ weekdays: route.slots.weekdays ?? [0, 1, 2, 3, 4, 5, 6], timeOfDay: route.slots.timeOfDay }];
        if (PAUSE.test(t)) {
          // 金曜日は都合が悪くなりました: take those days out of the weekly pattern.
          const current = parseJsonArray<Slot>(v.availability);
          const remaining = current.map((s) => ({ ...s, weekdays: s.weekdays.filter((d) => !slots[0].weekdays.includes(d)) })).filter((s) => s.weekdays.length);
          change = { kind: "slots", slots: remaining };
          description = `都合のよい日時：${describeSlots(remaining)}`;
        } else {
          change = { kind: "slots", slots };
          description = `都合のよい日時：${describeSlots(slots)}`;
        }
      } else if (isPaused(v, ctx.now) || v.pausedFrom) {
        change = { kind: "resume" };
        description = "お休みを終えて、活動を再開";
      } else {
        return { replies: m.askTimesMessages() };
      }
      return { replies: m.confirmAvailabilityMessages(description), state: { flow: AVAIL, step: "confirm", data: { change, volunteerId: v.id } } };
    },
    volunteer_withdraw: async (ctx) => {
      if (!(await draftOf(ctx))) return { replies: m.nothingToWithdrawMessages() };
      return { replies: m.confirmWithdrawMessages(), state: { flow: WITHDRAW, step: "confirm", data: {} } };
    },
  },
  postbacks: {
    "vprof.edit": async (ctx, params) => {
      const d = await draftOf(ctx);
      if (!d) return { replies: m.notVolunteerMessages() };
      const step = ({ areas: "areas", skills: "skills", times: "times", phone: "phone", name: "name" } as Record<string, Step>)[params.f];
      if (!step) return { replies: expiredButtonMessages() };
      if (step === "areas") d.areaIds = [];
      if (step === "skills") d.skills = [];
      return ask(ctx, step, { draft: d, edit: true });
    },
  },
  cancelled: { [WITHDRAW]: m.withdrawKeptMessages },
  flows: {
    [REG]: registration,
    [AVAIL]: async (ctx, input, state) => {
      const yes = (input.kind === "postback" && input.postback.action === "vavail.save") || (input.kind === "text" && yesNo(input.text) === "yes");
      if (!yes) return null;
      const { change, volunteerId } = state.data;
      if (change.kind === "pause") await setPause(ctx.deps.db, volunteerId, new Date(change.from), change.until ? new Date(change.until) : null);
      else if (change.kind === "slots") await setAvailability(ctx.deps.db, volunteerId, change.slots);
      else await setPause(ctx.deps.db, volunteerId, null, null);
      return { replies: m.availabilitySavedMessages(), state: null };
    },
    [WITHDRAW]: async (ctx, input) => {
      const answer = input.kind === "postback" ? (input.postback.action === "vwd.confirm" ? "yes" : null) : input.kind === "text" ? confirmAnswer(input.text, /^(登録を)?(消し?て|けして|消す|けす|削除|さくじょ)/) : null;
      if (answer === "no") return { replies: m.withdrawKeptMessages(), state: null };
      if (answer !== "yes") return null;
      await withdrawVolunteer(ctx.deps.db, ctx.user, ctx.now);
      return { replies: m.withdrawnMessages(), state: null };
    },
  },
};

