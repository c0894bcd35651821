import { randomUUID } from "node:crypto";
import type { RequestListener } from "node:http";
import express, { type NextFunction, type Request, type Response } from "express";
import { createDispatcher } from "./conversation/dispatcher.js";
import { countFailedEventsSince, databaseAnswers } from "./data/events.js";
import { createEventRunner } from "./webhook/event-runner.js";
import type { Feature } from "./conversation/types.js";
import type { AppDeps } from "./deps.js";
import type { Logger } from "./log.js";
import { allFeatures } from "./features/index.js";
import { VERSION } from "./version.js";
import { webRoutes } from "./web/routes.js";
import { consoleRoutes } from "./console/routes.js";
import type { WebhookEvent } from "./webhook/events.js";
import { createWebhookHandler, isWebhookRequest } from "./webhook/route.js";

export interface AppOptions {
  features?: Feature[];
  /** Webhook events wait for this before being handled (e.g. the tokenizer loading). */
  whenReady?: Promise<void>;
  /** Extra routes mounted before the error handler (the simulator in local mode). */
  extraRoutes?: (app: express.Express) => void;
}

export interface AppHandle {
  /** Every route, the webhook included. */
  app: express.Express;
  /** What the HTTP server runs: POST /webhook straight to its handler, the rest through `app`. */
  listener: RequestListener;
  /** Marks the process ready (or not) for /healthz. */
  setReady(ready: boolean): void;
  /** Handles an event that was recorded but not finished (e.g. before a crash). */
  enqueue(ev: WebhookEvent, key: string): void;
  /** Resolves when every accepted event has been handled. */
  drain(): Promise<void>;
  /** Re-queues events accepted before a restart but never finished. */
  resumeUnfinished(): Promise<number>;
  /** With several processes: takes over events whose process stopped before handling them. */
  sweepWaitingEvents(): Promise<number>;
}

export function createApp(deps: AppDeps, options: AppOptions = {}): AppHandle {
  const { db, logger } = deps;
  const dispatcher = createDispatcher(deps, options.features ?? allFeatures);
  const whenReady = options.whenReady ?? Promise.resolve();
  let ready = false;
  const runner = createEventRunner({
    db,
    logger,
    ordering: deps.config.eventOrdering,
    whenReady,
    handle: async (ev) => {
      const handled = await dispatcher.handle(ev);
      return handled.ok ? { status: "done" } : { status: "failed", errorKind: handled.errorKind };
    },
  });
  const enqueue = (ev: WebhookEvent, key: string) => runner.accepted(ev, key);

  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  const webhook = createWebhookHandler({ channelSecret: deps.config.channelSecret, db, logger, enqueue, newRequestId: randomUUID });
  // Also on the router, for a URL the listener does not take directly (a query string, say).
  app.post("/webhook", (req, res) => webhook(req, res));

  app.get("/healthz", async (_req, res) => {
    if (!ready) {
      res.status(503).json({ status: "starting", version: VERSION });
      return;
    }
    const database = (await databaseAnswers(db)) ? "ok" : "unreachable";
    const ok = database === "ok";
    // Events whose handling failed in the last day: reported here (and by `npm run admin -- failed-events`).
    let failedEvents24h: number | undefined;
    try {
      failedEvents24h = await countFailedEventsSince(db, new Date(Date.now() - 86_400_000));
    } catch {
      failedEvents24h = undefined;
    }
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "degraded", database, tokenizer: "ready", version: VERSION, localMode: deps.config.localMode, failedEvents24h });
  });

  // Public pages and printed sheets (no sign-in), from the same data and search as the bot.
  app.use(webRoutes(deps));
  // The staff console: sign-in by a one-time link from the bot, roles checked per action.
  app.use(consoleRoutes(deps));
  options.extraRoutes?.(app);
  app.use((_req, res) => {
    res.status(404).json({ message: "not found" });
  });
  app.use(requestErrorHandler(logger));

  return {
    app,
    listener: (req, res) => (isWebhookRequest(req) ? webhook(req, res) : app(req, res)),
    setReady: (r) => {
      ready = r;
    },
    enqueue,
    drain: () => runner.idle(),
    resumeUnfinished: () => runner.resume(),
    sweepWaitingEvents: () => runner.sweep(),
  };
}

/** Body-parser failures (the simulator's JSON routes) become clear statuses instead of Express's HTML error page. */
function requestErrorHandler(logger: Logger) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const type = (err as { type?: string })?.type;
    if (type === "entity.too.large") {
      res.status(413).json({ message: "body too large" });
      return;
    }
    if (type === "request.aborted" || type === "request.size.invalid" || type === "encoding.unsupported" || type === "charset.unsupported") {
      res.status(400).json({ message: "bad request" });
      return;
    }
    logger.error("unhandled request error", { err });
    res.status(500).json({ message: "internal error" });
  };
}
