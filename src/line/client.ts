import { countOutboundAttempt, finishOutbound, pendingOutbound, storeOutbound } from "../data/outbox.js";
import type { messagingApi } from "@line/bot-sdk";
import type { Db } from "../data/client.js";
import type { Logger } from "../log.js";
import { LineApiError, LineHttp, type LineHttpOptions, type LineTransport } from "./http.js";
import { MAX_MESSAGES_PER_CALL, MAX_MULTICAST_RECIPIENTS, chunk } from "./limits.js";

export type Message = messagingApi.Message;

export interface RetryPolicy {
  /** Attempts per send, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A call without an answer after this long counts as a timeout (and is retried). */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000, timeoutMs: 10_000 };

export interface SendResult {
  status: "sent" | "failed";
  /** How many API calls were accepted (2xx, or 409 for an already accepted retry key). */
  accepted: number;
  failed: number;
}

export type ReplyOutcome = "replied" | "pushed" | "failed";

function classify(err: unknown): LineApiError {
  if (err instanceof LineApiError) return err;
  return new LineApiError(`LINE API unreachable: ${(err as Error)?.message ?? err}`, null, true);
}

export interface LineGatewayOptions {
  db: Db;
  logger: Logger;
  channelAccessToken: string;
  baseUrl: string;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  /** How calls reach LINE; in-process HTTP unless given (the bot sends from a thread). */
  transport?: (o: LineHttpOptions) => LineTransport;
}

/**
 * The only way the app talks to LINE. Pushes and multicasts are stored with a
 * retry key before the first attempt and resent with the same key, so LINE
 * delivers each at most once even across crashes; replies fall back to push
 * when the reply token cannot be used.
 */
export class LineGateway {
  private readonly http: LineTransport;
  readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly o: LineGatewayOptions) {
    this.retry = { ...DEFAULT_RETRY, ...o.retry };
    const http = { baseUrl: o.baseUrl, channelAccessToken: o.channelAccessToken, timeoutMs: this.retry.timeoutMs };
    this.http = o.transport?.(http) ?? new LineHttp(http);
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  private backoff(attempt: number, err: LineApiError): number {
    if (err.retryAfterMs !== undefined) return Math.min(err.retryAfterMs, this.retry.maxDelayMs);
    return Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
  }

  /**
   * Replies with the reply token; messages past LINE's five per call, and all
   * of them when the token fails (expired, used, LINE error), go by push.
   */
  async reply(replyToken: string | undefined, userId: string | undefined, messages: Message[]): Promise<ReplyOutcome> {
    if (messages.length === 0) return "replied";
    const [first, ...rest] = chunk(messages, MAX_MESSAGES_PER_CALL);
    let replied = false;
    if (replyToken) {
      try {
        await this.http.send("/v2/bot/message/reply", JSON.stringify({ replyToken, messages: first }));
        replied = true;
      } catch (e) {
        const err = classify(e);
        this.o.logger.warn("reply failed; falling back to push", { status: err.status, requestId: err.requestId });
      }
    }
    if (!userId) return replied ? "replied" : "failed";
    const remaining = replied ? rest.flat() : messages;
    if (remaining.length === 0) return "replied";
    const result = await this.push(userId, remaining);
    if (result.status === "failed") return "failed";
    return replied ? "replied" : "pushed";
  }

  async push(to: string, messages: Message[]): Promise<SendResult> {
    const rows = [];
    for (const group of chunk(messages, MAX_MESSAGES_PER_CALL)) {
      rows.push(await this.store("push", to, { to, messages: group }));
    }
    return this.sendAll(rows);
  }

  /** Multicast in chunks of 500 recipients and 5 messages, each chunk with its own retry key. */
  async multicast(to: string[], messages: Message[]): Promise<SendResult> {
    const rows = [];
    for (const ids of chunk([...new Set(to)], MAX_MULTICAST_RECIPIENTS)) {
      for (const group of chunk(messages, MAX_MESSAGES_PER_CALL)) {
        rows.push(await this.store("multicast", String(ids.length), { to: ids, messages: group }));
      }
    }
    return this.sendAll(rows);
  }

  /**
   * Sends one multicast chunk whose retry key the caller stored beforehand
   * (broadcast and reminder jobs keep their own claims).
   */
  async multicastWithKey(to: string[], messages: Message[], retryKey: string): Promise<{ ok: boolean; error?: LineApiError }> {
    return this.attempt(() => this.send("multicast", JSON.stringify({ to, messages }), retryKey));
  }

  async pushWithKey(to: string, messages: Message[], retryKey: string): Promise<{ ok: boolean; error?: LineApiError }> {
    return this.attempt(() => this.send("push", JSON.stringify({ to, messages }), retryKey));
  }

  /** Resends pushes that a crash or shutdown left pending, with their stored keys. */
  async resumePending(): Promise<SendResult> {
    const rows = await pendingOutbound(this.o.db);
    return this.sendAll(rows);
  }

  /** Best effort: shows the typing indicator; never retried, never fatal. */
  async showLoading(userId: string, seconds = 10): Promise<void> {
    try {
      await this.http.send("/v2/bot/chat/loading/start", JSON.stringify({ chatId: userId, loadingSeconds: seconds }));
    } catch (e) {
      this.o.logger.debug("loading animation failed", { status: classify(e).status });
    }
  }

  async displayName(userId: string): Promise<string | null> {
    try {
      const p = (await this.http.get(`/v2/bot/profile/${encodeURIComponent(userId)}`)) as { displayName?: string };
      return p.displayName ?? null;
    } catch {
      return null;
    }
  }

  /** body: the request JSON, as stored with its retry key. */
  private send(kind: "push" | "multicast", body: string, retryKey: string): Promise<unknown> {
    return this.http.send(`/v2/bot/message/${kind}`, body, { "x-line-retry-key": retryKey });
  }

  /** Lets a stopping process exit without waiting for idle keep-alive connections. */
  close(): void {
    this.http.close();
  }

  private async store(kind: "push" | "multicast", target: string, payload: { to: string | string[]; messages: Message[] }) {
    return storeOutbound(this.o.db, kind, target, JSON.stringify(payload));
  }

  private async sendAll(rows: { id: number; kind: string; retryKey: string; payload: string }[]): Promise<SendResult> {
    let accepted = 0;
    let failed = 0;
    for (const row of rows) {
      // Sent exactly as stored: the bytes behind the retry key never change between attempts.
      const result = await this.attempt(() => this.send(row.kind === "multicast" ? "multicast" : "push", row.payload, row.retryKey), async (n) => {
        await countOutboundAttempt(this.o.db, row.id);
        return n;
      });
      if (result.ok) {
        accepted++;
        await finishOutbound(this.o.db, row.id, { ok: true, at: new Date() });
      } else {
        failed++;
        await finishOutbound(this.o.db, row.id, { ok: false, error: result.error?.message, requestId: result.error?.requestId });
      }
    }
    return { status: failed === 0 ? "sent" : "failed", accepted, failed };
  }

  /**
   * Runs one keyed send with the retry policy: retries 5xx, 429 (honouring
   * Retry-After), timeouts and resets; a 409 means LINE already accepted this
   * key, so it counts as delivered; other 4xx are final.
   */
  private async attempt(
    call: () => Promise<unknown>,
    onAttempt?: (n: number) => Promise<unknown>,
  ): Promise<{ ok: boolean; error?: LineApiError }> {
    let last: LineApiError | undefined;
    for (let n = 1; n <= this.retry.maxAttempts; n++) {
      await onAttempt?.(n);
      try {
        await call();
        return { ok: true };
      } catch (e) {
        const err = classify(e);
        if (err.status === 409) return { ok: true };
        last = err;
        if (!err.retryable) {
          this.o.logger.warn("LINE API rejected a send", { status: err.status, requestId: err.requestId });
          return { ok: false, error: err };
        }
        if (n < this.retry.maxAttempts) await this.sleep(this.backoff(n, err));
      }
    }
    this.o.logger.error("LINE API send failed after retries", { status: last?.status, requestId: last?.requestId, attempts: this.retry.maxAttempts });
    return { ok: false, error: last };
  }
}
