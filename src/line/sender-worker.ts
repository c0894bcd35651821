import { parentPort, workerData } from "node:worker_threads";
import { serveCalls } from "../thread-server.js";
import { LineApiError, LineHttp, type LineHttpOptions } from "./http.js";

/**
 * The LINE sender thread (see sender-thread.ts): makes the HTTP calls and
 * answers with their outcome. Retries, retry keys and bookkeeping stay on
 * the main thread; this only moves the sockets and parsing off it.
 */
export type SendRequest = { id: number; path: string; payload?: string; headers?: Record<string, string> };
export type SendAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { message: string; status: number | null; retryable: boolean; requestId?: string; retryAfterMs?: number } };

const http = new LineHttp(workerData as LineHttpOptions);
const port = parentPort!;

serveCalls(port, async (r: SendRequest): Promise<SendAnswer> => {
  try {
    const value = r.payload === undefined ? await http.get(r.path) : await http.send(r.path, r.payload, r.headers);
    return { id: r.id, ok: true, value };
  } catch (e) {
    const err = e instanceof LineApiError ? e : new LineApiError(`LINE API unreachable: ${(e as Error)?.message ?? e}`, null, true);
    return { id: r.id, ok: false, error: { message: err.message, status: err.status, retryable: err.retryable, requestId: err.requestId, retryAfterMs: err.retryAfterMs } };
  }
});
