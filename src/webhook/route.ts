import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../data/client.js";
import { recordEvents } from "../data/events.js";
import { verifySignature } from "../line/signature.js";
import type { Logger } from "../log.js";
import { readRawBody } from "./raw-body.js";
import { eventKey, isCallbackBody, isEventObject, userIdOf, type WebhookEvent } from "./events.js";

/** LINE's webhook bodies are a few KB; a megabyte leaves room for many events and stops abuse early. */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

export interface WebhookOptions {
  channelSecret: string;
  db: Db;
  logger: Logger;
  /** Queues an accepted event for handling after the 200 has gone out. */
  enqueue: (ev: WebhookEvent, key: string) => void;
  newRequestId: () => string;
}

/**
 * Records each event by its webhookEventId before acknowledging, so a
 * redelivery (or a duplicate POST, or the same event at another instance) is
 * acknowledged but not handled twice, and an event accepted before a crash can
 * be handled after the restart. Returns the events that are new.
 */
export async function acceptEvents(db: Db, events: WebhookEvent[]): Promise<{ ev: WebhookEvent; key: string }[]> {
  const keyed = events.map((ev) => ({ ev, key: eventKey(ev) }));
  const fresh = await recordEvents(
    db,
    keyed.map(({ ev, key }) => ({
      key,
      type: ev.type,
      redelivery: ev.deliveryContext?.isRedelivery === true,
      payload: JSON.stringify(ev),
      sourceKey: queueKeyOf(ev),
      occurredAt: typeof ev.timestamp === "number" && Number.isFinite(ev.timestamp) && Math.abs(ev.timestamp) < 8.64e15 ? new Date(ev.timestamp) : null,
    })),
    new Date(),
  );
  // The same event twice in one body is handled once.
  const seen = new Set<string>();
  return keyed.filter(({ key }) => fresh.has(key) && !seen.has(key) && seen.add(key));
}

/** A plain Node request handler: what every LINE event goes through. */
export type WebhookHandler = (req: IncomingMessage, res: ServerResponse) => void;

function answerJson(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) }).end(text);
}

/**
 * POST /webhook as a plain Node handler. Every event passes here, and
 * Express's per-request work (swapping the request's and response's
 * prototypes, routing, its response helpers) cost more main-thread time per
 * event than verifying, parsing and recording it together; the app's
 * listener (see app.ts) hands this route straight to it.
 */
export function createWebhookHandler(o: WebhookOptions): WebhookHandler {
  return (req, res) => {
    let child: Logger | undefined;
    // Made on first use (request id included): most requests log nothing at info level.
    const log = () => (child ??= o.logger.child({ requestId: o.newRequestId() }));
    readRawBody(req, WEBHOOK_BODY_LIMIT_BYTES, (failure, raw) => {
      if (failure === "too-large") {
        log().warn("webhook rejected: body too large", { bytes: Number(req.headers["content-length"]) || null });
        answerJson(res, 413, { message: "body too large" });
        return;
      }
      if (failure) {
        answerJson(res, 400, { message: "bad request" });
        return;
      }
      accept(req, res, raw, log).catch((err) => {
        // A fault of ours, not of the request: answered (or, after the 200, logged) instead of leaving LINE waiting.
        log().error("webhook failed", { err });
        if (!res.headersSent) answerJson(res, 500, { message: "internal error" });
      });
    });
  };

  async function accept(req: IncomingMessage, res: ServerResponse, raw: Buffer, log: () => Logger): Promise<void> {
    if (!verifySignature(o.channelSecret, raw, req.headers["x-line-signature"])) {
      log().warn("webhook rejected: bad signature", { bytes: raw.length });
      answerJson(res, 401, { message: "invalid signature" });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      log().warn("webhook rejected: body is not JSON", { bytes: raw.length });
      answerJson(res, 400, { message: "body is not JSON" });
      return;
    }
    // A body nested deeper than any LINE event could never be recorded (serialising it would
    // overflow the stack): a 4xx, so LINE does not redeliver it forever.
    if (nestingDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      log().warn("webhook rejected: JSON nested too deeply", { bytes: raw.length });
      answerJson(res, 400, { message: "JSON nested too deeply" });
      return;
    }
    if (!isCallbackBody(body)) {
      log().warn("webhook rejected: no events array");
      answerJson(res, 400, { message: "events array is required" });
      return;
    }
    const events = body.events.filter(isEventObject);
    if (events.length < body.events.length) log().warn("malformed events skipped", { count: body.events.length - events.length });
    let fresh;
    try {
      fresh = await acceptEvents(o.db, events);
    } catch (err) {
      // Not acknowledged: LINE redelivers, nothing is lost.
      log().error("could not record events", { err });
      answerJson(res, 500, { message: "temporarily unavailable" });
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": 2 }).end("{}");
    log().debug("webhook accepted", { events: events.length, fresh: fresh.length });
    for (const { ev, key } of fresh) o.enqueue(ev, key);
  }
}

/** True for the exact request line LINE sends; anything else goes through the app's router. */
export function isWebhookRequest(req: IncomingMessage): boolean {
  return req.url === "/webhook" && req.method === "POST";
}

export function queueKeyOf(ev: WebhookEvent): string {
  return userIdOf(ev) ?? ev.source?.groupId ?? ev.source?.roomId ?? "unknown-source";
}

/** LINE's events nest a few levels; past this a body is not an event, and recording it could overflow the stack. */
export const MAX_JSON_DEPTH = 512;

/** How deep a parsed JSON value nests, counted without recursion and stopping once past `limit`. */
export function nestingDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === "object") stack.push([child, d + 1]);
  }
  return max;
}
