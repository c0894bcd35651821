import type { Db } from "../../data/client.js";
import { categoryByKey } from "../../data/areas.js";
import { areaById } from "../areas/service.js";
import { acceptedOfferOf, askForHelp, helpRequestById, offerOf, setHelpRequestStatus, volunteerWithUserAndAreas } from "../../data/help.js";
import { userById } from "../../data/users.js";
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
    r.categoryKey ? categoryByKey(db, r.categoryKey) : null,
    r.areaId ? areaById(db, r.areaId) : null,
    acceptedOfferOf(db, r.id),
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
  const request = Number.isInteger(requestId) ? await helpRequestById(db, requestId) : null;
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
  const request = await helpRequestById(db, o.requestId);
  if (!request || ["done", "declined"].includes(request.status)) return { kind: "gone" };
  const v = await volunteerWithUserAndAreas(db, o.volunteerId);
  if (!v?.user || v.status !== "active" || !(o.layer1 || v.areas.some((a) => o.areaIds.includes(a.areaId)))) return { kind: "invalid" };
  const name = v.displayName ?? "ボランティア";
  const existing = await offerOf(db, request.id, v.id);
  if (existing?.status === "asked") return { kind: "already_asked", name };
  if (existing?.status === "accepted") return { kind: "already_accepted", name };
  if (request.scSummary === null) return { kind: "needs_summary" };
  const offer = await askForHelp(db, request.id, v.id, o.scUserId);
  if (request.status === "received") {
    await setHelpRequestStatus(db, request.id, "coordinating", request.reason);
    const resident = request.userId ? await userById(db, request.userId) : null;
    if (resident?.following) await line.push(resident.lineUserId, residentTexts.taken());
  }
  await line.push(v.user.lineUserId, taskForVolunteerMessages(offer.id, await summarise(db, request)));
  await audit(db, o.scUserId, "help.ask", { request: request.id, offer: offer.id });
  return { kind: "asked", name };
}
