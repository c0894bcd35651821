import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { npmStartArgs } from "../tests/support/bot-process.js";
import { ulid } from "../tests/support/webhooks.js";

/**
 * Start-up: process start to /healthz 200 (a fresh database, which is
 * migrated and seeded, and a second start on the same database), and the
 * resident memory after start and after 2,000 handled events.
 */
const ROOT = path.resolve(import.meta.dirname, "..");

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200;
  } catch {
    return false;
  }
}

async function boot(dbFile: string, port: number) {
  const t0 = performance.now();
  const proc = spawn(process.execPath, npmStartArgs(), { cwd: ROOT, env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: "warn", NODE_ENV: "development" }, stdio: "ignore" });
  while (!(await healthy(port))) await new Promise((r) => setTimeout(r, 10));
  return { proc, ms: performance.now() - t0 };
}

export async function benchStartup(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-start-"));
  const dbFile = path.join(dir, "bot.db");
  const port = 30000 + Math.floor(Math.random() * 20000);
  const first = await boot(dbFile, port);
  first.proc.kill("SIGTERM");
  await new Promise((r) => first.proc.on("exit", r));
  const second = await boot(dbFile, port);
  const pid = second.proc.pid!;
  await new Promise((r) => setTimeout(r, 500));
  const rssStart = rssMb(pid);
  // Local mode: the development secret signs the events.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const send = (i: number) =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify({ destination: "U0", events: [{ type: "message", mode: "active", timestamp: Date.now(), webhookEventId: ulid(), replyToken: crypto.randomUUID(), deliveryContext: { isRedelivery: false }, source: { type: "user", userId: `U${String(i % 300).padStart(32, "0")}` }, message: { type: "text", id: "1", quoteToken: "q", text: ["はすねのさろん", "近くのサロン", "こんにちは", "配食サービスはありますか"][i % 4] } }] });
      const sig = crypto.createHmac("sha256", "local-development-channel-secret").update(body).digest("base64");
      const req = http.request({ host: "127.0.0.1", port, path: "/webhook", method: "POST", agent, headers: { "content-type": "application/json", "x-line-signature": sig } }, (res) => {
        res.resume();
        res.on("end", () => resolve());
      });
      req.end(body);
    });
  for (let i = 0; i < 2000; i += 16) await Promise.all(Array.from({ length: 16 }, (_, k) => send(i + k)));
  await new Promise((r) => setTimeout(r, 3000));
  const rssAfter = rssMb(pid);
  second.proc.kill("SIGTERM");
  await new Promise((r) => second.proc.on("exit", r));
  agent.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    "first start (migrate + seed) to /healthz 200, ms": Math.round(first.ms),
    "later start to /healthz 200, ms": Math.round(second.ms),
    "RSS after start, MB": rssStart,
    "RSS after 2,000 events, MB": rssAfter,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("Start-up and memory");
  console.table(await benchStartup());
  process.exit(0);
}
