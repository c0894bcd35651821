import type { Db } from "../../db/client.js";
import type { HelpRequest } from "../../generated/prisma/client.js";
import { parsePreferredTimes, preferredTimesText } from "../help/service.js";
import { scScope } from "../roles/service.js";
import type { RequestSummary } from "./messages.js";

export async function summarise(db: Db, r: HelpRequest): Promise<RequestSummary> {
  const [category, area] = await Promise.all([
    r.categoryKey ? db.category.findUnique({ where: { key: r.categoryKey } }) : null,
    r.areaId ? db.area.findUnique({ where: { id: r.areaId } }) : null,
  ]);
  return {
    id: r.id,
    category: category?.label ?? "困りごとの相談",
    area: area?.name ?? "地域未設定",
    times: preferredTimesText(parsePreferredTimes(r.preferredTimes)) || "指定なし",
    description: r.description,
    status: r.status,
  };
}

/** The request, if this SC's areas cover it (layer 1 covers everything). */
export async function requestInScope(db: Db, scUserId: number, requestId: number): Promise<{ request: HelpRequest; areaIds: number[] } | "missing" | "out_of_scope"> {
  const request = Number.isInteger(requestId) ? await db.helpRequest.findUnique({ where: { id: requestId } }) : null;
  if (!request) return "missing";
  const scope = await scScope(db, scUserId);
  if (!scope.layer1 && (request.areaId === null || !scope.areaIds.includes(request.areaId))) return "out_of_scope";
  return { request, areaIds: scope.areaIds };
}
