import http from "node:http";
import type { AddressInfo } from "node:net";
import { newTestDatabase } from "./database.js";
import { createApp, type AppHandle } from "../../src/app.js";
import { ManualClock } from "../../src/clock.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createPrisma, type Db } from "../../src/data/client.js";
import { deployMigrations } from "../../src/data/migrate.js";
import type { AppDeps } from "../../src/deps.js";
import { LineGateway, type RetryPolicy } from "../../src/line/client.js";
import { FakeLinePlatform } from "../../src/line/fake-platform.js";
import { LineSenderThread } from "../../src/line/sender-thread.js";
import { signBody } from "../../src/line/signature.js";
import { createLogger, type Logger } from "../../src/log.js";
import type { Nlu } from "../../src/nlu/nlu.js";
import { Jobs } from "../../src/jobs/jobs.js";
import { tableNlu } from "./fake-nlu.js";
import { callbackBody, setEventClock } from "./webhooks.js";

export interface TestApp {
  url: string;
  db: Db;
  line: FakeLinePlatform;
  gateway: LineGateway;
  clock: ManualClock;
  config: Config;
  handle: AppHandle;
  deps: AppDeps;
  jobs: Jobs;
  logs: string[];
  /** The test's own database (a copy of the seeded template unless `seeded: false`). */
  databaseUrl: string;
  /** Signs and posts events like LINE does; resolves with the HTTP status. */
  post(evs: object[]): Promise<number>;
  /** Posts and waits until every accepted event has been handled. */
  send(...evs: object[]): Promise<number>;
  postRaw(body: string | Buffer, signature?: string | null, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Messages the fake platform accepted for a user. */
  messagesTo(userId: string): any[];
  textsTo(userId: string): string[];
  stop(): Promise<void>;
}

export interface TestAppOptions {
  nlu?: Nlu;
  now?: string;
  seeded?: boolean;
  retry?: Partial<RetryPolicy>;
  /** Reuse an existing database (to test restarts). */
  databaseUrl?: string;
  line?: FakeLinePlatform;
  /** More environment for loadConfig (EVENT_ORDERING, say). */
  env?: Record<string, string>;
  /** Send LINE calls from the sender thread, as the bot does, instead of in-process. */
  senderThread?: boolean;
}

/** Everything the bot shows as text: text messages, and altText plus all text of Flex messages. */
export function textOf(m: any): string {
  if (m.type === "text") return m.text;
  const parts: string[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== "object") return;
    if (typeof n.text === "string") parts.push(n.text);
    if (typeof n.label === "string") parts.push(n.label);
    for (const v of Object.values(n)) walk(v);
  };
  walk(m.contents ?? m);
  return [m.altText ?? "", ...parts].join("\n");
}

export async function startTestApp(o: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = o.databaseUrl ?? (await newTestDatabase({ seeded: o.seeded }));
  await deployMigrations(databaseUrl);
  const line = o.line ?? new FakeLinePlatform();
  const lineUrl = o.line ? o.line.url : await line.start();
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: databaseUrl, ...o.env });
  const logs: string[] = [];
  const logger: Logger = createLogger("debug", (l) => logs.push(l));
  const db = await createPrisma(databaseUrl, { poolSize: 4 });
  const clock = new ManualClock(o.now ?? "2026-12-01T01:00:00Z");
  setEventClock(() => clock.now().getTime());
  const gateway = new LineGateway({
    db,
    logger,
    channelAccessToken: config.channelAccessToken,
    baseUrl: lineUrl,
    retry: { baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 500, ...o.retry },
    transport: o.senderThread ? (h) => new LineSenderThread(h) : undefined,
  });
  const jobs = new Jobs({ db, line: gateway, logger, clock, timeZone: config.timeZone, organizerCheck: config.organizerCheck });
  const deps: AppDeps = { config, db, line: gateway, logger, clock, nlu: o.nlu ?? tableNlu(), jobs };
  const handle = createApp(deps);
  handle.setReady(true);
  const server = http.createServer(handle.listener);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const postRaw = async (body: string | Buffer, signature?: string | null, headers: Record<string, string> = {}) => {
    const h: Record<string, string> = { "content-type": "application/json", ...headers };
    const sig = signature === undefined ? signBody(config.channelSecret, body) : signature;
    if (sig !== null) h["x-line-signature"] = sig;
    const res = await fetch(`${url}/webhook`, { method: "POST", headers: h, body });
    return { status: res.status, body: await res.text() };
  };
  const post = async (evs: object[]) => {
    for (const ev of evs as any[]) {
      if (ev.replyToken && ev.source?.userId) line.replyTokenOwners.set(ev.replyToken, ev.source.userId);
    }
    return (await postRaw(JSON.stringify(callbackBody(evs)))).status;
  };
  let stopped = false;
  const app: TestApp = {
    url,
    db,
    line,
    gateway,
    clock,
    config,
    handle,
    deps,
    jobs,
    logs,
    databaseUrl,
    post,
    async send(...evs) {
      const status = await post(evs);
      await handle.drain();
      await jobs.idle();
      return status;
    },
    postRaw,
    messagesTo: (u) => line.messagesTo(u),
    textsTo: (u) => line.messagesTo(u).map(textOf),
    async stop() {
      if (stopped) return;
      stopped = true;
      await handle.drain();
      await jobs.idle();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      gateway.close();
      if (!o.line) await line.stop();
      await db.$disconnect();
    },
  };
  return app;
}
