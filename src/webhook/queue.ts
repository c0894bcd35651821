/**
 * Runs tasks one after another per key (a LINE user), and keys in parallel,
 * so one user's messages are handled in the order they were sent.
 */
export class KeyedQueue {
  private tails = new Map<string, Promise<void>>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly onError: (err: unknown) => void) {}

  get size(): number {
    return this.pending;
  }

  push(key: string, task: () => Promise<void>): void {
    this.pending++;
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev
      .then(task)
      .catch(this.onError)
      .finally(() => {
        this.pending--;
        if (this.tails.get(key) === next) this.tails.delete(key);
        if (this.pending === 0) for (const w of this.idleWaiters.splice(0)) w();
      });
    this.tails.set(key, next);
  }

  /** Resolves when every task queued so far has finished. */
  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((r) => this.idleWaiters.push(r));
  }
}
