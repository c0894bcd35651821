import type { Feature, Turn, TurnContext } from "../../conversation/types.js";
import type { Area } from "../../generated/prisma/client.js";
import { chooseAreaInBlockMessages } from "../search/messages.js";
import { expiredButtonMessages } from "../welcome/messages.js";
import { areaById, areaByName, blocksWithAreas, setHomeArea } from "./service.js";
import { askHomeAreaMessages, homeAreaSavedMessages, homeAreaUndoneMessages, whatInAreaMessages } from "./messages.js";

export const SET_AREA_FLOW = "set_area" as const;

declare module "../../conversation/types.js" {
  interface FlowStates {
    /** Asked where the person lives. */
    set_area: { flow: typeof SET_AREA_FLOW; step: "area"; data: Record<string, never> };
  }
}

/**
 * The home area changes only when the person says they live in or moved to an
 * area (or picks one when asked where they live); the answer always says so,
 * with a button to undo. An area named on its own, or as where a relative
 * lives, is a question about that area: the home area stays.
 */
async function saveHome(ctx: TurnContext, areaId: number): Promise<Turn> {
  const area = await areaById(ctx.deps.db, areaId);
  if (!area || area.kind !== "area") return { replies: expiredButtonMessages() };
  const previous = ctx.user.homeAreaId ? await areaById(ctx.deps.db, ctx.user.homeAreaId) : null;
  if (previous?.id !== area.id) await setHomeArea(ctx.deps.db, ctx.user.id, area.id);
  return { replies: homeAreaSavedMessages(area.name, previous && previous.id !== area.id ? previous : null, area.id), state: null };
}

function askWhatFor(area: Area, forSomeoneElse: boolean): Turn {
  return { replies: whatInAreaMessages(area, forSomeoneElse), state: null };
}

export const areasFeature: Feature = {
  name: "areas",
  intents: {
    set_area: async (ctx, route) => {
      const area = route.slots.area ? await areaByName(ctx.deps.db, route.slots.area) : null;
      if (area && area.kind === "area" && route.slots.residence === "self") return saveHome(ctx, area.id);
      if (area) return askWhatFor(area, route.slots.residence === "other");
      return { replies: askHomeAreaMessages(await blocksWithAreas(ctx.deps.db)), state: { flow: SET_AREA_FLOW, step: "area", data: {} } };
    },
  },
  postbacks: {
    // A block was chosen: offer its areas. Whatever flow asked keeps its state and receives area.pick.
    "area.block": async (ctx, params) => {
      const blocks = await blocksWithAreas(ctx.deps.db);
      const block = blocks.find((b) => String(b.id) === params.b);
      if (!block) return { replies: expiredButtonMessages() };
      return { replies: chooseAreaInBlockMessages(block.name, block.children, "area.pick", {}) };
    },
    // An area picked from the "where do you live" buttons outside any flow: it becomes the home area.
    "area.pick": async (ctx, params) => saveHome(ctx, Number(params.a)),
    // "蓮根に住んでいる" under a question about an area.
    "area.home": async (ctx, params) => saveHome(ctx, Number(params.a)),
    // 元に戻す: back to the area before (p, absent when there was none), only if the change is still the latest.
    "area.undo": async (ctx, params) => {
      if (!/^\d{1,9}$/.test(params.n ?? "") || (params.p !== undefined && !/^\d{1,9}$/.test(params.p))) return { replies: expiredButtonMessages() };
      if (ctx.user.homeAreaId !== Number(params.n)) return { replies: expiredButtonMessages() };
      const previous = params.p ? await areaById(ctx.deps.db, Number(params.p)) : null;
      if (params.p && !previous) return { replies: expiredButtonMessages() };
      await setHomeArea(ctx.deps.db, ctx.user.id, previous?.id ?? null);
      return { replies: homeAreaUndoneMessages(previous?.name ?? null), state: null };
    },
  },
  flows: {
    [SET_AREA_FLOW]: async (ctx, input) => {
      if (input.kind === "postback" && input.postback.action === "area.pick") return saveHome(ctx, Number(input.postback.params.a));
      // The bot asked where they live: an area name alone is the answer, unless it is someone else's.
      if (input.kind === "text" && input.route.slots.area && input.route.slots.residence !== "other" && (input.route.intent === "set_area" || input.route.intent === "unknown")) {
        const area = await areaByName(ctx.deps.db, input.route.slots.area);
        if (area) return saveHome(ctx, area.id);
      }
      return null;
    },
  },
};
