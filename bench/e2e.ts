import { quantile, scratchDatabase } from "./support.js";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { Pool } from "undici";
import { FakeLinePlatform } from "../src/line/fake-platform.js";
import { signBody } from "../src/line/signature.js";
import { npmStartArgs } from "../tests/support/bot-process.js";
import { ulid } from "../tests/support/webhooks.js";

/**
 * End-to-end: signed text events into the real app on loopback, replies
 * captured by the fake LINE platform. Latency is from POST to the reply
 * reaching the platform. The same load against a plain node:http handler
 * that only checks the signature gives the ceiling. E2E_DATABASE=sqlite,
 * postgresql or both (the default): the same run on each database.
 *
 * Both servers are measured in their steady state: each first gets a few
 * seconds of the same saturating load, unmeasured, so the JIT has compiled
 * the hot paths (the first thousand events or so still pay for compiling).
 * The saturation runs then alternate between the bot and the ceiling, so a
 * change in the machine's speed during the run (seen here: ±20 % between
 * minutes) hits both sides of the ratio alike.
 */
const MIX = [
  "はすねのさろん", "近くのサロンを教えて", "月曜日に体操できるところ", "配食サービスはありますか", "こんにちは", "ありがとう",
  "使い方", "高島平の認知症カフェ", "ボランティアに興味があります", "地域包括支援センター", "明日やってるサロン", "ｻﾛﾝ",
];

const ROOT = path.resolve(import.meta.dirname, "..");
/** Concurrent connections of the load generator. */
const CONNECTIONS = Number(process.env.E2E_CONNECTIONS ?? 32);

/**
 * The load generator: undici's pooled keep-alive client, which costs about
 * half the CPU per request of node:http's (the generator shares the machine
 * with what it measures, as autocannon would).
 */
class Loader {
  private readonly pool: Pool;
  constructor(port: number) {
    this.pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONNECTIONS, pipelining: 1 });
  }
  async post(body: string, signature: string): Promise<number> {
    const res = await this.pool.request({ path: "/webhook", method: "POST", headers: { "content-type": "application/json", "x-line-signature": signature }, body });
    await res.body.dump();
    return res.statusCode;
  }
  close(): Promise<void> {
    return this.pool.destroy();
  }
}

function makeEvent(secret: string, i: number) {
  const replyToken = randomUUID();
  const body = JSON.stringify({
    destination: "U0",
    events: [{ type: "message", mode: "active", timestamp: Date.now(), webhookEventId: ulid(), replyToken, deliveryContext: { isRedelivery: false }, source: { type: "user", userId: `U${String(i % 1000).padStart(32, "0")}` }, message: { type: "text", id: String(i), quoteToken: "q", text: MIX[i % MIX.length] } }],
  });
  return { body, signature: signBody(secret, body), replyToken };
}

const q = quantile;

function spawnServer(args: string[], env: Record<string, string>): Promise<{ proc: ChildProcess; port: number; startedMs: number }> {
  const t0 = performance.now();
  const prof = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const proc = spawn(process.execPath, [...prof, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let buf = "";
    proc.stdout!.on("data", (d: Buffer) => {
      buf += d.toString();
      for (const line of buf.split("\n")) {
        try {
          const j = JSON.parse(line);
          if (j.msg === "ready") resolve({ proc, port: j.port, startedMs: performance.now() - t0 });
        } catch {
          /* partial line */
        }
      }
    });
    proc.on("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
}

async function saturate(loader: Loader, secret: string, seconds: number, from: number, track?: Map<string, number>): Promise<{ ok: number; elapsed: number; acks: number[] }> {
  let ok = 0;
  const acks: number[] = [];
  let n = from;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() - start < seconds * 1000) {
        const e = makeEvent(secret, n++);
        const sent = performance.now();
        track?.set(e.replyToken, sent);
        if ((await loader.post(e.body, e.signature)) === 200) ok++;
        acks.push(performance.now() - sent);
      }
    }),
  );
  return { ok, elapsed: (performance.now() - start) / 1000, acks };
}

export async function benchE2e(
  seconds = Number(process.env.E2E_SECONDS ?? 5),
  o: { warmupSeconds?: number; rounds?: number; provider?: "sqlite" | "postgresql" } = {},
): Promise<Record<string, number>> {
  const warmupSeconds = o.warmupSeconds ?? Number(process.env.E2E_WARMUP_SECONDS ?? 3);
  const rounds = o.rounds ?? Number(process.env.E2E_ROUNDS ?? 3);
  const scratch = await scratchDatabase("e2e", { provider: o.provider });
  await scratch.db.$disconnect();
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let handled = 0;
  const platform = new FakeLinePlatform({
    specFile: null,
    keepCalls: false,
    onCall: (c) => {
      const t0 = sentAt.get(c.body?.replyToken);
      if (t0 !== undefined) {
        sentAt.delete(c.body.replyToken);
        latencies.push(performance.now() - t0);
        handled++;
      }
    },
  });
  const lineUrl = await platform.start();
  const secret = "bench-channel-secret";
  // The real bot, in its own process, as in production.
  const bot = await spawnServer(npmStartArgs(), { NODE_ENV: "production", PORT: "0", DATABASE_URL: scratch.url, LINE_CHANNEL_SECRET: secret, LINE_CHANNEL_ACCESS_TOKEN: "bench", LINE_API_BASE_URL: lineUrl, LOG_LEVEL: "info", ...(process.env.EVENT_ORDERING ? { EVENT_ORDERING: process.env.EVENT_ORDERING } : {}) });
  // Ceiling: a plain node:http handler that only verifies the signature, also in its own process.
  const bare = await spawnServer(["--import", "tsx", "bench/bare-server.ts"], { LINE_CHANNEL_SECRET: secret });
  const toBot = new Loader(bot.port);
  const toBare = new Loader(bare.port);
  const quiet = async () => {
    // Everything in flight is handled and the bot is idle before the next phase.
    const until = performance.now() + 30_000;
    while (sentAt.size > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 500));
  };
  let n = 0;

  // Warm-up of both, not measured (replies to it are not counted either).
  await saturate(toBot, secret, warmupSeconds, 5_000_000);
  await saturate(toBare, secret, warmupSeconds, 9_000_000);
  await new Promise((r) => setTimeout(r, 1000));

  // Fixed rate: 200 events per second.
  const rate = 200;
  const total = rate * seconds;
  handled = 0;
  latencies.length = 0;
  const start = performance.now();
  const inflight: Promise<number>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const e = makeEvent(secret, n++);
    sentAt.set(e.replyToken, performance.now());
    inflight.push(toBot.post(e.body, e.signature));
  }
  await Promise.all(inflight);
  await quiet();
  const fixed = { handled, p50: q(latencies, 0.5), p99: q(latencies, 0.99) };

  // Saturation: the bot and the ceiling in turns, the same time each; fully handled = reply captured.
  let botHandled = 0;
  let botSeconds = 0;
  let bareOk = 0;
  let bareSeconds = 0;
  const satLatencies: number[] = [];
  const acks: number[] = [];
  const perRound: number[] = [];
  for (let r = 0; r < rounds; r++) {
    handled = 0;
    latencies.length = 0;
    const sat = await saturate(toBot, secret, seconds, n, sentAt);
    // Only replies captured within the window count; the backlog finishing afterwards does not.
    const inWindow = handled;
    n += sat.ok + 1000;
    await quiet();
    botHandled += inWindow;
    botSeconds += sat.elapsed;
    satLatencies.push(...latencies);
    acks.push(...sat.acks);
    const b = await saturate(toBare, secret, seconds, 10_000_000 + n);
    n += b.ok + 1000;
    bareOk += b.ok;
    bareSeconds += b.elapsed;
    perRound.push(inWindow / sat.elapsed / (b.ok / b.elapsed));
    await new Promise((res) => setTimeout(res, 500));
  }
  const satRate = botHandled / botSeconds;
  const bareRate = bareOk / bareSeconds;

  await toBot.close();
  await toBare.close();
  for (const p of [bot.proc, bare.proc]) {
    const exited = new Promise((r) => p.once("exit", r));
    p.kill("SIGTERM");
    await exited;
  }
  await platform.stop();
  await scratch.dispose();
  return {
    "fixed 200/s: events": total,
    "fixed 200/s: replies captured": fixed.handled,
    "fixed 200/s: p50 ms": Number(fixed.p50.toFixed(1)),
    "fixed 200/s: p99 ms": Number(fixed.p99.toFixed(1)),
    "saturation: events/s fully handled": Math.round(satRate),
    "saturation: p50 ms": Number(q(satLatencies, 0.5).toFixed(1)),
    "saturation: p99 ms": Number(q(satLatencies, 0.99).toFixed(1)),
    "saturation: webhook 200 p50 ms": Number(q(acks, 0.5).toFixed(1)),
    "saturation: webhook 200 p99 ms": Number(q(acks, 0.99).toFixed(1)),
    "bare signature handler: requests/s": Math.round(bareRate),
    "ratio to bare handler": Number((satRate / bareRate).toFixed(2)),
    "ratio, lowest round": Number(Math.min(...perRound).toFixed(2)),
    "ratio, highest round": Number(Math.max(...perRound).toFixed(2)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = (process.env.E2E_DATABASE ?? "sqlite,postgresql").split(",").map((s) => s.trim()) as ("sqlite" | "postgresql")[];
  const results: Record<string, Record<string, number>> = {};
  for (const provider of which) {
    console.log(`End-to-end webhook load: ${provider}`);
    results[provider] = await benchE2e(undefined, { provider });
  }
  console.table(results);
  process.exit(0);
}
