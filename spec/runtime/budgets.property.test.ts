import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/runtime/events.ts';
import { restoreRun } from '../../src/runtime/replay.ts';
import { createScheduler } from '../../src/runtime/scheduler.ts';
import type { Failure } from '../../src/runtime/task-state.ts';
import { seeded } from '../support/property.ts';
import { dagSpec, Monitor, planOf, prng, resultFor, t0 } from './sim.ts';

const kinds = ['exit', 'api', 'timeout'] as const;

describe('budgets and breakers in a simulated run', () => {
  it('never spends past the budget when attempts cost what they were estimated at or less, and never queues on an open breaker', () => {
    fc.assert(
      fc.property(dagSpec, fc.integer(), fc.integer({ min: 1, max: 4 }), fc.double({ min: 0.05, max: 3, noNaN: true }), fc.constantFrom(0, 0.3, 0.7), (spec, seed, breaker, budget, failureRate) => {
        const plan = planOf(spec, { breaker, budget });
        const rand = prng(seed);
        const estimates = new Map(plan.nodes.map((n) => [n.id, 0.01 + rand() * 0.5]));
        const monitor = new Monitor(plan);
        const open = new Set<string>();
        const events: RunEvent[] = [];
        let peak = 0;
        const s = createScheduler(plan, {
          inputs: {},
          random: rand,
          estimateUsd: (node) => estimates.get(node.id)!,
          emitter: {
            emit: (e: RunEvent) => {
              events.push(e);
              monitor.see(e);
              if (e.type === 'worker:tripped') open.add(e.worker);
              if (e.type === 'task:queued') expect(open.has(e.worker), `${e.task} queued on ${e.worker} after its breaker opened`).toBe(false);
            },
          } as never,
        });
        s.begin(t0, 'run-budget');
        let now = t0;
        for (let step = 0; step < 2000 && !s.isFinished(); step++) {
          const out = s.dispatch(now).tasks;
          const inFlight = s.inFlight();
          if (out.length === 0 && inFlight.length === 0) {
            now = s.nextWakeAt() ?? now;
            continue;
          }
          const t = inFlight[Math.floor(rand() * inFlight.length)]!;
          const cost = estimates.get(t.id)! * rand();
          s.started(t.id, { now, attempt: t.attempt, owner: 'w' });
          if (rand() >= failureRate) s.succeeded(t.id, { now, attempt: t.attempt, result: { ...resultFor(t.id, t.attempt), cost_usd: cost } });
          else {
            const error: Failure = { kind: kinds[Math.floor(rand() * kinds.length)]!, message: 'it broke', retryable: rand() < 0.7, costUsd: cost };
            s.failed(t.id, { now, attempt: t.attempt, error });
          }
          peak = Math.max(peak, s.spent());
          now += 10;
        }
        expect(s.isFinished()).toBe(true);
        expect(peak).toBeLessThanOrEqual(budget + 1e-9);
        s.end(now);
        monitor.checkEnd();
        const outcome = s.summary().outcome;
        const heldByBudget = s.tasks().some((t) => t.status === 'held' && t.held?.cause === 'budget');
        expect(outcome === 'budget-exhausted').toBe(heldByBudget);
        // The journal alone rebuilds the same state, breakers and budgets included.
        expect(restoreRun(plan, events).scheduler.tasks()).toEqual(s.tasks());
      }),
      seeded(150),
    );
  });
});
