import type { Worker } from "node:worker_threads";
import { spawnThread } from "../threads.js";
import { LineApiError, type LineHttpOptions, type LineTransport } from "./http.js";
import type { SendAnswer, SendRequest } from "./sender-worker.js";

/**
 * LINE API calls made from a worker thread. Each message costs the main
 * thread a webhook exchange and a reply exchange; moving the second one's
 * sockets, HTTP parsing and TLS here lets the main thread acknowledge
 * webhooks and run handlers while replies are on the wire.
 */
export class LineSenderThread implements LineTransport {
  private worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: LineApiError) => void }>();
  private closed = false;

  constructor(private readonly options: LineHttpOptions) {
    this.worker = this.spawn();
  }

  send(path: string, payload: string, headers?: Record<string, string>): Promise<unknown> {
    return this.request({ path, payload, headers });
  }

  get(path: string): Promise<unknown> {
    return this.request({ path });
  }

  close(): void {
    this.closed = true;
    void this.worker.terminate();
  }

  private request(r: Omit<SendRequest, "id">): Promise<unknown> {
    if (this.closed) return Promise.reject(new LineApiError("LINE API unreachable: sender stopped", null, true));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...r } satisfies SendRequest);
    });
  }

  private spawn(): Worker {
    const worker = spawnThread("line-sender", this.options);
    worker.on("message", (a: SendAnswer) => {
      const w = this.waiting.get(a.id);
      if (!w) return;
      this.waiting.delete(a.id);
      if (a.ok) w.resolve(a.value);
      else w.reject(new LineApiError(a.error.message, a.error.status, a.error.retryable, a.error.requestId, a.error.retryAfterMs));
    });
    worker.on("error", () => {
      // "exit" follows and handles it.
    });
    worker.on("exit", () => {
      if (this.closed || worker !== this.worker) return;
      // Calls in flight have an unknown outcome: like a dropped connection, they are retryable
      // (pushes carry retry keys, so LINE never delivers one twice).
      for (const w of this.waiting.values()) w.reject(new LineApiError("LINE API unreachable: sender thread stopped", null, true));
      this.waiting.clear();
      this.worker = this.spawn();
    });
    return worker;
  }
}
