import type { Clock } from './clock.ts';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * A clock that moves only when told to, for tests and the benchmark: minutes of limiter
 * traffic run in milliseconds, and the same inputs give the same run. Timers fire in time
 * order, ties in the order they were set, with `now()` at each timer's own time.
 */
export class VirtualClock implements Clock {
  #now: number;
  #seq = 0;
  #timers: Timer[] = [];

  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimer(ms: number, fn: () => void): { cancel(): void } {
    const timer: Timer = { at: this.#now + Math.max(0, ms), seq: this.#seq++, fn };
    this.#timers.push(timer);
    return {
      cancel: () => {
        const i = this.#timers.indexOf(timer);
        if (i >= 0) this.#timers.splice(i, 1);
      },
    };
  }

  /** Timers set and not yet fired or cancelled. */
  get pending(): number {
    return this.#timers.length;
  }

  /**
   * Fires every timer due by `time`, then leaves the clock at `time`. Between timers it lets
   * promise callbacks run, so code awaiting a limiter sees the time it was admitted at.
   */
  async advanceTo(time: number): Promise<void> {
    await settleMicrotasks();
    for (let next = this.#next(); next !== undefined && next.at <= time; next = this.#next()) await this.#fire(next);
    this.#now = Math.max(this.#now, time);
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(this.#now + ms);
  }

  /**
   * Fires timers until none is left.
   * @param maxTimers a bound, so a system that keeps re-arming fails instead of hanging
   * @default maxTimers 1,000,000
   */
  async runAll(maxTimers = 1_000_000): Promise<void> {
    await settleMicrotasks();
    for (let fired = 0, next = this.#next(); next !== undefined; next = this.#next(), fired++) {
      if (fired >= maxTimers) throw new Error(`VirtualClock.runAll: still ${this.#timers.length} timers after firing ${maxTimers}`);
      await this.#fire(next);
    }
  }

  #next(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.#timers) if (best === undefined || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    return best;
  }

  async #fire(timer: Timer): Promise<void> {
    this.#timers.splice(this.#timers.indexOf(timer), 1);
    this.#now = Math.max(this.#now, timer.at);
    timer.fn();
    await settleMicrotasks();
  }
}

/** Resolves once every promise callback queued so far, and those they queue, has run. */
function settleMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
