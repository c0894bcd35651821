import { createHash } from "node:crypto";

/**
 * Webhook events as they arrive: typed loosely on purpose, because a signed
 * body can still carry anything. Every field is checked before use.
 */
export interface WebhookEvent {
  type: string;
  mode?: string;
  timestamp?: number;
  webhookEventId?: string;
  replyToken?: string;
  source?: { type?: string; userId?: string; groupId?: string; roomId?: string };
  deliveryContext?: { isRedelivery?: boolean };
  message?: {
    type?: string;
    id?: string;
    text?: string;
    latitude?: number;
    longitude?: number;
    title?: string;
    address?: string;
    [k: string]: unknown;
  };
  postback?: { data?: string; params?: Record<string, string> };
  [k: string]: unknown;
}

export interface CallbackBody {
  destination?: string;
  events: unknown[];
}

export function isCallbackBody(value: unknown): value is CallbackBody {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Array.isArray((value as CallbackBody).events);
}

export function isEventObject(value: unknown): value is WebhookEvent {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as WebhookEvent).type === "string";
}

/** LINE's id for the event; a content hash when a hostile body leaves it out, so a repeat still counts as seen. */
export function eventKey(ev: WebhookEvent): string {
  if (typeof ev.webhookEventId === "string" && ev.webhookEventId.length > 0 && ev.webhookEventId.length <= 100) return ev.webhookEventId;
  return "h:" + createHash("sha256").update(JSON.stringify(ev)).digest("hex").slice(0, 40);
}

const USER_ID = /^U[0-9a-zA-Z_-]{1,64}$/;

/** The LINE user behind a one-to-one event, or undefined for groups, rooms and malformed sources. */
export function userIdOf(ev: WebhookEvent): string | undefined {
  const id = ev.source?.userId;
  return ev.source?.type === "user" && typeof id === "string" && USER_ID.test(id) ? id : undefined;
}

export function replyTokenOf(ev: WebhookEvent): string | undefined {
  const t = ev.replyToken;
  return typeof t === "string" && t.length > 0 && t.length <= 200 ? t : undefined;
}

const CHAT_ID = /^[CR][0-9a-zA-Z_-]{1,64}$/;

/** The group or room an event comes from, or undefined for one-to-one chats. */
export function chatIdOf(ev: WebhookEvent): string | undefined {
  const s = ev.source;
  const id = s?.type === "group" ? s.groupId : s?.type === "room" ? s.roomId : undefined;
  return typeof id === "string" && CHAT_ID.test(id) ? id : undefined;
}
