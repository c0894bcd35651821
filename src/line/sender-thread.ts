import { ThreadClient } from "../thread-client.js";
import { LineApiError, LineHttp, type LineHttpOptions, type LineTransport } from "./http.js";
import type { SendAnswer, SendRequest } from "./sender-worker.js";

/**
 * LINE API calls made from a worker thread. Each message costs the main
 * thread a webhook exchange and a reply exchange; moving the second one's
 * sockets, HTTP parsing and TLS here lets the main thread acknowledge
 * webhooks and run handlers while replies are on the wire. If the thread
 * cannot stay up, calls are made in-process instead.
 */
export class LineSenderThread implements LineTransport {
  private readonly thread: ThreadClient<SendAnswer>;
  private inProcess?: LineHttp;
  private closed = false;

  constructor(private readonly options: LineHttpOptions, onGiveUp: () => void = () => {}) {
    this.thread = new ThreadClient<SendAnswer>("line-sender", options, {
      // The outcome of a call in flight is unknown, as after a dropped connection: retryable
      // (pushes carry retry keys, so LINE never delivers one twice).
      lost: () => new LineApiError("LINE API unreachable: sender thread stopped", null, true),
      // A backstop only: the thread's own HTTP calls time out first.
      timeout: { ms: options.timeoutMs + 5000, error: () => new LineApiError("LINE API timeout: sender thread did not answer", null, true) },
      gaveUp: () => {
        this.inProcess = new LineHttp(this.options);
        onGiveUp();
      },
    });
  }

  send(path: string, payload: string, headers?: Record<string, string>): Promise<unknown> {
    return this.request({ path, payload, headers });
  }

  get(path: string): Promise<unknown> {
    return this.request({ path });
  }

  close(): void {
    this.closed = true;
    void this.thread.close();
    this.inProcess?.close();
  }

  private async request(r: Omit<SendRequest, "id">): Promise<unknown> {
    if (this.closed) throw new LineApiError("LINE API unreachable: sender stopped", null, true);
    if (this.inProcess) return r.payload === undefined ? this.inProcess.get(r.path) : this.inProcess.send(r.path, r.payload, r.headers);
    const a = await this.thread.call(r);
    if (a.ok) return a.value;
    throw new LineApiError(a.error.message, a.error.status, a.error.retryable, a.error.requestId, a.error.retryAfterMs);
  }

  /** For tests: the thread, to stop it as a crash would. */
  get worker() {
    return this.thread.worker;
  }
}
