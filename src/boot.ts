import http from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import { systemClock } from "./clock.js";
import { ConfigError, loadConfig } from "./config.js";
import { createPrisma } from "./data/client.js";
import { deployMigrations } from "./data/migrate.js";
import { seedIfEmpty } from "./data/seed.js";
import type { AppDeps } from "./deps.js";
import { LineGateway } from "./line/client.js";
import { LineSenderThread } from "./line/sender-thread.js";
import type { FakeLinePlatform } from "./line/fake-platform.js";
import { capturedCallFields } from "./line/capture-log.js";
import { createLogger } from "./log.js";
import { loadAreas, loadNlu } from "./nlu/index.js";
import type { NluWorker } from "./nlu/remote.js";
import { SimulatorHub } from "./simulator/hub.js";
import { simulatorRoutes } from "./simulator/routes.js";
import type { Nlu } from "./nlu/nlu.js";
import { Jobs } from "./jobs/jobs.js";
import { startScheduler } from "./jobs/scheduler.js";

/** Boot: config → migrations → seed → LINE client (sender thread) → HTTP → NLU thread gets the areas → ready; graceful shutdown. */
export async function boot(nluWorker: NluWorker): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`設定エラー / configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const applied = await deployMigrations(config.databaseUrl);
  if (applied.length) logger.info("database migrated", { applied });
  const db = await createPrisma(config.databaseUrl);
  const seeded = await seedIfEmpty(db);
  if (seeded) logger.info("demo data loaded", { ...seeded });

  let capture: FakeLinePlatform | undefined;
  let lineBaseUrl = config.lineApiBaseUrl;
  const hub = config.localMode ? new SimulatorHub() : undefined;
  if (config.localMode) {
    // The fake platform is loaded only here (local mode) and by tests, never in production.
    const { FakeLinePlatform } = await import("./line/fake-platform.js");
    capture = new FakeLinePlatform({
      // The simulator and the log get each call as it happens; keeping them all would grow without end.
      keepCalls: false,
      onCall: (call) => {
        hub?.publish(call);
        logger.info("local capture: LINE API call", capturedCallFields(call, false));
        logger.debug("local capture: LINE API call texts", capturedCallFields(call, true));
      },
    });
    lineBaseUrl = await capture.start();
    logger.info(
      "LOCAL MODE: no LINE credentials configured; using a development channel secret and capturing LINE API calls in-process; try the bot at /simulator (set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN for a real bot)",
      { capture: lineBaseUrl },
    );
  }
  const line = new LineGateway({ db, logger, channelAccessToken: config.channelAccessToken, baseUrl: lineBaseUrl, transport: (o) => new LineSenderThread(o, () => logger.error("LINE sender thread keeps failing; sending from the main thread")) });

  let resolveReady!: () => void;
  const whenReady = new Promise<void>((r) => (resolveReady = r));
  let nlu: Nlu | undefined;
  const jobs = new Jobs({ db, line, logger, clock: systemClock, timeZone: config.timeZone, organizerCheck: config.organizerCheck, chunkIntervalMs: 10, staleClaimMs: config.jobClaimTimeoutMs });
  const deps: AppDeps = {
    config,
    db,
    line,
    logger,
    clock: systemClock,
    nlu: { route: (text, now) => nlu!.route(text, now) },
    jobs,
  };
  const handle = createApp(deps, {
    whenReady,
    // The simulator exists only in local mode: never in production.
    extraRoutes: hub ? (app) => app.use(simulatorRoutes({ hub, db, channelSecret: config.channelSecret })) : undefined,
  });
  const server = http.createServer(handle.listener);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  const port = (server.address() as AddressInfo).port;

  try {
    await nluWorker.start(await loadAreas(db), config.timeZone);
    nlu = nluWorker;
  } catch (err) {
    // Slower, but the bot still understands people.
    logger.warn("NLU thread unavailable; routing on the main thread", { err });
    void nluWorker.close().catch(() => {});
    nlu = await loadNlu(db, config.timeZone);
  }
  handle.setReady(true);
  resolveReady();
  logger.info("ready", { port, startupMs: Date.now() - started, localMode: config.localMode, database: config.database.provider, eventOrdering: config.eventOrdering });

  const resumed = await handle.resumeUnfinished();
  if (resumed) logger.info("resuming events accepted before the last stop", { count: resumed });
  // Several processes on one database: events a stopped process had recorded are taken over.
  const sweeper =
    config.eventOrdering === "database"
      ? setInterval(() => void handle.sweepWaitingEvents().catch((err) => logger.error("sweeping waiting events failed", { err })), 10_000)
      : undefined;
  sweeper?.unref();
  const pending = await line.resumePending();
  if (pending.accepted || pending.failed) logger.info("resent pending pushes", { ...pending });
  const stopScheduler = startScheduler(jobs, config.timeZone);
  void jobs.kick();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    handle.setReady(false);
    stopScheduler();
    if (sweeper) clearInterval(sweeper);
    const closed = new Promise<void>((r) => server.close(() => r()));
    server.closeIdleConnections();
    await handle.drain();
    await jobs.stop();
    await closed;
    hub?.close();
    line.close();
    await capture?.stop();
    await nluWorker.close().catch(() => {});
    await db.$disconnect();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
