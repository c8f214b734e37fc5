import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunEmitter } from '../../src/runtime/events.ts';
import { parseJournal } from '../../src/runtime/journal.ts';
import { replay, restoreRun } from '../../src/runtime/replay.ts';
import { seeded } from '../support/property.ts';
import { dagSpec, drive, Monitor, newRun, planOf, prng, rateLimitCap, stepBound, t0, World } from './sim.ts';

const failureRate = fc.constantFrom(0, 0.15, 0.4, 0.7);

describe('the scheduler in a simulated world', () => {
  it('keeps its invariants on random DAGs with random failures, rate limits and lapsed leases', () => {
    fc.assert(
      fc.property(dagSpec, fc.integer(), failureRate, (spec, seed, rate) => {
        const plan = planOf(spec);
        const { monitor, scheduler } = newRun(plan, seed);
        scheduler.begin(t0, 'run-sim');
        const world = new World(scheduler, monitor, seed, rate);
        const steps = drive(world, stepBound(plan));
        expect(scheduler.isFinished(), `not finished after ${steps} steps`).toBe(true);
        scheduler.end(world.now);
        monitor.checkEnd();

        const summary = scheduler.summary();
        expect(summary.counts.done + summary.counts.failed + summary.counts.skipped).toBe(plan.nodes.length);
        expect(summary.outcome).toBe(monitor.failed.size === 0 ? 'done' : 'failed');
        expect(monitor.events.at(-1)).toMatchObject({ type: 'run:end', status: summary.outcome });

        // No task ever gets more attempts than its budget plus the free rate-limit retries.
        for (const t of scheduler.tasks()) expect(t.attempt).toBeLessThanOrEqual(1 + (plan.nodes.find((n) => n.id === t.id) as { retries: number }).retries + rateLimitCap);

        // Every emitted event is valid journal material and survives the round trip.
        const text = monitor.events.map((e) => JSON.stringify(e) + '\n').join('');
        expect(parseJournal(text).events).toEqual(monitor.events);

        // Replaying the journal rebuilds exactly the live state.
        expect(restoreRun(plan, monitor.events).scheduler.tasks()).toEqual(scheduler.tasks());
      }),
      seeded(150),
    );
  });

  it('resumes from a journal cut at any point without running a done task again', () => {
    fc.assert(
      fc.property(dagSpec, fc.integer(), failureRate, fc.double({ min: 0, max: 1, noNaN: true }), (spec, seed, rate, where) => {
        const plan = planOf(spec);
        const first = newRun(plan, seed);
        first.scheduler.begin(t0, 'run-sim');
        drive(new World(first.scheduler, first.monitor, seed, rate), stepBound(plan));
        const all = first.monitor.events;
        const prefix = all.slice(0, 1 + Math.floor(where * (all.length - 1)));
        const doneBefore = new Set(prefix.flatMap((e) => (e.type === 'task:done' ? [e.task] : [])));
        const resumeAt = Date.parse(prefix.at(-1)!.at) + 1000;

        const monitor = new Monitor(plan);
        for (const e of prefix) monitor.see(e);
        const emitter = new RunEmitter();
        emitter.onAny((e) => monitor.see(e));
        const resumed = replay(plan, prefix, { now: resumeAt, random: prng(seed), maxRateLimitRetries: rateLimitCap, emitter, runDir: '/runs/sim' });
        const added = resumed.events.map((e) => e.type).filter((t) => t !== 'task:skipped');
        expect(added).toEqual(['run:start', ...resumed.inFlight.map(() => 'task:requeued')]);

        const world = new World(resumed.scheduler, monitor, seed + 1, rate);
        world.now = resumeAt;
        // Some workers outlived the runner and still hold their items; the others' items are lost.
        const alive = prng(seed + 2);
        for (const t of resumed.inFlight) {
          if (alive() < 0.5) world.items.push({ task: t.task, attempt: t.attempt, started: t.was === 'running' });
        }
        drive(world, stepBound(plan));
        expect(resumed.scheduler.isFinished()).toBe(true);
        resumed.scheduler.end(world.now);
        monitor.checkEnd();

        const after = monitor.events.slice(prefix.length);
        for (const e of after) {
          if (e.type === 'task:queued' || e.type === 'task:start' || e.type === 'task:done') {
            expect(doneBefore.has(e.task), `${e.task} was done before the cut and ran again`).toBe(false);
          }
        }
        for (const task of doneBefore) expect(resumed.scheduler.task(task).result).toEqual(first.scheduler.task(task).result);
      }),
      seeded(150),
    );
  });
});
