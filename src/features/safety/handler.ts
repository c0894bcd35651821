import type { Feature, Turn, TurnContext } from "../../conversation/types.js";
import { logInquiry } from "../../inquiries/log.js";
import type { RouteResult } from "../../nlu/types.js";
import { areaByName } from "../areas/service.js";
import { centreOf } from "../consultation/service.js";
import { despairMessages, emergencyMessages, type Centre } from "./messages.js";

/**
 * Emergencies and despair are answered before anything else (the dispatcher
 * calls these ahead of commands and flows), with what to do at once. Only a
 * count is kept for the needs figures: never the text.
 */
async function centreFor(ctx: TurnContext, route: RouteResult): Promise<Centre | null> {
  const named = route.slots.area ? await areaByName(ctx.deps.db, route.slots.area) : null;
  const areaId = ctx.user.homeAreaId ?? named?.id;
  if (areaId) {
    const { centre } = await centreOf(ctx, areaId);
    if (centre?.phone) return { name: centre.name, phone: centre.phone };
  }
  const fallback = ctx.deps.config.municipality.emergency.fallbackCentre;
  return fallback ? { name: fallback.name, phone: fallback.number } : null;
}

async function answer(ctx: TurnContext, route: RouteResult, kind: "emergency" | "despair"): Promise<Turn> {
  const centre = await centreFor(ctx, route);
  const named = route.slots.area ? await areaByName(ctx.deps.db, route.slots.area) : null;
  await logInquiry(ctx.deps.db, { asker: ctx.user, userId: ctx.user.id, text: "", intent: kind, slots: {}, categoryKey: null, areaId: ctx.user.homeAreaId ?? named?.id ?? null, resultsCount: 0 });
  const s = ctx.deps.config.municipality;
  return { replies: kind === "emergency" ? emergencyMessages(s, centre) : despairMessages(s, centre) };
}

export const safetyFeature: Feature = {
  name: "safety",
  urgent: {
    emergency: (ctx, route) => answer(ctx, route, "emergency"),
    despair: (ctx, route) => answer(ctx, route, "despair"),
  },
};
