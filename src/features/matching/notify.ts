import type { TurnContext } from "../../conversation/types.js";
import { helpRequestById } from "../../data/help.js";
import { scsForArea } from "../roles/service.js";
import { newRequestForScMessages } from "./messages.js";
import { summarise } from "./service.js";

/** Tells the SCs of the request's area (and layer-1 SCs) about a new help request. */
export async function notifyScsOfRequest(ctx: TurnContext, requestId: number): Promise<number> {
  const { db, line } = ctx.deps;
  const request = await helpRequestById(db, requestId);
  if (!request) return 0;
  const scs = await scsForArea(db, request.areaId);
  const messages = newRequestForScMessages(await summarise(db, request));
  for (const sc of scs) if (sc.following) await line.push(sc.lineUserId, messages);
  return scs.length;
}
