import type { Feature, Turn, TurnContext } from "../../conversation/types.js";
import type { Slots } from "../../nlu/types.js";
import { logInquiry } from "../../inquiries/log.js";
import { areaById, areaByName, blocksWithAreas } from "../areas/service.js";
import { askAreaMessages } from "../search/messages.js";
import { centreOf } from "./service.js";
import { expiredButtonMessages } from "../welcome/messages.js";
import { consultationMessages, noConsultationMessages } from "./messages.js";

export const CONSULT_FLOW = "consult" as const;

declare module "../../conversation/types.js" {
  interface FlowStates {
    /** Asked which area, to name its 地域包括支援センター; the question is kept for the needs figures. */
    consult: { flow: typeof CONSULT_FLOW; step: "area"; data: { text: string; slots: Slots } };
  }
}

/** The area's 地域包括支援センター (consultation resources of that area), with a tel: button. */
async function answer(ctx: TurnContext, areaId: number, text: string, slots: object): Promise<Turn> {
  const { db } = ctx.deps;
  const area = await areaById(db, areaId);
  if (!area) return { replies: expiredButtonMessages() };
  const { centre, total } = await centreOf(ctx, areaId);
  await logInquiry(db, { asker: ctx.user, userId: ctx.user.id, text, intent: "find_consultation", slots, categoryKey: "consultation", areaId, resultsCount: total });
  return { replies: centre ? consultationMessages(area.name, centre) : noConsultationMessages(area.name), state: null };
}

export const consultationFeature: Feature = {
  name: "consultation",
  intents: {
    find_consultation: async (ctx, route) => {
      const named = route.slots.area ? await areaByName(ctx.deps.db, route.slots.area) : null;
      const areaId = named?.id ?? ctx.user.homeAreaId;
      if (areaId) return answer(ctx, areaId, route.text, route.slots);
      return {
        replies: askAreaMessages(await blocksWithAreas(ctx.deps.db), false),
        state: { flow: CONSULT_FLOW, step: "area", data: { text: route.text, slots: route.slots } },
      };
    },
  },
  flows: {
    [CONSULT_FLOW]: async (ctx, input, state) => {
      const data = state.data;
      if (input.kind === "postback" && input.postback.action === "area.pick") return answer(ctx, Number(input.postback.params.a), data.text, data.slots);
      if (input.kind === "text" && input.route.slots.area && ["set_area", "unknown", "find_consultation"].includes(input.route.intent)) {
        const area = await areaByName(ctx.deps.db, input.route.slots.area);
        if (area) return answer(ctx, area.id, data.text, data.slots);
      }
      return null;
    },
  },
};
