import { firstChars, longerThan } from "../util/chars.js";

/** Limits documented by LINE's Messaging API reference. */
export const MAX_MESSAGES_PER_CALL = 5;
export const MAX_MULTICAST_RECIPIENTS = 500;
export const MAX_CAROUSEL_BUBBLES = 12;
export const MAX_QUICK_REPLY_ITEMS = 13;
export const MAX_POSTBACK_DATA = 300;
export const MAX_TEXT_LENGTH = 5000;
export const MAX_ALT_TEXT_LENGTH = 1500;
export const MAX_ACTION_LABEL = 20;

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Cuts by code points (not UTF-16 units) so emoji are never split. */
export function truncate(text: string, max: number, ellipsis = "…"): string {
  if (!longerThan(text, max)) return text;
  return firstChars(text, Math.max(0, max - ellipsis.length)) + ellipsis;
}
