import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { RunEmitter, type RunEvent } from '../../src/runtime/events.ts';
import { planHash } from '../../src/runtime/plan-hash.ts';
import { replay, ReplayError, restoreRun } from '../../src/runtime/replay.ts';
import { status } from '../../src/runtime/run-status.ts';
import { createScheduler, type Scheduler } from '../../src/runtime/scheduler.ts';
import { compileText } from '../support/workspace.ts';
import { resultFor, t0 } from './sim.ts';

const source = `workflow w {
  input student {
    default = "Emma"
  }
  worker a {
    parallel = 3
  }
  task evaluate {
    worker  = a
    prompt  = "Evaluate \${student}"
  }
  task letter {
    worker = a
    after  = [evaluate]
    prompt = "Write to the family: \${evaluate.result}"
  }
  task placement {
    worker  = a
    retries = 2
    prompt  = "Place \${student}"
  }
  task practice {
    worker = a
    prompt = "Practice plan"
  }
}
`;
const compiled = compileText(source);
const plan: Plan = compiled.plan!;

/** A run that got this far when the runner died: done, retrying, running and queued tasks. */
function interrupted(): { scheduler: Scheduler; events: RunEvent[] } {
  const emitter = new RunEmitter();
  const events: RunEvent[] = [];
  emitter.onAny((e) => events.push(e));
  const s = createScheduler(plan, { inputs: { student: 'Liam' }, emitter, random: () => 0 });
  s.begin(t0, 'run-7');
  s.dispatch(t0);
  s.started('evaluate', { now: t0 + 1000, attempt: 1, owner: 'pid-1' });
  s.succeeded('evaluate', { now: t0 + 5000, attempt: 1, result: resultFor('evaluate', 1) });
  s.started('placement', { now: t0 + 1000, attempt: 1, owner: 'pid-2' });
  s.failed('placement', {
    now: t0 + 4500,
    attempt: 1,
    error: { kind: 'exit', message: 'exited 1', retryable: true, usage: { input_tokens: 7, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }, costUsd: 0.5 },
  });
  s.started('practice', { now: t0 + 2000, attempt: 1, owner: 'pid-3' });
  s.dispatch(t0 + 5000);
  return { scheduler: s, events };
}

describe('replay', () => {
  it('brings back done tasks as done, backoffs with their end times, and in-flight tasks as requeued', () => {
    const { events } = interrupted();
    const emitter = new RunEmitter();
    const heard: RunEvent[] = [];
    emitter.onAny((e) => heard.push(e));
    const resumeAt = t0 + 60_000;
    const resumed = replay(plan, events, { now: resumeAt, emitter, random: () => 0 });
    const s = resumed.scheduler;

    expect(resumed.runId).toBe('run-7');
    expect(resumed.inFlight).toEqual([
      { task: 'letter', worker: 'a', attempt: 1, was: 'queued' },
      { task: 'practice', worker: 'a', attempt: 1, was: 'running' },
    ]);
    expect(resumed.events).toEqual([
      { type: 'run:start', at: '2026-11-25T00:01:00.000Z', run_id: 'run-7', workflow: 'w', plan_hash: planHash(plan), inputs: { student: 'Liam' }, resumed: true },
      { type: 'task:requeued', at: '2026-11-25T00:01:00.000Z', task: 'letter', attempt: 1, reason: 'runner resumed' },
      { type: 'task:requeued', at: '2026-11-25T00:01:00.000Z', task: 'practice', attempt: 1, reason: 'runner resumed' },
    ]);
    // The emitter hears only what resuming added, never the history.
    expect(heard).toEqual(resumed.events);
    expect(s.task('evaluate')).toMatchObject({ status: 'done', result: resultFor('evaluate', 1) });
    expect(s.task('placement')).toMatchObject({ status: 'retrying', retriesUsed: 1, wakeAt: t0 + 4500 + 1000 });

    // Re-dispatch: the in-flight ones again with their attempt, marked requeued; the retry is due.
    const again = s.dispatch(resumeAt).tasks;
    expect(again.map((t) => [t.task, t.attempt, t.requeued])).toEqual([
      ['letter', 1, true],
      ['practice', 1, true],
      ['placement', 2, false],
    ]);
    // The done upstream's result still feeds the downstream prompt; the inputs are the run's.
    expect(again.find((t) => t.task === 'letter')!.prompt).toBe('Write to the family: evaluate done on attempt 1');
    expect(again.find((t) => t.task === 'placement')!.prompt).toBe('Place Liam');
    // A worker that outlived the runner may still report the old attempt: it counts.
    expect(s.succeeded('practice', { now: resumeAt + 1, attempt: 1, result: resultFor('practice', 1) })).toHaveLength(1);
  });

  it('never guesses: it refuses a journal for another plan, or one that does not begin with run:start', () => {
    const { events } = interrupted();
    const other = compileText(source.replace('Practice plan', 'Practice harder')).plan!;
    expect(() => replay(other, events, { now: t0 })).toThrow(ReplayError);
    expect(() => replay(other, events, { now: t0 })).toThrow(/^The journal was written for another plan \(sha256:[0-9a-f]+, this one is sha256:[0-9a-f]+\): the workflow changed since run `run-7` started$/);
    expect(() => replay(plan, events.slice(1), { now: t0 })).toThrow('The journal must begin with `run:start`, got `task:queued`');
    expect(() => replay(plan, [], { now: t0 })).toThrow('The journal must begin with `run:start`, got no events');
  });

  it('names the journal event that does not fit', () => {
    const { events } = interrupted();
    const doubled = [...events.slice(0, 3), events[1]!];
    expect(() => restoreRun(plan, doubled)).toThrow('Journal event 4: `task:queued` for `evaluate` attempt 1 cannot be queued (it is queued, attempt 1)');
  });

  it('continues a run that ended interrupted, and a finished run resumes to nothing to do', () => {
    const { scheduler, events } = interrupted();
    events.push(...scheduler.end(t0 + 6000));
    expect(events.at(-1)).toMatchObject({ type: 'run:end', status: 'interrupted' });
    const resumed = replay(plan, events, { now: t0 + 7000 });
    expect(resumed.inFlight.map((t) => t.task)).toEqual(['letter', 'practice']);

    const s = createScheduler(plan, { inputs: {} });
    const all: RunEvent[] = [...s.begin(t0, 'run-8')];
    while (!s.isFinished()) {
      const { tasks, events: queued } = s.dispatch(t0);
      all.push(...queued);
      for (const t of tasks) all.push(...s.succeeded(t.task, { now: t0, attempt: t.attempt, result: resultFor(t.task, t.attempt) }));
    }
    all.push(...s.end(t0));
    const done = replay(plan, all, { now: t0 + 1 });
    expect(done.inFlight).toEqual([]);
    expect(done.scheduler.dispatch(t0 + 1).tasks).toEqual([]);
    expect(done.scheduler.summary().outcome).toBe('done');
  });

  it('finishes the skips of a failure whose cascade a crash cut short', () => {
    const s = createScheduler(plan, { inputs: {} });
    const events: RunEvent[] = [...s.begin(t0, 'run-9'), ...s.dispatch(t0).events];
    const failure = s.failed('evaluate', { now: t0, attempt: 1, error: { kind: 'spawn', message: 'no claude', retryable: false } });
    expect(failure.map((e) => e.type)).toEqual(['task:failed', 'task:skipped']);
    events.push(failure[0]!);
    const resumed = replay(plan, events, { now: t0 + 10 });
    expect(resumed.events.at(-1)).toEqual({ type: 'task:skipped', at: '2026-11-25T00:00:00.010Z', task: 'letter', reason: 'upstream `evaluate` failed', because: 'evaluate' });
  });
});

describe('status', () => {
  it('gives per task its status, worker, attempts, running time, tokens and cost over every attempt', () => {
    const { events } = interrupted();
    const report = status(plan, events, { now: t0 + 9000 });
    expect(report).toMatchObject({ runId: 'run-7', workflow: 'w', state: 'running', startedAt: '2026-11-25T00:00:00.000Z', resumes: 0 });
    expect(report.endedAt).toBeUndefined();
    const byId = Object.fromEntries(report.tasks.map((t) => [t.id, t]));
    expect(byId['evaluate']).toMatchObject({ status: 'done', worker: 'a', attempts: 1, elapsedMs: 4000, turns: 1, costUsd: 0.01, usage: { input_tokens: 10, output_tokens: 5 } });
    expect(byId['placement']).toMatchObject({ status: 'retrying', attempts: 1, elapsedMs: 3500, turns: 0, costUsd: 0.5, usage: { input_tokens: 7 } });
    // Still running: counted up to `now`.
    expect(byId['practice']).toMatchObject({ status: 'running', attempts: 1, elapsedMs: 7000 });
    expect(byId['letter']).toMatchObject({ status: 'queued', attempts: 1, elapsedMs: 0 });
    expect(report.totals).toEqual({ usage: { input_tokens: 17, output_tokens: 6, cache_creation_input_tokens: 0, cache_read_input_tokens: 2 }, costUsd: 0.51 });
    expect(report.summary.counts).toMatchObject({ done: 1, retrying: 1, running: 1, queued: 1 });
  });

  it('reports the end of a run, its resumes, and why tasks failed or were skipped', () => {
    const s = createScheduler(plan, { inputs: {} });
    const events: RunEvent[] = [...s.begin(t0, 'run-10'), ...s.dispatch(t0).events];
    events.push(...s.failed('evaluate', { now: t0 + 100, attempt: 1, error: { kind: 'timeout', message: 'no answer in 5m', retryable: false } }));
    events.push(...s.end(t0 + 200, 'interrupted'));
    const resumed = replay(plan, events, { now: t0 + 1000 });
    events.push(...resumed.events);
    const r = resumed.scheduler;
    const { tasks, events: queued } = r.dispatch(t0 + 1000);
    events.push(...queued);
    for (const t of tasks) events.push(...r.succeeded(t.task, { now: t0 + 2000, attempt: t.attempt, result: resultFor(t.task, t.attempt) }));
    events.push(...r.end(t0 + 2000));
    const report = status(plan, events);
    expect(report).toMatchObject({ state: 'failed', endedAt: '2026-11-25T00:00:02.000Z', resumes: 1, summary: { outcome: 'failed', finished: true } });
    const byId = Object.fromEntries(report.tasks.map((t) => [t.id, t]));
    expect(byId['evaluate']).toMatchObject({ status: 'failed', error: { kind: 'timeout', message: 'no answer in 5m' } });
    expect(byId['letter']).toMatchObject({ status: 'skipped', because: 'evaluate', attempts: 0 });
    expect(byId['practice']).toMatchObject({ status: 'done', attempts: 1 });
  });
});
