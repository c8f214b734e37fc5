/**
 * One token bucket, as the Anthropic API meters each of its per-minute limits: it refills
 * continuously at `perMinute / 60,000` per millisecond up to its capacity, instead of resetting
 * each minute. Time is always passed in (epoch ms), so the bucket is pure arithmetic.
 */

const msPerMinute = 60_000;

/** Slack for float rounding in refill sums, as a share of the capacity: far below one token. */
const slack = 1e-9;

export interface TokenBucketOptions {
  /**
   * The most the bucket holds: the largest burst after a quiet spell.
   * @default perMinute (one minute of refill, as the API's buckets hold)
   */
  capacity?: number;
}

export class TokenBucket {
  readonly perMinute: number;
  readonly capacity: number;
  readonly #perMs: number;
  #level: number;
  // -Infinity: never used, so full at any time.
  #at = -Infinity;

  constructor(perMinute: number, options: TokenBucketOptions = {}) {
    checkPositive('perMinute', perMinute);
    const capacity = options.capacity ?? perMinute;
    checkPositive('capacity', capacity);
    this.perMinute = perMinute;
    this.capacity = capacity;
    this.#perMs = perMinute / msPerMinute;
    this.#level = capacity;
  }

  /** What the bucket holds at `now`; negative while it is in debt. */
  level(now: number): number {
    // A clock that steps back refills nothing, rather than draining the bucket.
    const elapsed = Math.max(0, now - this.#at);
    return Math.min(this.capacity, this.#level + elapsed * this.#perMs);
  }

  /** Takes `amount` at `now`, whether or not it fits: ask `timeUntil` first. */
  take(amount: number, now: number): void {
    checkAmount('amount', amount);
    this.#sync(now);
    this.#level -= amount;
  }

  /**
   * Milliseconds from `now` until `amount` fits, rounded up to a whole millisecond; 0 when it
   * fits now. An amount above the capacity could never fit, so it fits once the bucket is
   * full, and taking it leaves the bucket in debt.
   */
  timeUntil(amount: number, now: number): number {
    checkAmount('amount', amount);
    const short = Math.min(amount, this.capacity) - this.level(now);
    if (short <= this.capacity * slack) return 0;
    return Math.max(1, Math.ceil(short / this.#perMs));
  }

  /**
   * Corrects what was taken by `delta`: positive charges more and may leave the bucket in
   * debt, which delays later takes; negative gives back, never above the capacity.
   */
  adjust(delta: number, now: number): void {
    if (!Number.isFinite(delta)) throw new RangeError(`Expected \`delta\` to be a finite number, got ${delta}`);
    this.#sync(now);
    this.#level = Math.min(this.capacity, this.#level - delta);
  }

  #sync(now: number): void {
    this.#level = this.level(now);
    this.#at = Math.max(this.#at, now);
  }
}

function checkPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`Expected \`${name}\` to be a finite number > 0, got ${value}`);
}

function checkAmount(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`Expected \`${name}\` to be a finite number >= 0, got ${value}`);
}
