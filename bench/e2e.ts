import { quantile, scratchDatabase } from "./support.js";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { FakeLinePlatform } from "../src/line/fake-platform.js";
import { signBody } from "../src/line/signature.js";
import { npmStartArgs } from "../tests/support/bot-process.js";

/**
 * End-to-end: signed text events into the real app on loopback, replies
 * captured by the fake LINE platform. Latency is from POST to the reply
 * reaching the platform. The same load against a bare Express handler that
 * only checks the signature gives the ceiling.
 */
const MIX = [
  "はすねのさろん", "近くのサロンを教えて", "月曜日に体操できるところ", "配食サービスはありますか", "こんにちは", "ありがとう",
  "使い方", "高島平の認知症カフェ", "ボランティアに興味があります", "地域包括支援センター", "明日やってるサロン", "ｻﾛﾝ",
];

const ROOT = path.resolve(import.meta.dirname, "..");
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(port: number, body: string, signature: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/webhook", method: "POST", agent, headers: { "content-type": "application/json", "x-line-signature": signature, "content-length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

function makeEvent(secret: string, i: number) {
  const replyToken = randomUUID();
  const body = JSON.stringify({
    destination: "U0",
    events: [{ type: "message", mode: "active", timestamp: Date.now(), webhookEventId: randomUUID(), replyToken, deliveryContext: { isRedelivery: false }, source: { type: "user", userId: `U${String(i % 1000).padStart(32, "0")}` }, message: { type: "text", id: String(i), quoteToken: "q", text: MIX[i % MIX.length] } }],
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

async function saturate(port: number, secret: string, seconds: number, from: number, track?: Map<string, number>): Promise<{ ok: number; elapsed: number; ackP50: number; ackP99: number }> {
  let ok = 0;
  const acks: number[] = [];
  let n = from;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (performance.now() - start < seconds * 1000) {
        const e = makeEvent(secret, n++);
        const sent = performance.now();
        track?.set(e.replyToken, sent);
        if ((await post(port, e.body, e.signature)) === 200) ok++;
        acks.push(performance.now() - sent);
      }
    }),
  );
  return { ok, elapsed: (performance.now() - start) / 1000, ackP50: q(acks, 0.5), ackP99: q(acks, 0.99) };
}

export async function benchE2e(seconds = Number(process.env.E2E_SECONDS ?? 5)): Promise<Record<string, number>> {
  const scratch = await scratchDatabase("e2e");
  const dbFile = scratch.file;
  await scratch.db.$disconnect();
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let handled = 0;
  const platform = new FakeLinePlatform({
    specFile: null,
    onCall: (c) => {
      const t0 = sentAt.get(c.body?.replyToken);
      if (t0 !== undefined) {
        latencies.push(performance.now() - t0);
        handled++;
      }
    },
  });
  const lineUrl = await platform.start();
  const secret = "bench-channel-secret";
  // The real bot, in its own process, as in production.
  const bot = await spawnServer(npmStartArgs(), { NODE_ENV: "production", PORT: "0", DATABASE_URL: `file:${dbFile}`, LINE_CHANNEL_SECRET: secret, LINE_CHANNEL_ACCESS_TOKEN: "bench", LINE_API_BASE_URL: lineUrl, LOG_LEVEL: "info" });
  const waitHandled = async (n: number) => {
    const until = performance.now() + 30_000;
    while (handled < n && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
  };

  // Warm-up (JIT, first use of every code path), not measured.
  for (let i = 0; i < 300; i += 10) await Promise.all(Array.from({ length: 10 }, (_, k) => { const e = makeEvent(secret, 5_000_000 + i + k); return post(bot.port, e.body, e.signature); }));
  await waitHandled(0);
  await new Promise((r) => setTimeout(r, 1000));
  handled = 0;
  latencies.length = 0;

  // Fixed rate: 200 events per second.
  const rate = 200;
  const total = rate * seconds;
  const start = performance.now();
  const inflight: Promise<number>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const e = makeEvent(secret, i);
    sentAt.set(e.replyToken, performance.now());
    inflight.push(post(bot.port, e.body, e.signature));
  }
  await Promise.all(inflight);
  await waitHandled(total);
  const fixed = { handled, p50: q(latencies, 0.5), p99: q(latencies, 0.99) };

  // Saturation: 32 concurrent senders for the same time; fully handled = reply captured.
  const before = latencies.length;
  handled = 0;
  const sat = await saturate(bot.port, secret, seconds, total, sentAt);
  await waitHandled(sat.ok);
  const satRate = handled / sat.elapsed;
  const satLat = latencies.slice(before);
  // The ceiling is measured on a quiet machine: the bot has fully exited first.
  const botExited = new Promise((r) => bot.proc.once("exit", r));
  bot.proc.kill("SIGTERM");
  await botExited;

  // Ceiling: a bare Express handler that only verifies the signature, also in its own process.
  const bare = await spawnServer(["--import", "tsx", "bench/bare-server.ts"], { LINE_CHANNEL_SECRET: secret });
  const b = await saturate(bare.port, secret, seconds, 10_000_000);
  bare.proc.kill("SIGTERM");
  const bareRate = b.ok / b.elapsed;

  agent.destroy();
  await platform.stop();
  await scratch.dispose();
  return {
    "fixed 200/s: events": total,
    "fixed 200/s: replies captured": fixed.handled,
    "fixed 200/s: p50 ms": Number(fixed.p50.toFixed(1)),
    "fixed 200/s: p99 ms": Number(fixed.p99.toFixed(1)),
    "saturation: events/s fully handled": Math.round(satRate),
    "saturation: p50 ms": Number(q(satLat, 0.5).toFixed(1)),
    "saturation: p99 ms": Number(q(satLat, 0.99).toFixed(1)),
    "saturation: webhook 200 p50 ms": Number(sat.ackP50.toFixed(1)),
    "saturation: webhook 200 p99 ms": Number(sat.ackP99.toFixed(1)),
    "bare signature handler: requests/s": Math.round(bareRate),
    "ratio to bare handler": Number((satRate / bareRate).toFixed(2)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("End-to-end webhook load");
  console.table(await benchE2e());
  process.exit(0);
}
