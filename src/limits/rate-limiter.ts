import type { Limits } from '../compiler/plan-schema.ts';
import { TokenBucket } from './token-bucket.ts';

/**
 * Capacity on the token buckets of a request's scopes (`key MARIE_API_KEY`, `worker marie`),
 * reserved before the gateway forwards it and corrected once the answer says what it used.
 *
 * The rules, from the API's "Rate limits" page (https://docs.anthropic.com/es/api/rate-limits,
 * the same page in /fr/, /ja/ and /it/; summarised at https://apis.io/rate-limits/claude/claude-rate-limits/):
 * - each limit is a token bucket, refilled continuously up to its per-minute maximum rather
 *   than reset each minute: `TokenBucket`, capacity = one minute's worth;
 * - output tokens per minute are estimated (from `max_tokens`) when a request starts and
 *   adjusted to the real output when it ends: `reserve` takes the estimate, `settle` the rest;
 * - only uncached input counts toward input tokens per minute: see `chargedInput` in usage.ts;
 * - a 429 carries `retry-after`, and every request on that key must wait it out: `pause`.
 * `tokens/min` is the plan's combined limit: input (as charged) plus output.
 *
 * What "no window exceeds the limit" means here, per scope and limit, is the token-bucket
 * envelope. Write the bucket's ledger in the order things happen: each admission's estimate
 * when it is admitted, each settlement's correction (actual − estimate, either sign) when it
 * is settled. Then for any two admissions i ≤ j at times t_i ≤ t_j, the ledger from i through j
 * sums to at most capacity + rate × (t_j − t_i) + max(0, a_j − capacity), where a_j is the
 * amount admission j took: the last term is the one request larger than the bucket, let in
 * when the bucket is full and leaving it in debt. Corrections are counted when they happen,
 * not moved back to their admission: a settlement cannot be refused, so an answer longer than
 * its estimate is paid for by the requests after it (the debt delays them), as the API does.
 */

export type LimitName = 'requests/min' | 'tokens/min' | 'input tokens/min' | 'output tokens/min';

/** One request's size; an estimate at `reserve`, what it used at `settle`. */
export interface Demand {
  inputTokens: number;
  outputTokens: number;
}

export interface Ticket {
  scopes: string[];
  demand: Demand;
}

export type Reservation =
  | { ok: true; ticket: Ticket }
  | { ok: false; waitMs: number; scope: string; limit: LimitName; reason: 'capacity' | 'paused' };

export type Refusal = Extract<Reservation, { ok: false }>;

/** Each plan limit, the bucket's name, and what one request charges to it. */
export const limitKinds: readonly { name: LimitName; key: keyof Limits; amount: (d: Demand) => number }[] = [
  { name: 'requests/min', key: 'requestsPerMinute', amount: () => 1 },
  { name: 'tokens/min', key: 'tokensPerMinute', amount: (d) => d.inputTokens + d.outputTokens },
  { name: 'input tokens/min', key: 'inputTokensPerMinute', amount: (d) => d.inputTokens },
  { name: 'output tokens/min', key: 'outputTokensPerMinute', amount: (d) => d.outputTokens },
];

interface Meter {
  name: LimitName;
  bucket: TokenBucket;
  amount: (d: Demand) => number;
}

export class RateLimiter {
  readonly #meters = new Map<string, Meter[]>();
  readonly #pauses = new Map<string, { until: number; limit: LimitName }>();
  // Settling a ticket twice, or one from another limiter, would corrupt the buckets.
  readonly #open = new WeakSet<Ticket>();

  /** A scope with no limits never blocks; scopes not named here are unlimited. */
  constructor(scopes: Record<string, Limits>) {
    for (const [scope, limits] of Object.entries(scopes)) {
      const meters = limitKinds.flatMap(({ name, key, amount }) => {
        const perMinute = limits[key];
        return perMinute === undefined ? [] : [{ name, amount, bucket: new TokenBucket(perMinute) }];
      });
      this.#meters.set(scope, meters);
    }
  }

  /**
   * Takes `demand` from every bucket of every scope, or from none. When something does not
   * fit, says what will hold the request longest (a pause wins a tie) and for how long,
   * assuming nothing else is taken meanwhile.
   */
  reserve(scopes: string[], demand: Demand, now: number): Reservation {
    checkDemand(demand);
    const unique = [...new Set(scopes)];
    let refusal: Refusal | undefined;
    const hold = (waitMs: number, scope: string, limit: LimitName, reason: Refusal['reason']) => {
      if (waitMs > 0 && (refusal === undefined || waitMs > refusal.waitMs)) refusal = { ok: false, waitMs, scope, limit, reason };
    };
    for (const scope of unique) {
      const pause = this.#pauses.get(scope);
      if (pause) hold(pause.until - now, scope, pause.limit, 'paused');
      for (const m of this.#meters.get(scope) ?? []) hold(m.bucket.timeUntil(m.amount(demand), now), scope, m.name, 'capacity');
    }
    if (refusal) return refusal;
    for (const scope of unique) for (const m of this.#meters.get(scope) ?? []) m.bucket.take(m.amount(demand), now);
    const ticket: Ticket = { scopes: unique, demand: { ...demand } };
    this.#open.add(ticket);
    return { ok: true, ticket };
  }

  /** Corrects every bucket of the ticket by `actual` − its estimate. */
  settle(ticket: Ticket, actual: Demand, now: number): void {
    checkDemand(actual);
    if (!this.#open.delete(ticket)) throw new Error('settle() of a ticket that is not open: settled already, or reserved on another limiter');
    for (const scope of ticket.scopes) {
      for (const m of this.#meters.get(scope) ?? []) {
        const delta = m.amount(actual) - m.amount(ticket.demand);
        if (delta !== 0) m.bucket.adjust(delta, now);
      }
    }
  }

  /**
   * Holds every request on `scope` until `until` (epoch ms): the shared backoff after a 429
   * or 529 with `retry-after`. A later pause extends it; an earlier one does not shorten it.
   * @param limit what refusals name as holding the request: the limit the 429 reported.
   * @default limit 'requests/min' (a 529, or a 429 that said nothing more, stops requests)
   */
  pause(scope: string, until: number, limit: LimitName = 'requests/min'): void {
    if (Number.isNaN(until)) throw new RangeError(`Expected \`until\` to be epoch milliseconds, got ${until}`);
    const current = this.#pauses.get(scope);
    if (current === undefined || until > current.until) this.#pauses.set(scope, { until, limit });
  }

  /** When the pause on `scope` ends, if one still holds at `now`. */
  pausedUntil(scope: string, now: number): number | undefined {
    const pause = this.#pauses.get(scope);
    return pause !== undefined && pause.until > now ? pause.until : undefined;
  }

  /** What each limited bucket of `scope` holds at `now`, for status views. */
  levels(scope: string, now: number): Partial<Record<LimitName, number>> {
    return Object.fromEntries((this.#meters.get(scope) ?? []).map((m) => [m.name, m.bucket.level(now)]));
  }
}

export function checkDemand(demand: Demand): void {
  for (const field of ['inputTokens', 'outputTokens'] as const) {
    const n = demand[field];
    if (!(Number.isFinite(n) && n >= 0)) throw new RangeError(`Expected \`${field}\` to be a finite number >= 0, got ${n}`);
  }
}
