import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The node arguments of `npm start`, read from package.json so tests and benchmarks run exactly what users run. */
export function npmStartArgs(): string[] {
  const script: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.start;
  const [cmd, ...args] = script.trim().split(/\s+/);
  if (cmd !== "node") throw new Error(`npm start is not a plain node command: ${script}`);
  return args;
}

export interface BotProcess {
  proc: ChildProcess;
  port: number;
  output: string[];
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Runs the real bot (as `npm start` does) as a separate process against a test database and fake LINE platform. */
export async function startBotProcess(o: { databaseUrl: string; lineUrl: string; env?: Record<string, string> }): Promise<BotProcess> {
  const proc = spawn(process.execPath, npmStartArgs(), {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      DATABASE_URL: o.databaseUrl,
      LINE_CHANNEL_SECRET: "process-test-secret",
      LINE_CHANNEL_ACCESS_TOKEN: "process-test-token",
      LINE_API_BASE_URL: o.lineUrl,
      JOB_CLAIM_TIMEOUT_MS: "300",
      LOG_LEVEL: "info",
      ...o.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${output.join("\n")}`)), 20_000);
    let buf = "";
    proc.stdout!.on("data", (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split("\n");
      buf = lines.pop() ?? "";
      for (const line of lines) {
        output.push(line);
        try {
          const j = JSON.parse(line);
          if (j.msg === "ready") {
            clearTimeout(timer);
            resolve(j.port);
          }
        } catch {
          /* not JSON */
        }
      }
    });
    proc.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
    void exited.then(() => reject(new Error(`bot exited before ready:\n${output.join("\n")}`)));
  });
  return { proc, port, output, exited };
}
