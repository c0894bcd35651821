import type { Feature, Input, StateOf, Turn, TurnContext } from "../../conversation/types.js";
import { areasByIds, areaWithChildren } from "../../data/areas.js";
import { setAnnouncementsOptOut } from "../../data/users.js";
import { yesNo } from "../../conversation/answers.js";
import { instantsOf, readDateTimePhrase, type ParsedDateTime } from "../../schedule/phrase.js";
import { hasRole } from "../../users/service.js";
import { areaById, blocksWithAreas } from "../areas/service.js";
import { scScope } from "../roles/service.js";
import { ROLE_JA, resolveRecipients, type Audience, type AudienceRole } from "./audience.js";
import * as m from "./messages.js";
import { nextAllowedSend } from "./quiet.js";
import { createBroadcast } from "./service.js";
import { firstChars } from "../../util/chars.js";

const FLOW = "bc" as const;
/** The announcement being written: who gets it, the text, an optional date and place, then confirm or schedule. */
type Step = "role" | "scope" | "text" | "extra" | "when" | "place" | "confirm" | "schedule";
const MAX_TEXT = 4500;

interface Draft {
  role?: AudienceRole;
  areaIds?: number[];
  scopeLabel?: string;
  body?: string;
  when?: { start: string; end?: string };
  place?: string;
}

declare module "../../conversation/types.js" {
  interface FlowStates {
    bc: { flow: typeof FLOW; step: Step; data: Draft };
  }
}

const state = (step: Step, d: Draft): StateOf<typeof FLOW> => ({ flow: FLOW, step, data: d });

/** A date and time typed by the SC; a bare 6時 or a weekday that does not match the date is asked back. */
function readWhen(ctx: TurnContext, text: string): ParsedDateTime | { replies: Turn["replies"] } {
  const tz = ctx.deps.config.timeZone;
  const r = readDateTimePhrase(text, ctx.now, tz);
  if (!r || r.kind === "noTime") return { replies: m.whenNotUnderstoodMessages(ctx.now, tz) };
  if (r.kind === "weekday") return { replies: m.weekdayMismatchMessages(r.date, r.written) };
  if (r.kind === "ampm") return { replies: m.askAmPmMessages(r.times.start) };
  return instantsOf(r.date, r.times, tz);
}

async function scopeChoices(ctx: TurnContext): Promise<{ label: string; value: string }[]> {
  const scope = await scScope(ctx.deps.db, ctx.user.id);
  if (scope.layer1) {
    const blocks = await blocksWithAreas(ctx.deps.db);
    return [{ label: "区全体", value: "all" }, ...blocks.map((b) => ({ label: b.name, value: `block:${b.id}` }))];
  }
  const areas = await areasByIds(ctx.deps.db, scope.areaIds);
  return [...areas.map((a) => ({ label: a.name, value: `area:${a.id}` })), ...(areas.length > 1 ? [{ label: "担当地域すべて", value: "all" }] : [])];
}

/** The areas a scope choice stands for, never beyond the SC's own scope. */
async function areasFor(ctx: TurnContext, value: string): Promise<{ ids: number[]; label: string } | null> {
  const scope = await scScope(ctx.deps.db, ctx.user.id);
  if (value === "all") return { ids: scope.areaIds, label: scope.layer1 ? "区全体" : "担当地域すべて" };
  const [kind, raw] = value.split(":");
  const id = Number(raw);
  if (kind === "area" && scope.areaIds.includes(id)) {
    const a = await areaById(ctx.deps.db, id);
    return a ? { ids: [id], label: a.name } : null;
  }
  if (kind === "block" && scope.layer1) {
    const b = await areaWithChildren(ctx.deps.db, id);
    return b ? { ids: b.children.map((c) => c.id), label: b.name } : null;
  }
  return null;
}

async function preview(ctx: TurnContext, d: Draft): Promise<Turn> {
  const audience: Audience = { role: d.role!, areaIds: d.areaIds!, label: `${d.scopeLabel}の${ROLE_JA[d.role!]}` };
  const count = (await resolveRecipients(ctx.deps.db, audience)).length;
  const msgs = m.announcementMessages(d.body!, ctx.deps.config.timeZone, d.when, d.place);
  return { replies: m.previewMessages(msgs, count, audience.label), state: state("confirm", d) };
}

async function send(ctx: TurnContext, d: Draft, urgent: boolean, at?: Date): Promise<Turn> {
  const audience: Audience = { role: d.role!, areaIds: d.areaIds!, label: `${d.scopeLabel}の${ROLE_JA[d.role!]}` };
  const recipients = await resolveRecipients(ctx.deps.db, audience);
  if (recipients.length === 0) return { replies: m.noRecipientsMessages(), state: null };
  const tz = ctx.deps.config.timeZone;
  const sendAt = nextAllowedSend(at ?? ctx.now, tz, urgent);
  await createBroadcast(ctx.deps.db, {
    createdBy: ctx.user.id,
    audience,
    messages: m.announcementMessages(d.body!, tz, d.when, d.place),
    recipients,
    urgent,
    sendAt,
  });
  return { replies: m.acceptedMessages(sendAt, ctx.now, tz, at !== undefined), state: null, after: () => ctx.deps.jobs.kick() };
}

async function step(ctx: TurnContext, input: Input, s: StateOf<typeof FLOW>): Promise<Turn | null> {
  const d = s.data;
  const pb = input.kind === "postback" ? input.postback : null;
  const text = input.kind === "text" ? input.text.trim() : "";
  switch (s.step) {
    case "role": {
      if (pb?.action !== "bc.role" || !(pb.params.r in ROLE_JA)) return null;
      d.role = pb.params.r as AudienceRole;
      const choices = await scopeChoices(ctx);
      if (choices.length === 1) {
        const a = await areasFor(ctx, choices[0].value);
        if (!a) return null;
        d.areaIds = a.ids;
        d.scopeLabel = a.label;
        return { replies: m.askTextMessages(), state: state("text", d) };
      }
      return { replies: m.askScopeMessages(choices), state: state("scope", d) };
    }
    case "scope": {
      if (pb?.action !== "bc.scope") return null;
      const a = await areasFor(ctx, pb.params.s ?? "");
      if (!a) return { replies: m.askScopeMessages(await scopeChoices(ctx)), state: s };
      d.areaIds = a.ids;
      d.scopeLabel = a.label;
      return { replies: m.askTextMessages(), state: state("text", d) };
    }
    case "text":
      if (input.kind !== "text" || !text) return null;
      d.body = firstChars(text, MAX_TEXT);
      return { replies: m.askExtraMessages(), state: state("extra", d) };
    case "extra": {
      const add = pb?.action === "bc.extra" ? pb.params.x === "add" : input.kind === "text" ? yesNo(text) === "yes" : null;
      if (add === null) return null;
      return add ? { replies: m.askWhenMessages(ctx.now, ctx.deps.config.timeZone), state: state("when", d) } : preview(ctx, d);
    }
    case "when": {
      if (input.kind !== "text") return null;
      const parsed = readWhen(ctx, text);
      if ("replies" in parsed) return { replies: parsed.replies, state: s };
      d.when = { start: parsed.start.toISOString(), end: parsed.end?.toISOString() };
      return { replies: m.askPlaceMessages(), state: state("place", d) };
    }
    case "place":
      if (input.kind !== "text" || !text) return null;
      d.place = firstChars(text, 100);
      return preview(ctx, d);
    case "confirm":
      if (pb?.action === "bc.send") return send(ctx, d, pb.params.u === "1");
      if (pb?.action === "bc.schedule") return { replies: m.askScheduleMessages(ctx.now, ctx.deps.config.timeZone), state: state("schedule", d) };
      return null;
    case "schedule": {
      if (input.kind !== "text") return null;
      const parsed = readWhen(ctx, text);
      if ("replies" in parsed) return { replies: parsed.replies, state: s };
      if (parsed.start.getTime() <= ctx.now.getTime()) return { replies: m.scheduleInPastMessages(), state: s };
      return send(ctx, d, false, parsed.start);
    }
  }
  return null;
}

// お知らせ停止 / 再開 as people type them: in kana, with を or は, politely or not (お知らせはいりません).
const NOTICES = "(?:お知らせ|おしらせ|オシラセ|通知|つうち|配信|はいしん)(?:を|は|の)?(?:配信|はいしん)?";
const POLITE_END = "(?:して|します|ください|下さい|してください|してほしい|してほしいです|ほしい|欲しい|ほしいです|です)?[。.!！]*$";
const OPT_OUT = new RegExp(`^${NOTICES}(?:もう)?(?:停止|ていし|ストップ|すとっぷ|止めて|とめて|止めたい|とめたい|止める|とめる|やめて|やめたい|いらない|要らない|いりません|要りません|不要|ふよう|結構|けっこう)${POLITE_END}`);
const OPT_IN = new RegExp(`^${NOTICES}(?:再開|さいかい|受け取る|うけとる|受け取りたい|うけとりたい|受け取ります|うけとります)${POLITE_END}`);

async function setOptOut(ctx: TurnContext, stop: boolean): Promise<Turn> {
  await setAnnouncementsOptOut(ctx.deps.db, ctx.user.id, stop);
  return { replies: m.optOutMessages(stop) };
}

export const broadcastsFeature: Feature = {
  name: "broadcasts",
  restricted: { broadcast: ["sc"] },
  commands: [
    { pattern: OPT_OUT, handle: (ctx) => setOptOut(ctx, true) },
    { pattern: OPT_IN, handle: (ctx) => setOptOut(ctx, false) },
  ],
  intents: {
    broadcast: async (ctx) => {
      if (!hasRole(ctx.user, "sc")) return { replies: [] };
      return { replies: m.askRoleMessages(), state: state("role", {}) };
    },
  },
  flows: { [FLOW]: step },
};
