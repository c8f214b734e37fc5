/** How long a failed attempt waits before the next one. */
export interface BackoffPolicy {
  /**
   * The wait before the first retry, in milliseconds; it doubles with each further retry.
   * @default 1000 (failures), 5000 (rate limits)
   */
  initialMs: number;
  /**
   * The most the doubling reaches, before jitter.
   * @default 60_000 (failures), 120_000 (rate limits)
   */
  maxMs: number;
  /**
   * Jitter, as a fraction of the wait, added on top: the wait lands in `[base, base × (1 + jitter))`.
   * @default 0.25
   */
  jitter: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 1000, maxMs: 60_000, jitter: 0.25 };
export const defaultRateLimitBackoff: BackoffPolicy = { initialMs: 5000, maxMs: 120_000, jitter: 0.25 };

/**
 * The delay before retry number `retry` (1 for the first), in whole milliseconds:
 * `base = retryAfterMs ?? min(maxMs, initialMs × 2^(retry−1))`, then `base × (1 + jitter × random())`.
 * A server's retry-after is honoured as the base, uncapped: waiting less would only be refused
 * again; jitter on top keeps tasks that were refused together from returning together.
 * @example backoffDelay(defaultBackoff, 3, () => 0) // 4000
 */
export function backoffDelay(policy: BackoffPolicy, retry: number, random: () => number, retryAfterMs?: number): number {
  const exp = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, retry - 1));
  const base = retryAfterMs !== undefined && retryAfterMs >= 0 ? retryAfterMs : exp;
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(base * (1 + policy.jitter * r));
}

/** Rejects a policy that would make the scheduler wait forever or not at all by accident. */
export function checkBackoffPolicy(name: string, policy: BackoffPolicy): void {
  for (const key of ['initialMs', 'maxMs', 'jitter'] as const) {
    const value = policy[key];
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`Expected \`${name}.${key}\` to be a finite number >= 0, got ${String(value)}`);
    }
  }
}
