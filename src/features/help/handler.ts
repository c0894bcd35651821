import { yesNo } from "../../conversation/answers.js";
import { categoryByKey } from "../../data/areas.js";
import type { Feature, Turn, TurnContext } from "../../conversation/types.js";
import { logInquiry } from "../../inquiries/log.js";
import type { Message } from "../../line/messages.js";
import { hasRole } from "../../users/service.js";
import { areaById, areaByName, blocksWithAreas } from "../areas/service.js";
import { askAreaMessages, describeQuery, resultMessages } from "../search/messages.js";
import { searchResources } from "../search/service.js";
import { askYesNoMessages, consentMessages, offerCoordinatorMessages, requestReceivedMessages } from "./messages.js";
import { createHelpRequest, type HelpDraft } from "./service.js";
import { notifyScsOfRequest } from "../matching/notify.js";

export const HELP_FLOW = "help" as const;

declare module "../../conversation/types.js" {
  interface FlowStates {
    /** A help request being put together: which area, then consent, or the offer to ask the coordinator. */
    help: { flow: typeof HELP_FLOW; step: "area" | "confirm" | "offer"; data: HelpDraft };
  }
}

async function askConsent(ctx: TurnContext, draft: HelpDraft): Promise<Turn> {
  // An area id from a button is checked: a tampered one is ignored.
  const given = draft.areaId !== undefined ? await areaById(ctx.deps.db, draft.areaId) : null;
  const areaId = given?.id ?? ctx.user.homeAreaId ?? undefined;
  draft = { ...draft, areaId: given?.id };
  if (!areaId) {
    return { replies: askAreaMessages(await blocksWithAreas(ctx.deps.db), false), state: { flow: HELP_FLOW, step: "area", data: { ...draft } } };
  }
  const area = await areaById(ctx.deps.db, areaId);
  return { replies: consentMessages(area?.name ?? "お住まいの地域"), state: { flow: HELP_FLOW, step: "confirm", data: { ...draft, areaId } } };
}

async function confirm(ctx: TurnContext, draft: HelpDraft): Promise<Turn> {
  const request = await createHelpRequest(ctx.deps.db, ctx.user.id, draft, ctx.now);
  await notifyScsOfRequest(ctx, request.id);
  return { replies: requestReceivedMessages(), state: null };
}

export const helpFeature: Feature = {
  name: "help",
  intents: {
    request_help: async (ctx, route) => {
      const { db } = ctx.deps;
      const named = route.slots.area ? await areaByName(db, route.slots.area) : null;
      const areaId = named?.id ?? ctx.user.homeAreaId ?? undefined;
      const draft: HelpDraft = { text: route.text, categoryKey: route.slots.category, areaId, weekdays: route.slots.weekdays, timeOfDay: route.slots.timeOfDay, date: route.slots.date, dateTo: route.slots.dateTo };
      const replies: Message[] = [];
      let found = 0;
      const category = route.slots.category ? await categoryByKey(db, route.slots.category) : null;
      if (category?.kind === "service") {
        const q = { categories: [category.key], areaId };
        const outcome = await searchResources(db, q, { now: ctx.now, timeZone: ctx.deps.config.timeZone, viewer: hasRole(ctx.user, "sc") ? "sc" : "resident", pageSize: 5 });
        found = outcome.total;
        if (outcome.total > 0) {
          const area = areaId ? await areaById(db, areaId) : null;
          replies.push(...resultMessages(describeQuery(area?.name, category.label, q), q, outcome.items, outcome.total, []));
        }
      }
      await logInquiry(db, { asker: ctx.user, userId: ctx.user.id, text: route.text, intent: "request_help", slots: route.slots, categoryKey: route.slots.category, areaId, resultsCount: found });
      replies.push(...offerCoordinatorMessages());
      return { replies, state: { flow: HELP_FLOW, step: "offer", data: { ...draft } } };
    },
  },
  postbacks: {
    // From a search answer: the need is what was searched for.
    "help.ask": async (ctx, params) => {
      const areaId = /^\d+$/.test(params.a ?? "") ? Number(params.a) : undefined;
      const categoryKey = /^[a-z_]+$/.test(params.c ?? "") ? params.c : undefined;
      const label = categoryKey ? (await categoryByKey(ctx.deps.db, categoryKey))?.label : undefined;
      return askConsent(ctx, { text: label ? `${label}をさがしています（見つかりませんでした）` : "相談したいことがあります", categoryKey, areaId });
    },
  },
  flows: {
    [HELP_FLOW]: async (ctx, input, state) => {
      const draft = state.data;
      if (input.kind === "postback") {
        if (input.postback.action === "help.ask") return askConsent(ctx, draft);
        if (input.postback.action === "help.confirm" && state.step === "confirm") return confirm(ctx, draft);
        if (input.postback.action === "area.pick" && state.step === "area") return askConsent(ctx, { ...draft, areaId: Number(input.postback.params.a) || undefined });
        return null;
      }
      if (input.kind === "text") {
        if (state.step === "area" && input.route.slots.area && ["set_area", "unknown", "request_help"].includes(input.route.intent) && !input.route.slots.category) {
          const area = await areaByName(ctx.deps.db, input.route.slots.area);
          if (area) return askConsent(ctx, { ...draft, areaId: area.id });
        }
        const answer = yesNo(input.text);
        if (state.step === "confirm" && answer === "yes") return confirm(ctx, draft);
        if (state.step === "offer" && answer === "yes") return askConsent(ctx, draft);
        if (state.step === "confirm" && answer === null && input.route.intent === "unknown") return { replies: askYesNoMessages() };
      }
      return null;
    },
  },
};
