import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Limits } from '../../src/compiler/plan-schema.ts';
import { LimitQueue } from '../../src/limits/limit-queue.ts';
import { RateLimiter, type Demand } from '../../src/limits/rate-limiter.ts';
import { VirtualClock } from '../../src/limits/virtual-clock.ts';
import { seeded } from '../support/property.ts';
import { envelopeBreaches } from './envelope.ts';
import { charges, ledgerOf, limitedScopes, scenarioArb, simulate, type Scenario, type SimEvent } from './sim.ts';

const limitKeys = ['requestsPerMinute', 'tokensPerMinute', 'inputTokensPerMinute', 'outputTokensPerMinute'] as const;

function byRequest(log: SimEvent[], kind: 'arrive' | 'admit' | 'settle' | 'abort'): Map<number, SimEvent> {
  return new Map(log.flatMap((e) => (e.kind === kind ? [[e.id, e] as const] : [])));
}

/** Every request ends admitted and settled, or aborted: nothing is left waiting for ever. */
function expectAllServed(scenario: Scenario, log: SimEvent[]): void {
  const admitted = byRequest(log, 'admit');
  const settled = byRequest(log, 'settle');
  const aborted = byRequest(log, 'abort');
  scenario.requests.forEach((_, id) => {
    expect(admitted.has(id) !== aborted.has(id), `request ${id}: admitted xor aborted`).toBe(true);
    expect(settled.has(id)).toBe(admitted.has(id));
  });
}

describe('the limit queue under random traffic on a virtual clock', () => {
  it('admits, per scope and limit, no more than the token-bucket envelope for any arrival pattern', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const log = await simulate(scenario);
        expectAllServed(scenario, log);
        for (const scope of limitedScopes) {
          for (const limit of limitKeys) {
            const perMinute = scenario.limits[scope]![limit];
            if (perMinute === undefined) continue;
            expect(envelopeBreaches(ledgerOf(scenario, log, scope, limit), perMinute), `${scope} ${limit}`).toEqual([]);
          }
        }
      }),
      seeded(150),
    );
  });

  it('never admits a request while an earlier one waits on a scope and limit it would charge too', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const log = await simulate(scenario);
        expectAllServed(scenario, log);
        const arrived = byRequest(log, 'arrive');
        const gone = new Map([...byRequest(log, 'abort'), ...byRequest(log, 'admit')]);
        for (const admission of log) {
          if (admission.kind !== 'admit') continue;
          const late = admission.id;
          for (const [early, arrival] of arrived) {
            if (arrival.seq >= arrived.get(late)!.seq || gone.get(early)!.seq < admission.seq) continue;
            // Still waiting: what it was last told it waits on, which for one queued behind another is that one's refusal.
            const wait = log.findLast((e) => e.kind === 'wait' && e.id === early && e.seq < admission.seq);
            expect(wait, `request ${early} waited without being told why`).toBeDefined();
            if (wait?.kind !== 'wait') continue;
            const overtook = charges(scenario.requests[late]!, wait.scope, wait.limit);
            expect(overtook, `request ${late} admitted while ${early}, which arrived before it, waited on ${wait.scope} ${wait.limit}`).toBe(false);
          }
        }
      }),
      seeded(150),
    );
  });

  it('admits nothing on a paused scope before the pause ends', async () => {
    const withPauses = scenarioArb.filter((s) => s.pauses.length > 0);
    await fc.assert(
      fc.asyncProperty(withPauses, async (scenario) => {
        const log = await simulate(scenario);
        expectAllServed(scenario, log);
        const pauses = log.flatMap((e) => (e.kind === 'pause' ? [e] : []));
        for (const e of log) {
          if (e.kind !== 'admit') continue;
          for (const p of pauses) {
            if (p.seq < e.seq && scenario.requests[e.id]!.scopes.includes(p.scope)) expect(e.at, `request ${e.id} on ${p.scope}`).toBeGreaterThanOrEqual(p.until);
          }
        }
      }),
      seeded(150),
    );
  });

  it('keeps an oversubscribed limit at least 95% busy over 10+ virtual minutes', async () => {
    const limitArb = fc.constantFrom(...limitKeys).chain((limit) =>
      fc.record({
        limit: fc.constant(limit),
        perMinute: limit === 'requestsPerMinute' ? fc.double({ min: 0.5, max: 200, noNaN: true }) : fc.double({ min: 500, max: 200_000, noNaN: true }),
        lanes: fc.integer({ min: 1, max: 4 }),
        // Request sizes as shares of the bucket: each one fits in it.
        sizes: fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        minutes: fc.integer({ min: 10, max: 30 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(limitArb, async ({ limit, perMinute, lanes, sizes, minutes }) => {
        const horizon = minutes * 60_000;
        const clock = new VirtualClock(0);
        const queue = new LimitQueue(new RateLimiter({ key: { [limit]: perMinute } satisfies Limits }), clock);
        const size = (n: number) => Math.max(1, Math.floor(sizes[n % sizes.length]! * perMinute));
        // Every lane asks again the moment it is let in: demand far above the limit.
        let admitted = 0;
        let n = 0;
        const lane = async (worker: number): Promise<void> => {
          while (clock.now() <= horizon) {
            const tokens = size(n++);
            const demand: Demand = { inputTokens: tokens, outputTokens: limit === 'tokensPerMinute' ? 0 : tokens };
            await queue.acquire(['key', `worker ${worker}`], demand);
            if (clock.now() > horizon) return;
            admitted += limit === 'requestsPerMinute' ? 1 : tokens;
          }
        };
        const done = Promise.all(Array.from({ length: lanes }, (_, w) => lane(w)));
        await clock.runAll(1_000_000);
        await done;
        expect(admitted / ((perMinute * horizon) / 60_000)).toBeGreaterThanOrEqual(0.95);
      }),
      seeded(60),
    );
  });
});

describe('the envelope checker', () => {
  const admit = (at: number, amount: number) => ({ at, amount, admission: true });
  const correct = (at: number, amount: number) => ({ at, amount, admission: false });

  it('catches a burst above the bucket, and refill that came too soon', () => {
    expect(envelopeBreaches([admit(0, 600), admit(0, 1)], 600)).toHaveLength(1);
    expect(envelopeBreaches([admit(0, 600), admit(30_000, 301)], 600)).toHaveLength(1);
    expect(envelopeBreaches([admit(0, 600), admit(30_000, 300)], 600)).toEqual([]);
  });

  it('catches a limiter that ignores an answer longer than its estimate', () => {
    expect(envelopeBreaches([admit(0, 300), correct(0, 300), admit(0, 300)], 600)).toHaveLength(1);
    expect(envelopeBreaches([admit(0, 300), correct(0, -300), admit(0, 600)], 600)).toEqual([]);
  });

  it('allows the one request larger than the bucket into debt, and no more', () => {
    expect(envelopeBreaches([admit(0, 1_500)], 600)).toEqual([]);
    expect(envelopeBreaches([admit(0, 1_500), admit(90_000, 1)], 600)).toHaveLength(1);
    expect(envelopeBreaches([admit(0, 1_500), admit(90_100, 1)], 600)).toEqual([]);
  });
});
