import http from "node:http";
import https from "node:https";

/** A LINE API failure, classified once so every caller treats it alike. */
export class LineApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    readonly requestId?: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "LineApiError";
  }
}

/** How the gateway reaches the Messaging API: in-process (LineHttp) or from a thread (LineSenderThread). */
export interface LineTransport {
  /** POSTs an already serialised JSON body; resolves with the parsed answer, rejects with LineApiError. */
  send(path: string, payload: string, headers?: Record<string, string>): Promise<unknown>;
  get(path: string): Promise<unknown>;
  close(): void;
}

export interface LineHttpOptions {
  baseUrl: string;
  channelAccessToken: string;
  /** A call without a complete answer after this long is abandoned and counts as a timeout. */
  timeoutMs: number;
}

/**
 * JSON over HTTP(S) to the Messaging API with pooled keep-alive connections.
 *
 * The SDK's fetch-based client cost about a millisecond of CPU per call,
 * as much as the rest of handling a message; node:http does the same work in
 * a fraction of that. The SDK still provides the message types.
 */
export class LineHttp implements LineTransport {
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly request: typeof http.request;

  constructor(private readonly o: LineHttpOptions) {
    this.base = new URL(o.baseUrl);
    const secure = this.base.protocol === "https:";
    this.request = secure ? https.request : http.request;
    this.agent = new (secure ? https.Agent : http.Agent)({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64, scheduling: "lifo" });
  }

  send(path: string, payload: string, headers: Record<string, string> = {}): Promise<unknown> {
    return this.call("POST", path, payload, headers);
  }

  get(path: string): Promise<unknown> {
    return this.call("GET", path, undefined, {});
  }

  close(): void {
    this.agent.destroy();
  }

  private call(method: string, path: string, payload: string | undefined, extra: Record<string, string>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { authorization: `Bearer ${this.o.channelAccessToken}`, "user-agent": "sasaeai-line", ...extra };
      if (payload !== undefined) {
        headers["content-type"] = "application/json";
        headers["content-length"] = Buffer.byteLength(payload);
      }
      let settled = false;
      const finish = (err: LineApiError | null, value?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) reject(err);
        else resolve(value);
      };
      const req = this.request(
        { protocol: this.base.protocol, hostname: this.base.hostname, port: this.base.port, path: this.base.pathname.replace(/\/$/, "") + path, method, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", (e) => finish(new LineApiError(`LINE API unreachable: ${e.message}`, null, true)));
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString("utf8");
            if (status >= 200 && status < 300) {
              let value: unknown = {};
              try {
                value = text ? JSON.parse(text) : {};
              } catch {
                // A 2xx is success whatever its body says.
              }
              finish(null, value);
              return;
            }
            const requestId = header(res.headers["x-line-request-id"]);
            const ra = header(res.headers["retry-after"]);
            const retryAfterMs = ra && /^\d+$/.test(ra) ? Number(ra) * 1000 : undefined;
            finish(new LineApiError(`LINE API ${status}`, status, status >= 500 || status === 429, requestId, retryAfterMs));
          });
        },
      );
      const timer = setTimeout(() => {
        finish(new LineApiError("LINE API timeout", null, true));
        req.destroy();
      }, this.o.timeoutMs);
      req.on("error", (e) => finish(new LineApiError(`LINE API unreachable: ${e.message}`, null, true)));
      req.end(payload);
    });
  }
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
