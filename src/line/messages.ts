import type { messagingApi } from "@line/bot-sdk";
import { MAX_ACTION_LABEL, MAX_ALT_TEXT_LENGTH, MAX_QUICK_REPLY_ITEMS, MAX_TEXT_LENGTH, truncate } from "./limits.js";
import { encodePostback } from "./postback.js";

/** Builders for the message objects the bot sends, keeping LINE's limits by construction. */

export type Message = messagingApi.Message;
export type Action = messagingApi.Action;
export type FlexComponent = messagingApi.FlexComponent;
export type FlexBubble = messagingApi.FlexBubble;

export type QuickReplyChoice =
  | { kind: "postback"; label: string; action: string; params?: Record<string, string | number | boolean | undefined>; displayText?: string }
  | { kind: "message"; label: string; text: string }
  | { kind: "location"; label: string }
  | { kind: "uri"; label: string; uri: string };

export function label(text: string): string {
  return truncate(text, MAX_ACTION_LABEL, "");
}

export function postbackAction(text: string, action: string, params: Record<string, string | number | boolean | undefined> = {}, displayText?: string): messagingApi.PostbackAction {
  return { type: "postback", label: label(text), data: encodePostback(action, params), displayText: displayText ?? label(text) };
}

export function messageAction(text: string, message = text): messagingApi.MessageAction {
  return { type: "message", label: label(text), text: truncate(message, 300) };
}

export function uriAction(text: string, uri: string): messagingApi.URIAction {
  return { type: "uri", label: label(text), uri };
}

export { telUri } from "../util/phone.js";

function toAction(c: QuickReplyChoice): Action {
  switch (c.kind) {
    case "postback":
      return postbackAction(c.label, c.action, c.params, c.displayText);
    case "message":
      return messageAction(c.label, c.text);
    case "location":
      return { type: "location", label: label(c.label) };
    case "uri":
      return uriAction(c.label, c.uri);
  }
}

export function quickReply(choices: QuickReplyChoice[]): messagingApi.QuickReply | undefined {
  if (choices.length === 0) return undefined;
  return { items: choices.slice(0, MAX_QUICK_REPLY_ITEMS).map((c) => ({ type: "action", action: toAction(c) })) };
}

export function text(body: string, choices: QuickReplyChoice[] = []): messagingApi.TextMessage {
  const msg: messagingApi.TextMessage = { type: "text", text: truncate(body.trim() || "…", MAX_TEXT_LENGTH) };
  const qr = quickReply(choices);
  if (qr) msg.quickReply = qr;
  return msg;
}

/**
 * Large text: many residents set LINE's font size to the largest. Every text,
 * button and icon follows that setting (`scaling`), and texts wrap instead of
 * being cut off, so a date, place or phone number is never hidden.
 */
export function readable<T>(node: T): T {
  if (Array.isArray(node)) {
    for (const n of node) readable(n);
    return node;
  }
  if (!node || typeof node !== "object") return node;
  const n = node as Record<string, unknown>;
  if (n.type === "text" || n.type === "button" || n.type === "icon") n.scaling = true;
  if (n.type === "text") {
    n.wrap = true;
    delete n.maxLines;
  }
  for (const k of ["contents", "header", "hero", "body", "footer"]) if (k in n) readable(n[k]);
  return node;
}

export function flex(altText: string, contents: messagingApi.FlexContainer, choices: QuickReplyChoice[] = []): messagingApi.FlexMessage {
  const msg: messagingApi.FlexMessage = { type: "flex", altText: truncate(altText, MAX_ALT_TEXT_LENGTH), contents: readable(contents) };
  const qr = quickReply(choices);
  if (qr) msg.quickReply = qr;
  return msg;
}
