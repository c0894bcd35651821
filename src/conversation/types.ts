import type { AppDeps } from "../deps.js";
import type { User } from "../generated/prisma/client.js";
import type { Message } from "../line/messages.js";
import type { Postback } from "../line/postback.js";
import type { RouteResult } from "../nlu/types.js";
import type { WebhookEvent } from "../webhook/events.js";
import type { Role } from "../users/service.js";

/** A flow step that only keeps context for follow-ups (not a question): it expires and is cancelled quietly. */
export const CONTEXT_STEP = "context" as const;

/**
 * The state of every multi-turn flow, as one discriminated union. Each feature
 * declares its own flows by augmenting this interface (flow name → a union of
 * `{ flow; step; data }` objects, one per step), next to the handler that uses
 * them; the conversation layer never imports a feature for it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FlowStates {
  /** "もしかして": the message asked about and the meanings offered as buttons. */
  clarify: { flow: "clarify"; step: typeof CONTEXT_STEP; data: { route: RouteResult; offered: string[] } };
}

export type FlowState = FlowStates[keyof FlowStates];
export type FlowName = FlowState["flow"];
/** The states of one flow. */
export type StateOf<F extends FlowName> = Extract<FlowState, { flow: F }>;

/** What a handler decides: the messages to send and the flow state to keep (null clears it). */
export interface Turn {
  replies: Message[];
  state?: FlowState | null;
  /** Work to start once the replies have gone out (e.g. sending an announcement). */
  after?: () => Promise<unknown>;
}

export interface TurnContext {
  deps: AppDeps;
  user: User;
  lineUserId: string;
  event: WebhookEvent;
  now: Date;
}

export type Input =
  | { kind: "text"; text: string; route: RouteResult }
  | { kind: "postback"; postback: Postback }
  | { kind: "location"; lat: number; lng: number; title?: string; address?: string };

export interface Command {
  pattern: RegExp;
  /** null: not for this person after all (予定を変えたい from someone who organises nothing); routing goes on. */
  handle: (ctx: TurnContext, match: RegExpExecArray) => Promise<Turn | null>;
}

export type IntentHandler = (ctx: TurnContext, route: RouteResult) => Promise<Turn>;
export type PostbackHandler = (ctx: TurnContext, params: Record<string, string>) => Promise<Turn>;
/** Handles an input while the user is inside this flow; returning null hands the input back to the router. */
export type FlowHandler<F extends FlowName = FlowName> = (ctx: TurnContext, input: Input, state: StateOf<F>) => Promise<Turn | null>;
export type LocationHandler = (ctx: TurnContext, loc: { lat: number; lng: number; title?: string; address?: string }) => Promise<Turn>;

/** A feature folder's contribution to the dispatcher. */
export interface Feature {
  name: string;
  intents?: Record<string, IntentHandler>;
  /** Intents answered before anything else, even inside a flow (emergencies); the flow is left as it was. */
  urgent?: Record<string, IntentHandler>;
  /** Exact commands (SC登録 ABCD, お知らせ停止) checked on the normalised text before routing, even inside a flow. */
  commands?: Command[];
  /** Intents only these roles may use; anyone else gets the resident answer. */
  restricted?: Record<string, Role[]>;
  postbacks?: Record<string, PostbackHandler>;
  flows?: { [F in FlowName]?: FlowHandler<F> };
  /** What to say when the person cancels this flow, where the generic "やめました" could be misread. */
  cancelled?: Record<string, () => Message[]>;
  location?: LocationHandler;
}
