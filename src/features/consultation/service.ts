import type { TurnContext } from "../../conversation/types.js";
import { hasRole } from "../../users/service.js";
import { searchResources, type ResourceHit } from "../search/service.js";

/** The area's 地域包括支援センター (its first consultation resource), or null. */
export async function centreOf(ctx: TurnContext, areaId: number): Promise<{ centre: ResourceHit | null; total: number }> {
  const outcome = await searchResources(ctx.deps.db, { categories: ["consultation"], areaId }, {
    now: ctx.now,
    timeZone: ctx.deps.config.timeZone,
    viewer: hasRole(ctx.user, "sc") ? "sc" : "resident",
    pageSize: 1,
  });
  return { centre: outcome.items[0] ?? null, total: outcome.total };
}
