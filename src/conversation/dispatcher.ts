import type { AppDeps } from "../deps.js";
import type { Message } from "../line/messages.js";
import { decodePostback, type Postback } from "../line/postback.js";
import type { RouteResult } from "../nlu/types.js";
import { MAX_LABEL_TEXT, offeredIn, parseOffered, readingMatch, writtenMatch } from "./offered.js";
import {
  apologyMessages,
  cancelledMessages,
  comingSoonMessages,
  clarifyMessages,
  expiredButtonMessages,
  groupChatMessages,
  flowExpiredMessages,
  nothingToCancelMessages,
  tooLongMessages,
  unknownMessages,
  unsupportedMessages,
  welcomeMessages,
} from "../features/welcome/messages.js";
import { closeJapaneseSpaces, normalize } from "../nlu/normalize.js";
import { ensureUser, firstTimeInGroup, forgetGroup, hasRole, markFollowed, markUnfollowed, recordClarifyChoice, setOffered, type Role } from "../users/service.js";
import { chatIdOf, replyTokenOf, userIdOf, type WebhookEvent } from "../webhook/events.js";
import { clearState, loadState, saveState } from "./state-store.js";
import type { Command, Feature, FlowHandler, FlowName, FlowState, Input, IntentHandler, LocationHandler, PostbackHandler, Turn, TurnContext } from "./types.js";
import { longerThan } from "../util/chars.js";
import { CONTEXT_STEP } from "./types.js";

/** Texts longer than this are not routed: nobody types them, and tokenizing them is wasted work. */
export const MAX_ROUTED_TEXT = 1000;
/** LINE reply tokens are short-lived; after this long the answer goes by push. */
export const REPLY_TOKEN_TTL_MS = 50_000;
/** The flow that keeps a message not understood while its "もしかして" buttons are offered. */
const CLARIFY_FLOW = "clarify" as const;
/** A flow's handler as the dispatcher holds it: looked up by the stored state's own flow name, so the state always matches. */
type AnyFlowHandler = (ctx: TurnContext, input: Input, state: FlowState) => Promise<Turn | null>;

/** How handling an event ended: its record says so (a failure with the error's kind, never its message). */
export type Handled = { ok: true } | { ok: false; errorKind: string };

export interface Dispatcher {
  handle(ev: WebhookEvent): Promise<Handled>;
}

const HANDLED: Handled = { ok: true };
const kindOf = (err: unknown) => (err instanceof Error ? err.constructor.name || err.name : typeof err).slice(0, 60);

export function createDispatcher(deps: AppDeps, features: Feature[]): Dispatcher {
  const intents = new Map<string, IntentHandler>();
  const urgent = new Map<string, IntentHandler>();
  const postbacks = new Map<string, PostbackHandler>();
  const flows = new Map<string, AnyFlowHandler>();
  const cancelled = new Map<string, () => Message[]>();
  const commands: Command[] = [];
  const restricted = new Map<string, Role[]>();
  let location: LocationHandler | undefined;
  for (const f of features) {
    for (const [k, h] of Object.entries(f.intents ?? {})) intents.set(k, h);
    for (const [k, h] of Object.entries(f.urgent ?? {})) urgent.set(k, h);
    for (const [k, h] of Object.entries(f.postbacks ?? {})) postbacks.set(k, h);
    for (const [k, h] of Object.entries(f.flows ?? {}) as [FlowName, FlowHandler][]) flows.set(k, h as AnyFlowHandler);
    for (const [k, m] of Object.entries(f.cancelled ?? {})) cancelled.set(k, m);
    commands.push(...(f.commands ?? []));
    for (const [k, roles] of Object.entries(f.restricted ?? {})) restricted.set(k, roles);
    if (f.location) location = f.location;
  }
  const { db, logger } = deps;

  const afterReply = new WeakMap<TurnContext["event"], () => Promise<unknown>>();

  // Users whose flow state is known to be absent, to skip pointless deletes (per turn).
  const noState = new WeakSet<TurnContext>();

  async function applyTurn(ctx: TurnContext, turn: Turn): Promise<Message[]> {
    if (turn.state === null && !noState.has(ctx)) await clearState(db, ctx.user.id);
    else if (turn.state) await saveState(db, ctx.user.id, turn.state, ctx.now);
    if (turn.after) afterReply.set(ctx.event, turn.after);
    return turn.replies;
  }

  const mayUse = (ctx: TurnContext, intent: string) => {
    const allowed = restricted.get(intent);
    return !allowed || allowed.some((r) => hasRole(ctx.user, r));
  };

  /** A tap on a "もしかして" button: the stored message, answered as the chosen meaning. */
  const clarify: FlowHandler<typeof CLARIFY_FLOW> = async (ctx, input, state) => {
    if (input.kind !== "postback" || input.postback.action !== "clarify") return null;
    const data = state.data;
    const chosen = input.postback.params.i;
    const h = intents.get(chosen);
    if (!h || !data.offered.includes(chosen) || !mayUse(ctx, chosen)) return { replies: expiredButtonMessages(), state: null };
    await recordClarifyChoice(db, data.offered, chosen);
    const turn = await h(ctx, { ...data.route, intent: chosen as RouteResult["intent"], candidates: undefined });
    return { ...turn, state: turn.state ?? null };
  };
  flows.set(CLARIFY_FLOW, clarify as AnyFlowHandler);

  async function routeInput(ctx: TurnContext, input: Input): Promise<Turn> {
    if (input.kind === "text") {
      const { route } = input;
      if (route.intent === "cancel") return { replies: nothingToCancelMessages() };
      if (route.intent === "unknown") {
        // Ask instead of failing: the likeliest meanings this person may use, as buttons.
        const offered = (route.candidates ?? []).filter((c) => intents.has(c.intent) && mayUse(ctx, c.intent));
        if (offered.length === 0) return { replies: unknownMessages() };
        return { replies: clarifyMessages(offered), state: { flow: CLARIFY_FLOW, step: CONTEXT_STEP, data: { route, offered: offered.map((c) => c.intent) } } };
      }
      // Checked here, on the server: a resident typing an SC phrase gets the resident answer.
      if (!mayUse(ctx, route.intent)) return { replies: unknownMessages() };
      const h = intents.get(route.intent);
      return h ? h(ctx, route) : { replies: comingSoonMessages() };
    }
    if (input.kind === "postback") {
      const h = postbacks.get(input.postback.action);
      return h ? h(ctx, input.postback.params) : { replies: expiredButtonMessages() };
    }
    return location ? location(ctx, input) : { replies: comingSoonMessages() };
  }

  /** Inside a flow the flow reads the input first; やめる always ends it. */
  async function handleInput(ctx: TurnContext, input: Input): Promise<Message[]> {
    const loaded = await loadState(db, ctx.user.id, ctx.now);
    if (!loaded) noState.add(ctx);
    // An emergency is answered first, whatever flow a resident is in (the flow stays as it was).
    // A coordinator inside a flow is writing staff content (an announcement about fire safety, say).
    const safety = input.kind === "text" ? urgent.get(input.route.intent) : undefined;
    if (safety && input.kind === "text" && !(loaded && !loaded.expired && hasRole(ctx.user, "sc"))) return (await safety(ctx, input.route)).replies;
    const prefix: Message[] = [];
    /** The flow ends with this message: one write at the end (a new flow's state replaces it, or it is deleted). */
    let ended = false;
    // A kept context (the last search, for follow-ups) is not a question: it ends quietly.
    const quiet = loaded?.state.step === CONTEXT_STEP;
    if (loaded?.expired) {
      await clearState(db, ctx.user.id);
      if (!quiet) prefix.push(...flowExpiredMessages());
    } else if (loaded) {
      const isCancel = input.kind === "text" ? input.route.intent === "cancel" : input.kind === "postback" && input.postback.action === "flow.cancel";
      if (isCancel && quiet) {
        await clearState(db, ctx.user.id);
        return nothingToCancelMessages();
      }
      if (isCancel) {
        await clearState(db, ctx.user.id);
        return cancelled.get(loaded.state.flow)?.() ?? cancelledMessages();
      }
      const flow = flows.get(loaded.state.flow);
      const turn = flow ? await flow(ctx, input, loaded.state) : null;
      if (turn) return applyTurn(ctx, turn);
      // An unrelated message ends the flow; a button the flow does not own (choosing a
      // block before an area, say) is answered and the flow keeps waiting.
      if (input.kind !== "postback") ended = true;
    }
    if (input.kind === "postback" && input.postback.action === "flow.cancel") return [...prefix, ...nothingToCancelMessages()];
    const turn = await routeInput(ctx, input);
    return [...prefix, ...(await applyTurn(ctx, ended && turn.state === undefined ? { ...turn, state: null } : turn))];
  }

  /** Keeps the buttons of this answer so that typing a label works like tapping it. */
  async function remember(ctx: TurnContext, messages: Message[]): Promise<Message[]> {
    const offered = offeredIn(messages);
    const json = offered.length ? JSON.stringify(offered) : null;
    // Only the last answer's buttons count: an answer without any forgets the earlier ones.
    if (json !== (ctx.user.offered ?? null)) await setOffered(db, ctx.user.id, json);
    return messages;
  }

  // Button labels are a small, repeating set (もっと見る, 元に戻す, area names): their readings are kept.
  const labelReadings = new Map<string, string>();
  async function readingOf(label: string, now: Date): Promise<string> {
    let r = labelReadings.get(label);
    if (r === undefined) {
      r = (await deps.nlu.route(label, now)).reading;
      if (labelReadings.size > 2000) labelReadings.clear();
      labelReadings.set(label, r);
    }
    return r;
  }

  async function typedButton(ctx: TurnContext, text: string, route: RouteResult): Promise<Postback | null> {
    if (!ctx.user.offered || longerThan(text, MAX_LABEL_TEXT)) return null;
    const offered = parseOffered(ctx.user.offered);
    let hit = offered.find(([label]) => writtenMatch(text, label));
    if (!hit && route.reading) {
      const readings = await Promise.all(offered.map(([label]) => readingOf(label, ctx.now)));
      hit = offered.find((_, i) => readings[i] && readingMatch(route.reading, readings[i]));
    }
    return hit ? decodePostback(hit[1]) : null;
  }

  async function messagesFor(ev: WebhookEvent, lineUserId: string, now: Date): Promise<Message[]> {
    if (ev.type === "follow") {
      await markFollowed(db, lineUserId, now);
      return welcomeMessages();
    }
    if (ev.type === "unfollow") {
      await markUnfollowed(db, lineUserId, now);
      return [];
    }
    if (ev.type !== "message" && ev.type !== "postback") {
      logger.info("event type not handled", { type: ev.type });
      return [];
    }
    const user = await ensureUser(db, lineUserId);
    const ctx: TurnContext = { deps, user, lineUserId, event: ev, now };
    if (ev.type === "postback") {
      const postback = decodePostback(ev.postback?.data);
      if (!postback) return expiredButtonMessages();
      return remember(ctx, await handleInput(ctx, { kind: "postback", postback }));
    }
    const m = ev.message;
    if (m?.type === "text" && typeof m.text === "string") {
      if (longerThan(m.text, MAX_ROUTED_TEXT)) return tooLongMessages();
      const route = await deps.nlu.route(m.text, now);
      const plain = closeJapaneseSpaces(normalize(m.text));
      for (const c of commands) {
        const match = c.pattern.exec(plain);
        const turn = match ? await c.handle(ctx, match) : null;
        if (turn) return remember(ctx, await applyTurn(ctx, turn));
      }
      // A button of the last answer, typed instead of tapped, works like the tap.
      const typed = urgent.has(route.intent) ? null : await typedButton(ctx, m.text, route);
      if (typed) return remember(ctx, await handleInput(ctx, { kind: "postback", postback: typed }));
      return remember(ctx, await handleInput(ctx, { kind: "text", text: m.text, route }));
    }
    if (m?.type === "location" && Number.isFinite(m.latitude) && Number.isFinite(m.longitude)) {
      const lat = m.latitude as number;
      const lng = m.longitude as number;
      if (Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
        return remember(ctx, await handleInput(ctx, { kind: "location", lat, lng, title: typeof m.title === "string" ? m.title : undefined, address: typeof m.address === "string" ? m.address : undefined }));
      }
    }
    return unsupportedMessages();
  }

  /**
   * A group or room: nothing personal or staff-only is ever posted there. The bot says once
   * (on joining, or at the first message if it joined unnoticed) that it works one-to-one.
   */
  async function inGroup(ev: WebhookEvent, chatId: string): Promise<void> {
    if (ev.type === "leave") return forgetGroup(db, chatId);
    if (ev.type !== "join" && ev.type !== "message") return;
    const token = replyTokenOf(ev);
    if (!token || !(await firstTimeInGroup(db, chatId))) return;
    const m = deps.config.municipality;
    await deps.line.reply(token, undefined, groupChatMessages(m.accountName, m.addFriendUrl));
  }

  return {
    async handle(ev) {
      const lineUserId = userIdOf(ev);
      const chatId = chatIdOf(ev);
      if (chatId) {
        try {
          await inGroup(ev, chatId);
          return HANDLED;
        } catch (err) {
          logger.error("group event handling failed", { err, type: ev.type });
          return { ok: false, errorKind: kindOf(err) };
        }
      }
      if (!lineUserId) {
        logger.info("event without a user source ignored", { type: ev.type, source: ev.source?.type });
        return HANDLED;
      }
      const now = deps.clock.now();
      let messages: Message[];
      let result = HANDLED;
      try {
        messages = await messagesFor(ev, lineUserId, now);
      } catch (err) {
        // The person still gets an apology; the event is recorded as failed, with the error's kind.
        logger.error("event handling failed", { err, type: ev.type, eventId: ev.webhookEventId });
        messages = ev.type === "unfollow" ? [] : apologyMessages();
        result = { ok: false, errorKind: kindOf(err) };
      }
      if (messages.length === 0) return result;
      const age = typeof ev.timestamp === "number" ? now.getTime() - ev.timestamp : 0;
      const token = age > REPLY_TOKEN_TTL_MS ? undefined : replyTokenOf(ev);
      const outcome = await deps.line.reply(token, lineUserId, messages);
      if (outcome === "failed") logger.warn("answer could not be delivered", { type: ev.type, eventId: ev.webhookEventId });
      const after = afterReply.get(ev);
      // Not awaited: a long send must not hold up this user's next message.
      if (after) void after().catch((err) => logger.error("follow-up work failed", { err, type: ev.type }));
      return result;
    },
  };
}
