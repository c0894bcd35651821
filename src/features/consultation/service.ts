import type { TurnContext } from "../../conversation/types.js";
import type { Db } from "../../data/client.js";
import { hasRole } from "../../users/service.js";
import { searchResources, type ResourceHit } from "../search/service.js";

/** The area's 地域包括支援センター (its first consultation resource), or null. */
export async function centreForArea(db: Db, areaId: number, o: { now: Date; timeZone: string; viewer: "resident" | "sc"; publicOnly?: boolean }): Promise<{ centre: ResourceHit | null; total: number }> {
  const outcome = await searchResources(db, { categories: ["consultation"], areaId, publicOnly: o.publicOnly }, { now: o.now, timeZone: o.timeZone, viewer: o.viewer, pageSize: 1 });
  return { centre: outcome.items[0] ?? null, total: outcome.total };
}

/** The same, for someone talking to the bot. */
export function centreOf(ctx: TurnContext, areaId: number): Promise<{ centre: ResourceHit | null; total: number }> {
  return centreForArea(ctx.deps.db, areaId, { now: ctx.now, timeZone: ctx.deps.config.timeZone, viewer: hasRole(ctx.user, "sc") ? "sc" : "resident" });
}
