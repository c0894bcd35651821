import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { documentedLimitViolations, OpenApiDocument, SPEC_DIR, type Violation } from "./openapi.js";

/**
 * A local stand-in for LINE's Messaging API. Tests start it in-process and
 * point the app at it; local mode uses it as the capture for everything the
 * bot sends. It validates every request body against LINE's OpenAPI document
 * (when the document is available), remembers accepted retry keys like LINE
 * (a repeat gets 409), and can be told to fail the next calls.
 */

export interface RecordedCall {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: any;
  retryKey?: string;
  status: number;
  violations: Violation[];
  at: number;
}

export interface Fault {
  /** Only calls whose path contains this string are affected (default: all). */
  path?: string;
  status?: number;
  retryAfter?: number;
  /** Hold the response this long before answering (a timeout from the client's view). */
  delayMs?: number;
  /** Destroy the socket without an answer. */
  reset?: boolean;
  body?: unknown;
  /** Apply to this many matching calls (default 1). */
  times?: number;
  /** Also accept the request (the message is delivered) before failing the response. */
  acceptThenFail?: boolean;
}

export interface FakeLineOptions {
  specFile?: string | null;
  /** Maximum accepted multicast calls per second; above it LINE answers 429. */
  multicastPerSecond?: number;
  onCall?: (call: RecordedCall) => void;
  /**
   * Keep every call for later inspection (default). Benchmarks turn this off:
   * a long run would otherwise hold every body in memory, and the collector
   * work that causes is charged to the machine the bot shares with it.
   */
  keepCalls?: boolean;
}

const DEFAULT_SPEC = path.join(SPEC_DIR, "messaging-api.yml");
let cachedSpec: OpenApiDocument | null | undefined;

function loadSpec(file: string | null | undefined): OpenApiDocument | null {
  if (file === null) return null;
  if (file && file !== DEFAULT_SPEC) return OpenApiDocument.load(file);
  if (cachedSpec === undefined) cachedSpec = OpenApiDocument.load(DEFAULT_SPEC);
  return cachedSpec;
}

export class FakeLinePlatform {
  readonly calls: RecordedCall[] = [];
  readonly acceptedRetryKeys = new Set<string>();
  readonly expiredReplyTokens = new Set<string>();
  readonly usedReplyTokens = new Set<string>();
  readonly profiles = new Map<string, { displayName: string }>();
  private faults: Fault[] = [];
  private server?: http.Server;
  private loadedSpec: OpenApiDocument | null | undefined;
  private multicastWindow: number[] = [];
  private waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  private counter = 0;

  constructor(private readonly options: FakeLineOptions = {}) {}

  /** Parsed on first use: the bot's local mode starts without paying for the 400 KB YAML. */
  private get spec(): OpenApiDocument | null {
    if (this.loadedSpec === undefined) this.loadedSpec = loadSpec(this.options.specFile);
    return this.loadedSpec;
  }

  get validating(): boolean {
    return this.spec !== null;
  }

  async start(port = 0): Promise<string> {
    // A client that goes away mid-body ends only its own exchange.
    this.server = http.createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
    // Node clients drop a pooled socket one second before the advertised timeout: 1 s would mean no reuse at all.
    this.server.keepAliveTimeout = 10_000;
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    return this.url;
  }

  get url(): string {
    const addr = this.server?.address() as AddressInfo | null;
    if (!addr) throw new Error("fake LINE platform is not started");
    return `http://127.0.0.1:${addr.port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  inject(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  reset(): void {
    this.calls.length = 0;
    this.faults = [];
    this.acceptedRetryKeys.clear();
  }

  /** Every schema or documented-limit violation seen so far. */
  get violations(): (Violation & { call: string })[] {
    return this.calls.flatMap((c) => c.violations.map((v) => ({ ...v, call: `${c.method} ${c.path}` })));
  }

  /** Accepted (2xx) message sends, in order. */
  get delivered(): RecordedCall[] {
    return this.calls.filter((c) => c.status === 200 && c.path.startsWith("/v2/bot/message/"));
  }

  /** Who a reply token was issued for, so replies can be attributed to users. */
  readonly replyTokenOwners = new Map<string, string>();

  /** Messages accepted for a user through reply, push or multicast, in order. */
  messagesTo(userId: string): any[] {
    return this.delivered
      .filter(
        (c) =>
          c.body?.to === userId ||
          (Array.isArray(c.body?.to) && c.body.to.includes(userId)) ||
          (c.path.endsWith("/reply") && this.replyTokenOwners.get(c.body?.replyToken) === userId),
      )
      .flatMap((c) => c.body.messages ?? []);
  }

  /** Resolves when the predicate over recorded calls holds (checked after every call). */
  waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate(this.calls)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`fake LINE platform: condition not met within ${timeoutMs} ms (${this.calls.length} calls)`));
      }, timeoutMs);
      const waiter = {
        predicate: () => predicate(this.calls),
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (w.predicate()) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve();
      }
    }
  }

  private takeFault(urlPath: string): Fault | undefined {
    const f = this.faults.find((x) => !x.path || urlPath.includes(x.path));
    if (!f) return undefined;
    f.times = (f.times ?? 1) - 1;
    if (f.times <= 0) this.faults = this.faults.filter((x) => x !== f);
    return f;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = (await readBody(req)).toString("utf8");
    const urlPath = (req.url ?? "/").split("?")[0];
    let body: any = undefined;
    const violations: Violation[] = [];
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        violations.push({ path: "$", message: "body is not JSON" });
      }
    }
    if (req.headers.authorization !== undefined && !/^Bearer \S+/.test(req.headers.authorization)) {
      violations.push({ path: "authorization", message: "not a Bearer token" });
    }
    if (this.spec && req.method !== "GET" && body !== undefined) {
      violations.push(...this.spec.validateRequest(req.method ?? "POST", urlPath, body), ...documentedLimitViolations(body));
    }
    const retryKey = req.headers["x-line-retry-key"] as string | undefined;
    const call: RecordedCall = { method: req.method ?? "GET", path: urlPath, headers: req.headers, body, retryKey, status: 0, violations, at: Date.now() };
    const requestId = `fake-${++this.counter}`;
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      if (this.options.keepCalls !== false) this.calls.push(call);
      this.options.onCall?.(call);
      if (!res.destroyed) {
        res.writeHead(status, { "content-type": "application/json", "x-line-request-id": requestId, ...headers });
        res.end(JSON.stringify(payload));
      }
      this.notify();
    };

    const fault = this.takeFault(urlPath);
    if (fault?.acceptThenFail && retryKey) this.acceptedRetryKeys.add(retryKey);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.reset) {
      call.status = -1;
      if (this.options.keepCalls !== false) this.calls.push(call);
      req.socket.destroy();
      this.notify();
      return;
    }
    if (fault?.status) {
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
      return send(fault.status, fault.body ?? { message: `injected ${fault.status}` }, headers);
    }
    if (violations.length > 0) {
      return send(400, { message: "The request body has 1 error(s)", details: violations.map((v) => ({ message: v.message, property: v.path })) });
    }
    if (req.method === "GET" && urlPath.startsWith("/v2/bot/profile/")) {
      const userId = decodeURIComponent(urlPath.split("/").pop() ?? "");
      const p = this.profiles.get(userId);
      return p ? send(200, { userId, displayName: p.displayName, language: "ja" }) : send(404, { message: "Not found" });
    }
    if (urlPath === "/v2/bot/message/reply") {
      const token = body?.replyToken;
      if (this.expiredReplyTokens.has(token) || this.usedReplyTokens.has(token)) return send(400, { message: "Invalid reply token" });
      this.usedReplyTokens.add(token);
      return send(200, { sentMessages: (body.messages ?? []).map((_: unknown, i: number) => ({ id: `${this.counter}${i}` })) });
    }
    if (urlPath === "/v2/bot/message/push" || urlPath === "/v2/bot/message/multicast") {
      if (urlPath.endsWith("multicast") && this.options.multicastPerSecond) {
        const now = Date.now();
        this.multicastWindow = this.multicastWindow.filter((t) => now - t < 1000);
        if (this.multicastWindow.length >= this.options.multicastPerSecond) return send(429, { message: "Too Many Requests" });
        this.multicastWindow.push(now);
      }
      if (retryKey && this.acceptedRetryKeys.has(retryKey)) {
        return send(409, { message: "The retry key is already accepted" }, { "x-line-accepted-request-id": "accepted" });
      }
      if (retryKey) this.acceptedRetryKeys.add(retryKey);
      return send(200, urlPath.endsWith("push") ? { sentMessages: [{ id: String(this.counter) }] } : {});
    }
    if (urlPath === "/v2/bot/chat/loading/start") return send(202, {});
    return send(200, {});
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
