import type { Feature, Turn, TurnContext } from "../../conversation/types.js";
import { chooseAreaInBlockMessages } from "../search/messages.js";
import { expiredButtonMessages } from "../welcome/messages.js";
import { areaById, areaByName, blocksWithAreas, setHomeArea } from "./service.js";
import { askHomeAreaMessages, homeAreaSavedMessages } from "./messages.js";

export const SET_AREA_FLOW = "set_area";

async function saveHome(ctx: TurnContext, areaId: number): Promise<Turn> {
  const area = await areaById(ctx.deps.db, areaId);
  if (!area || area.kind !== "area") return { replies: expiredButtonMessages() };
  await setHomeArea(ctx.deps.db, ctx.user.id, area.id);
  return { replies: homeAreaSavedMessages(area.name), state: null };
}

export const areasFeature: Feature = {
  name: "areas",
  intents: {
    set_area: async (ctx, route) => {
      const area = route.slots.area ? await areaByName(ctx.deps.db, route.slots.area) : null;
      if (area) return saveHome(ctx, area.id);
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
    // An area picked outside any flow: it becomes the home area.
    "area.pick": async (ctx, params) => saveHome(ctx, Number(params.a)),
  },
  flows: {
    [SET_AREA_FLOW]: async (ctx, input) => {
      if (input.kind === "postback" && input.postback.action === "area.pick") return saveHome(ctx, Number(input.postback.params.a));
      if (input.kind === "text" && input.route.slots.area) {
        const area = await areaByName(ctx.deps.db, input.route.slots.area);
        if (area) return saveHome(ctx, area.id);
      }
      return null;
    },
  },
};
