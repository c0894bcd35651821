import type { MessagePort } from "node:worker_threads";

/**
 * The thread's side of ThreadClient (thread-client.ts): calls arrive in
 * batches, and answers made in the same turn (all of a batch, for
 * synchronous work) go back as one message. `handle` answers every call,
 * failures included; messages that are not batches go to `other`.
 */
export function serveCalls<Call, Answer>(port: MessagePort, handle: (call: Call) => Answer | Promise<Answer>, other: (message: unknown) => void = () => {}): void {
  let outbox: Answer[] = [];
  const flush = () => {
    const batch = outbox;
    outbox = [];
    port.postMessage(batch);
  };
  const answer = (a: Answer) => {
    if (outbox.length === 0) process.nextTick(flush);
    outbox.push(a);
  };
  port.on("message", (m: unknown) => {
    if (!Array.isArray(m)) return other(m);
    for (const call of m as Call[]) {
      const a = handle(call);
      if (a instanceof Promise) void a.then(answer);
      else answer(a);
    }
  });
}
