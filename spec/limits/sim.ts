import fc from 'fast-check';
import type { Limits } from '../../src/compiler/plan-schema.ts';
import { LimitQueue } from '../../src/limits/limit-queue.ts';
import { RateLimiter, type Demand, type LimitName } from '../../src/limits/rate-limiter.ts';
import { VirtualClock } from '../../src/limits/virtual-clock.ts';
import type { LedgerLine } from './envelope.ts';

/**
 * Random traffic through a `LimitQueue` on a virtual clock, logged event by event, for the
 * property tests: arrivals at random times on random scopes, answers that use more or less
 * than estimated, requests aborted while they wait, and shared pauses; each wait as the queue
 * reports it.
 */

export const limitedScopes = ['key K', 'worker a', 'worker b'] as const;
// Named by requests but given no limits: treated as unlimited.
const scopePool = [...limitedScopes, 'worker ghost'];

export interface Request {
  at: number;
  scopes: string[];
  estimate: Demand;
  actual: Demand;
  /** From admission to the answer's end, when it is settled. */
  holdMs: number;
  /** Abort this long after arrival, if still waiting. */
  abortAfterMs?: number;
}

export interface Scenario {
  limits: Record<string, Limits>;
  requests: Request[];
  pauses: { at: number; scope: string; forMs: number }[];
}

export type SimEvent =
  | { kind: 'arrive' | 'admit' | 'settle' | 'abort'; seq: number; at: number; id: number }
  | { kind: 'pause'; seq: number; at: number; scope: string; until: number }
  | { kind: 'wait'; seq: number; at: number; id: number; scope: string; limit: LimitName };

const minute = 60_000;
const rate = (min: number, max: number) => fc.option(fc.double({ min, max, noNaN: true }), { nil: undefined, freq: 2 });
const limitsArb: fc.Arbitrary<Limits> = fc.record({
  requestsPerMinute: rate(0.5, 120),
  tokensPerMinute: rate(1_000, 100_000),
  inputTokensPerMinute: rate(1_000, 80_000),
  outputTokensPerMinute: rate(500, 30_000),
});
const tokens = fc.integer({ min: 0, max: 50_000 });
const demandArb = fc.record({ inputTokens: tokens, outputTokens: fc.integer({ min: 0, max: 16_000 }) });
const requestArb: fc.Arbitrary<Request> = fc.record(
  {
    at: fc.integer({ min: 0, max: 10 * minute }),
    scopes: fc.subarray(scopePool, { minLength: 1 }),
    estimate: demandArb,
    actual: demandArb,
    holdMs: fc.integer({ min: 0, max: 2 * minute }),
    abortAfterMs: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 5 * minute }), weight: 1 }),
  },
  { requiredKeys: ['at', 'scopes', 'estimate', 'actual', 'holdMs'] },
);

export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  limits: fc.record({ 'key K': limitsArb, 'worker a': limitsArb, 'worker b': limitsArb }),
  requests: fc.array(requestArb, { minLength: 1, maxLength: 60, size: 'max' }),
  pauses: fc.array(fc.record({ at: fc.integer({ min: 0, max: 10 * minute }), scope: fc.constantFrom(...scopePool), forMs: fc.integer({ min: 1, max: 2 * minute }) }), { maxLength: 4 }),
});

export async function simulate(scenario: Scenario): Promise<SimEvent[]> {
  const clock = new VirtualClock(0);
  const queue = new LimitQueue(new RateLimiter(scenario.limits), clock);
  const log: SimEvent[] = [];
  const note = (e: { kind: 'arrive' | 'admit' | 'settle' | 'abort'; id: number }) => log.push({ ...e, seq: log.length, at: clock.now() });
  for (const p of scenario.pauses) {
    clock.setTimer(p.at, () => {
      const until = clock.now() + p.forMs;
      log.push({ kind: 'pause', seq: log.length, at: clock.now(), scope: p.scope, until });
      queue.pause(p.scope, until);
    });
  }
  scenario.requests.forEach((r, id) => {
    clock.setTimer(r.at, () => {
      note({ kind: 'arrive', id });
      const controller = new AbortController();
      if (r.abortAfterMs !== undefined) clock.setTimer(r.abortAfterMs, () => controller.abort(new Error('gave up')));
      const onWait = ({ scope, limit }: { scope: string; limit: LimitName }) => log.push({ kind: 'wait', seq: log.length, at: clock.now(), id, scope, limit });
      queue.acquire(r.scopes, r.estimate, { signal: controller.signal, onWait }).then(
        ({ ticket }) => {
          note({ kind: 'admit', id });
          clock.setTimer(r.holdMs, () => {
            note({ kind: 'settle', id });
            queue.settle(ticket, r.actual);
          });
        },
        () => note({ kind: 'abort', id }),
      );
    });
  });
  await clock.runAll(100_000);
  return log;
}

/** What a request charges to each limit: written out again here, not taken from the limiter. */
const charge: Record<keyof Limits, (d: Demand) => number> = {
  requestsPerMinute: () => 1,
  tokensPerMinute: (d) => d.inputTokens + d.outputTokens,
  inputTokensPerMinute: (d) => d.inputTokens,
  outputTokensPerMinute: (d) => d.outputTokens,
};

const limitOf: Record<LimitName, keyof Limits> = {
  'requests/min': 'requestsPerMinute',
  'tokens/min': 'tokensPerMinute',
  'input tokens/min': 'inputTokensPerMinute',
  'output tokens/min': 'outputTokensPerMinute',
};

/** Whether the request's estimate takes something from `limit`'s bucket on `scope`. */
export function charges(request: Request, scope: string, limit: LimitName): boolean {
  return request.scopes.includes(scope) && charge[limitOf[limit]](request.estimate) > 0;
}

/** The ledger of one scope's bucket for one limit, from the run's log. */
export function ledgerOf(scenario: Scenario, log: SimEvent[], scope: string, limit: keyof Limits): LedgerLine[] {
  const amount = charge[limit];
  return log.flatMap((e): LedgerLine[] => {
    if ((e.kind !== 'admit' && e.kind !== 'settle') || !scenario.requests[e.id]!.scopes.includes(scope)) return [];
    const r = scenario.requests[e.id]!;
    return e.kind === 'admit' ? [{ at: e.at, amount: amount(r.estimate), admission: true }] : [{ at: e.at, amount: amount(r.actual) - amount(r.estimate), admission: false }];
  });
}
