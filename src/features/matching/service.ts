import type { Db } from "../../data/client.js";
import type { HelpRequest } from "../../generated/prisma/client.js";
import { parsePreferredTimes, preferredTimesText } from "../help/service.js";
import { audit, scScope } from "../roles/service.js";
import type { LineGateway } from "../../line/client.js";
import { residentTexts, taskForVolunteerMessages } from "./messages.js";
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

/**
 * Asks a volunteer to take a request, the same way from LINE and the console:
 * never twice (a second tap finds the open ask), the request moves to 調整中
 * (the resident is told), and the volunteer gets the SC's summary of the task.
 */
export async function askVolunteerFor(
  db: Db,
  line: LineGateway,
  o: { scUserId: number; requestId: number; volunteerId: number; areaIds: number[]; layer1: boolean },
): Promise<{ kind: "asked" | "already_asked" | "already_accepted"; name: string } | { kind: "gone" | "invalid" | "needs_summary" }> {
  const request = await db.helpRequest.findUnique({ where: { id: o.requestId } });
  if (!request || ["done", "declined"].includes(request.status)) return { kind: "gone" };
  const v = await db.volunteer.findUnique({ where: { id: o.volunteerId }, include: { user: true, areas: true } });
  if (!v?.user || v.status !== "active" || !(o.layer1 || v.areas.some((a) => o.areaIds.includes(a.areaId)))) return { kind: "invalid" };
  const name = v.displayName ?? "ボランティア";
  const existing = await db.helpOffer.findUnique({ where: { helpRequestId_volunteerId: { helpRequestId: request.id, volunteerId: v.id } } });
  if (existing?.status === "asked") return { kind: "already_asked", name };
  if (existing?.status === "accepted") return { kind: "already_accepted", name };
  if (request.scSummary === null) return { kind: "needs_summary" };
  const offer = await db.helpOffer.upsert({
    where: { helpRequestId_volunteerId: { helpRequestId: request.id, volunteerId: v.id } },
    create: { helpRequestId: request.id, volunteerId: v.id, askedBy: o.scUserId },
    update: { status: "asked", respondedAt: null, askedBy: o.scUserId },
  });
  if (request.status === "received") {
    await db.helpRequest.update({ where: { id: request.id }, data: { status: "coordinating" } });
    const resident = request.userId ? await db.user.findUnique({ where: { id: request.userId } }) : null;
    if (resident?.following) await line.push(resident.lineUserId, residentTexts.taken());
  }
  await line.push(v.user.lineUserId, taskForVolunteerMessages(offer.id, await summarise(db, request)));
  await audit(db, o.scUserId, "help.ask", { request: request.id, offer: offer.id });
  return { kind: "asked", name };
}
