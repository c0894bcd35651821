import { randomBytes, randomUUID } from "node:crypto";
import { OpenApiDocument, SPEC_DIR } from "../../src/line/openapi.js";
import path from "node:path";

/**
 * Webhook bodies shaped exactly like LINE's, each checked against
 * webhook.yml so a test never feeds the app something LINE would not send.
 */
let webhookSpec: OpenApiDocument | undefined;
function spec(): OpenApiDocument {
  webhookSpec ??= OpenApiDocument.load(path.join(SPEC_DIR, "webhook.yml"));
  return webhookSpec;
}

/** Events carry the test clock's time, as LINE stamps them when the user acts. */
let now: () => number = () => Date.now();
export function setEventClock(fn: () => number) {
  now = fn;
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A ULID, as LINE's webhookEventId is: 48 bits of milliseconds then 80
 * random bits, in Crockford base 32. Ids made later sort later, which is
 * what the event table's index sees in production.
 */
export function ulid(ms = Date.now()): string {
  let time = "";
  for (let i = 0, t = ms; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  let rest = "";
  for (const b of randomBytes(16)) rest += CROCKFORD[b % 32];
  return time + rest;
}

function base(userId: string, type: string, extra: Record<string, unknown> = {}) {
  return {
    type,
    mode: "active",
    timestamp: now(),
    source: { type: "user", userId },
    webhookEventId: ulid(),
    deliveryContext: { isRedelivery: false },
    ...extra,
  };
}

export function replyToken(): string {
  return randomUUID().replace(/-/g, "");
}

export const events = {
  follow: (userId: string) => base(userId, "follow", { replyToken: replyToken(), follow: { isUnblocked: false } }),
  unfollow: (userId: string) => base(userId, "unfollow"),
  text: (userId: string, text: string) =>
    base(userId, "message", { replyToken: replyToken(), message: { type: "text", id: String(Date.now()), quoteToken: "q" + randomUUID(), text } }),
  location: (userId: string, latitude: number, longitude: number, title = "位置情報") =>
    base(userId, "message", { replyToken: replyToken(), message: { type: "location", id: String(Date.now()), title, address: "東京都板橋区", latitude, longitude } }),
  sticker: (userId: string) =>
    base(userId, "message", {
      replyToken: replyToken(),
      message: { type: "sticker", id: String(Date.now()), quoteToken: "q", packageId: "446", stickerId: "1988", stickerResourceType: "STATIC" },
    }),
  image: (userId: string) =>
    base(userId, "message", { replyToken: replyToken(), message: { type: "image", id: String(Date.now()), quoteToken: "q", contentProvider: { type: "line" } } }),
  postback: (userId: string, data: string) => base(userId, "postback", { replyToken: replyToken(), postback: { data } }),
};

export function callbackBody(evs: object[]): { destination: string; events: object[] } {
  const body = { destination: "U" + "0".repeat(32), events: evs };
  const violations = spec().validateSchema("CallbackRequest", body);
  if (violations.length) throw new Error("test webhook does not match webhook.yml: " + JSON.stringify(violations));
  return body;
}
