/**
 * Counts each worker's consecutive failures of one kind. A broken setup (a bad key, a missing
 * tool, a model the account cannot use) fails every task the same way; after `threshold` in a
 * row the worker should stop taking tasks instead of burning tokens on it. A success, or a
 * failure of another kind, starts the count again. Rate limits and budget stops are not the
 * worker's fault and are never counted.
 */
export class CircuitBreaker {
  readonly #thresholds: ReadonlyMap<string, number>;
  readonly #streak = new Map<string, { kind: string; count: number; message: string }>();
  readonly #open = new Map<string, string>();

  constructor(thresholds: ReadonlyMap<string, number>) {
    this.#thresholds = thresholds;
  }

  failed(worker: string, kind: string, message: string): void {
    const streak = this.#streak.get(worker);
    const count = streak !== undefined && streak.kind === kind ? streak.count + 1 : 1;
    this.#streak.set(worker, { kind, count, message });
  }

  /** The streak reached the threshold and the breaker is not open yet: it should open now. */
  due(worker: string): boolean {
    const count = this.#streak.get(worker)?.count ?? 0;
    return !this.#open.has(worker) && count >= (this.#thresholds.get(worker) ?? Infinity);
  }

  succeeded(worker: string): void {
    this.#streak.delete(worker);
  }

  /** The current streak of a worker, for the message that opens its breaker. */
  streak(worker: string): { kind: string; count: number; message: string } | undefined {
    return this.#streak.get(worker);
  }

  open(worker: string, reason: string): void {
    this.#open.set(worker, reason);
  }

  /** Why the worker's breaker is open; undefined while it is closed. */
  openReason(worker: string): string | undefined {
    return this.#open.get(worker);
  }

  /** Workers whose breaker is open, with why. */
  opened(): ReadonlyMap<string, string> {
    return this.#open;
  }

  /** A resumed run gives every worker a fresh start: the user may have fixed what broke. */
  reset(): void {
    this.#open.clear();
    this.#streak.clear();
  }
}
