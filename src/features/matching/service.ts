import type { Db } from "../../db/client.js";
import type { HelpRequest } from "../../generated/prisma/client.js";
import { parsePreferredTimes, preferredTimesText } from "../help/service.js";
import { scScope } from "../roles/service.js";
import { maskPersonal } from "../../util/mask.js";
import type { RequestSummary } from "./messages.js";

/**
 * A request as coordinators see it: the resident's words with phone numbers and
 * addresses masked (the consent step promises they are not passed on), and who
 * accepted it, if anyone has.
 */
export async function summarise(db: Db, r: HelpRequest): Promise<RequestSummary> {
  const [category, area, accepted] = await Promise.all([
    r.categoryKey ? db.category.findUnique({ where: { key: r.categoryKey } }) : null,
    r.areaId ? db.area.findUnique({ where: { id: r.areaId } }) : null,
    db.helpOffer.findFirst({ where: { helpRequestId: r.id, status: "accepted" }, include: { volunteer: true }, orderBy: { respondedAt: "desc" } }),
  ]);
  return {
    id: r.id,
    category: category?.label ?? "困りごとの相談",
    area: area?.name ?? "地域未設定",
    times: preferredTimesText(parsePreferredTimes(r.preferredTimes)) || "指定なし",
    description: maskPersonal(r.description),
    scSummary: r.scSummary,
    status: r.status,
    acceptedBy: accepted ? (accepted.volunteer.displayName ?? "ボランティア") : null,
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
