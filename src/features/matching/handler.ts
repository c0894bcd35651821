import type { Feature, Turn, TurnContext } from "../../conversation/types.js";
import { answerHelpOffer, helpOfferWithParties, openHelpRequests, setHelpRequestStatus, setHelpRequestSummary } from "../../data/help.js";
import { userById } from "../../data/users.js";
import { hasRole } from "../../users/service.js";
import { expiredButtonMessages } from "../welcome/messages.js";
import { parsePreferredTimes } from "../help/service.js";
import { scScope, audit } from "../roles/service.js";
import { rankCandidates } from "../volunteers/service.js";
import { candidatesMessages, requestListMessages, residentTexts, scTexts, volunteerTexts } from "./messages.js";
import { askVolunteerFor, requestInScope, summarise } from "./service.js";
import { firstChars } from "../../util/chars.js";
import { maskPersonal } from "../../util/mask.js";

/** SC-led matching: coordinators see their areas' requests, ask a volunteer, and the volunteer answers. */

const DROP_FLOW = "hrdrop" as const;
const SUMMARY_FLOW = "hrsum" as const;

declare module "../../conversation/types.js" {
  interface FlowStates {
    /** The SC is writing the summary a volunteer will see for request `r` before asking volunteer `v`. */
    hrsum: { flow: typeof SUMMARY_FLOW; step: "summary"; data: { r: number; v: number } };
    /** The SC is writing why request `r` is closed without help. */
    hrdrop: { flow: typeof DROP_FLOW; step: "reason"; data: { r: number } };
  }
}

/** Asks through the shared service and answers the SC in LINE. */
async function askVolunteer(ctx: TurnContext, requestId: number, volunteerId: number, areaIds: number[]): Promise<Turn> {
  const scope = await scScope(ctx.deps.db, ctx.user.id);
  const r = await askVolunteerFor(ctx.deps.db, ctx.deps.line, { scUserId: ctx.user.id, requestId, volunteerId, areaIds, layer1: scope.layer1 });
  switch (r.kind) {
    case "asked":
      return { replies: scTexts.asked(r.name, requestId), state: null };
    case "already_asked":
      return { replies: scTexts.alreadyAsked(r.name, requestId), state: null };
    case "already_accepted":
      return { replies: scTexts.alreadyAccepted(r.name, requestId), state: null };
    case "gone":
      return { replies: scTexts.gone(), state: null };
    case "needs_summary":
      return { replies: scTexts.askSummary(requestId), state: { flow: SUMMARY_FLOW, step: "summary", data: { r: requestId, v: volunteerId } } };
    default:
      return { replies: expiredButtonMessages(), state: null };
  }
}

async function tellResident(ctx: TurnContext, userId: number | null, messages: Turn["replies"]): Promise<void> {
  if (!userId) return;
  const u = await userById(ctx.deps.db, userId);
  if (u?.following) await ctx.deps.line.push(u.lineUserId, messages);
}

/** Runs an SC action on a request the SC may see; anyone else gets a polite refusal. */
async function asSc(ctx: TurnContext, params: Record<string, string>, act: (r: NonNullable<Exclude<Awaited<ReturnType<typeof requestInScope>>, string>>) => Promise<Turn>): Promise<Turn> {
  if (!hasRole(ctx.user, "sc")) return { replies: expiredButtonMessages() };
  const found = await requestInScope(ctx.deps.db, ctx.user.id, Number(params.r));
  if (found === "missing") return { replies: scTexts.gone() };
  if (found === "out_of_scope") return { replies: scTexts.outOfScope() };
  return act(found);
}

async function setStatus(ctx: TurnContext, id: number, status: string, reason?: string) {
  await setHelpRequestStatus(ctx.deps.db, id, status, reason ?? null);
  await audit(ctx.deps.db, ctx.user.id, "help.status", { request: id, status });
}

export const matchingFeature: Feature = {
  name: "matching",
  commands: [
    {
      pattern: /^(相談の?一覧|相談一覧|受付中の相談)$/,
      handle: async (ctx) => {
        if (!hasRole(ctx.user, "sc")) return { replies: expiredButtonMessages() };
        const scope = await scScope(ctx.deps.db, ctx.user.id);
        const open = await openHelpRequests(ctx.deps.db, scope.layer1 ? null : scope.areaIds);
        return { replies: requestListMessages(await Promise.all(open.map((r) => summarise(ctx.deps.db, r)))) };
      },
    },
  ],
  postbacks: {
    "hr.candidates": (ctx, p) =>
      asSc(ctx, p, async ({ request, areaIds }) => {
        const times = parsePreferredTimes(request.preferredTimes);
        const cs = await rankCandidates(ctx.deps.db, { areaId: request.areaId, categoryKey: request.categoryKey, ...times }, areaIds, ctx.now, ctx.deps.config.timeZone);
        return { replies: candidatesMessages(request.id, cs) };
      }),
    "hr.take": (ctx, p) =>
      asSc(ctx, p, async ({ request }) => {
        if (["done", "declined"].includes(request.status)) return { replies: scTexts.gone() };
        if (request.status === "received") {
          await setStatus(ctx, request.id, "coordinating");
          await tellResident(ctx, request.userId, residentTexts.taken());
        }
        return { replies: scTexts.taken(request.id) };
      }),
    "hr.ask": (ctx, p) => asSc(ctx, p, async ({ request, areaIds }) => askVolunteer(ctx, request.id, Number(p.v), areaIds)),
    "hr.done": (ctx, p) =>
      asSc(ctx, p, async ({ request }) => {
        await setStatus(ctx, request.id, "done");
        return { replies: scTexts.done(request.id), state: null };
      }),
    "hr.drop": (ctx, p) =>
      asSc(ctx, p, async ({ request }) => ({ replies: scTexts.askReason(request.id), state: { flow: DROP_FLOW, step: "reason", data: { r: request.id } } })),
    "offer.accept": async (ctx, p) => answerOffer(ctx, Number(p.o), true),
    "offer.decline": async (ctx, p) => answerOffer(ctx, Number(p.o), false),
  },
  flows: {
    [SUMMARY_FLOW]: async (ctx, input, state) => {
      const skip = input.kind === "postback" && input.postback.action === "hr.nosummary";
      if (!skip && (input.kind !== "text" || !input.text.trim())) return null;
      return asSc(ctx, { r: String(state.data.r) }, async ({ request, areaIds }) => {
        // Masked too: an SC may paste what the resident wrote.
        const scSummary = skip ? "" : firstChars(maskPersonal(input.kind === "text" ? input.text.trim() : ""), 200);
        await setHelpRequestSummary(ctx.deps.db, request.id, scSummary);
        return askVolunteer(ctx, request.id, Number(state.data.v), areaIds);
      });
    },
    [DROP_FLOW]: async (ctx, input, state) => {
      if (input.kind !== "text") return null;
      return asSc(ctx, { r: String(state.data.r) }, async ({ request }) => {
        await setStatus(ctx, request.id, "declined", firstChars(input.text, 200));
        return { replies: scTexts.dropped(request.id), state: null };
      });
    },
  },
};

async function answerOffer(ctx: TurnContext, offerId: number, accept: boolean): Promise<Turn> {
  const { db, line } = ctx.deps;
  const offer = Number.isInteger(offerId)
    ? await helpOfferWithParties(db, offerId)
    : null;
  // Only the volunteer who was asked may answer, and only once.
  if (!offer || offer.volunteer.userId !== ctx.user.id) return { replies: expiredButtonMessages() };
  if (offer.status !== "asked" || ["done", "declined"].includes(offer.helpRequest.status)) return { replies: volunteerTexts.gone() };
  await answerHelpOffer(db, offer.id, accept, ctx.now);
  const request = offer.helpRequest;
  const name = offer.volunteer.displayName ?? "ボランティア";
  const sc = offer.askedBy ? await userById(db, offer.askedBy) : null;
  if (accept) {
    const arranged = await setHelpRequestStatus(db, request.id, "arranged", request.reason);
    if (sc?.following) await line.push(sc.lineUserId, scTexts.accepted(name, await summarise(db, arranged)));
    await tellResident(ctx, request.userId, residentTexts.arranged());
    return { replies: volunteerTexts.thanks() };
  }
  if (sc?.following) await line.push(sc.lineUserId, scTexts.declined(name, request.id));
  return { replies: volunteerTexts.noted() };
}
