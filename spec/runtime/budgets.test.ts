import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import type { RunEvent } from '../../src/runtime/events.ts';
import { replay } from '../../src/runtime/replay.ts';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../../src/runtime/scheduler.ts';
import type { Failure } from '../../src/runtime/task-state.ts';
import { planFrom } from '../support/workspace.ts';
import { resultFor, t0 } from './sim.ts';

/** Two independent tasks on one worker that runs both at once, each with a dependant. */
const pair = (budget: string, extra = '') =>
  planFrom(`workflow w {
  budget = ${budget}
  worker a {
    parallel = 2
${extra}  }
  worker b {}
  task first {
    worker   = a
    priority = high
    prompt   = "x"
  }
  task second {
    worker = a
    prompt = "x"
  }
  task after-second {
    worker = b
    after  = [second]
    prompt = "x"
  }
}
`);

function record(plan: Plan, options: Partial<SchedulerOptions> = {}): { s: Scheduler; journal: RunEvent[] } {
  const journal: RunEvent[] = [];
  const s = createScheduler(plan, { inputs: {}, ...options, emitter: { emit: (e: RunEvent) => journal.push(e) } as never });
  s.begin(t0, 'run-1');
  return { s, journal };
}

function finish(s: Scheduler, task: string, now: number, costUsd: number): RunEvent[] {
  const attempt = s.task(task).attempt;
  const result = { ...resultFor(task, attempt), cost_usd: costUsd };
  return [...s.started(task, { now, attempt, owner: 'w-1' }), ...s.succeeded(task, { now, attempt, result })];
}

describe('budgets', () => {
  it('holds a task whose estimate does not fit what the run has left, skips its dependants, and ends `budget-exhausted`', () => {
    const { s } = record(pair('$0.50'), { estimateUsd: () => 0.3 });
    const out = s.dispatch(t0);
    // `first` goes and sets $0.30 aside; `second` fits the $0.50 unspent, not the $0.20 not set
    // aside: it waits for `first` to say what it really cost.
    expect(out.tasks.map((t) => t.task)).toEqual(['first']);
    expect(out.events.map((e) => e.type)).toEqual(['task:queued']);
    expect(s.task('second').status).toBe('ready');
    finish(s, 'first', t0 + 10, 0.25);
    expect(s.spent()).toBeCloseTo(0.25);
    // $0.25 left, and `second` needs $0.30.
    const then = s.dispatch(t0 + 10);
    expect(then.tasks).toEqual([]);
    expect(then.events.map((e) => e.type)).toEqual(['task:held', 'task:skipped']);
    const reason = "budget exhausted: the run's budget of $0.50 has $0.25 left, and `second` is estimated at $0.30";
    expect(s.task('second')).toMatchObject({ status: 'held', held: { cause: 'budget', reason } });
    expect(s.task('after-second')).toMatchObject({ status: 'skipped', because: 'second' });
    expect(s.summary()).toMatchObject({ finished: true, outcome: 'budget-exhausted' });
    expect(s.end(t0 + 20)).toEqual([{ type: 'run:end', at: '2026-11-25T00:00:00.020Z', status: 'budget-exhausted', reason }]);
  });

  it('starts a waiting task once the attempt in flight costs less than it set aside', () => {
    const { s } = record(pair('$0.50'), { estimateUsd: () => 0.3 });
    s.dispatch(t0);
    finish(s, 'first', t0 + 10, 0.1);
    expect(s.dispatch(t0 + 10).tasks.map((t) => t.task)).toEqual(['second']);
  });

  it('resumes a budget-exhausted run with a larger budget: held and skipped tasks run, done ones do not', () => {
    const plan = pair('$0.50');
    const { s, journal } = record(plan, { estimateUsd: () => 0.3 });
    s.dispatch(t0);
    finish(s, 'first', t0 + 10, 0.25);
    s.dispatch(t0 + 10);
    s.end(t0 + 20);

    const resumed = replay(plan, journal, { now: t0 + 100, budgetUsd: 2, estimateUsd: () => 0.3 });
    expect(resumed.events.map((e) => e.type)).toEqual(['run:start', 'task:reopened', 'task:reopened']);
    expect(resumed.events[0]).toMatchObject({ resumed: true, budget_usd: 2 });
    const again = resumed.scheduler;
    expect(again.task('first').status).toBe('done');
    expect(again.dispatch(t0 + 100).tasks.map((t) => t.task)).toEqual(['second']);
    finish(again, 'second', t0 + 110, 0.3);
    expect(again.dispatch(t0 + 110).tasks.map((t) => t.task)).toEqual(['after-second']);
    finish(again, 'after-second', t0 + 120, 0.3);
    expect(again.summary().outcome).toBe('done');
  });

  it('resumed without a new budget, the held task is held again for the same reason', () => {
    const plan = pair('$0.50');
    const { s, journal } = record(plan, { estimateUsd: () => 0.3 });
    s.dispatch(t0);
    finish(s, 'first', t0 + 10, 0.25);
    s.dispatch(t0 + 10);
    s.end(t0 + 20);
    const resumed = replay(plan, journal, { now: t0 + 100, estimateUsd: () => 0.3 });
    const out = resumed.scheduler.dispatch(t0 + 100);
    expect(out.tasks).toEqual([]);
    expect(resumed.scheduler.task('second').held?.reason).toBe("budget exhausted: the run's budget of $0.50 has $0.25 left, and `second` is estimated at $0.30");
    expect(resumed.scheduler.summary().outcome).toBe('budget-exhausted');
  });

  it('stops nothing while budgets have room, and once one is used up holds even a task estimated at nothing', () => {
    const { s } = record(pair('$0.50'));
    expect(s.dispatch(t0).tasks.map((t) => t.task)).toEqual(['first', 'second']);
    finish(s, 'first', t0 + 1, 0.2);
    finish(s, 'second', t0 + 2, 0.35);
    const out = s.dispatch(t0 + 3);
    expect(out.tasks).toEqual([]);
    expect(s.task('after-second').held?.reason).toBe("budget exhausted: the run's budget of $0.50 has $0.00 left");
  });

  it('checks the worker budget and the task budget too, naming the narrowest', () => {
    const plan = planFrom(`workflow w {
  worker a {
    budget = $1
  }
  task one {
    worker = a
    budget = $0.10
    retries = 3
    prompt = "x"
  }
  task two {
    worker = a
    after  = [one]
    prompt = "x"
  }
}
`);
    const { s } = record(plan, { estimateUsd: () => 0.05 });
    s.dispatch(t0);
    s.started('one', { now: t0, attempt: 1, owner: 'w' });
    s.failed('one', { now: t0 + 1, attempt: 1, error: { kind: 'exit', message: 'exited 1', retryable: true, costUsd: 0.08 } });
    // The retry would need $0.05 of the task's $0.02 left.
    expect(s.dispatch(s.nextWakeAt()!).tasks).toEqual([]);
    expect(s.task('one').held?.reason).toBe("budget exhausted: task `one`'s budget of $0.10 has $0.02 left, and `one` is estimated at $0.05");
    expect(s.task('two')).toMatchObject({ status: 'skipped', because: 'one' });
  });

  it('holds a running attempt the runner stopped for its budget, keeping what it spent', () => {
    const { s } = record(pair('$0.50'));
    s.dispatch(t0);
    s.started('second', { now: t0, attempt: 1, owner: 'w' });
    const events = s.failed('second', { now: t0 + 5, attempt: 1, error: { kind: 'budget', message: "budget exhausted: the run's budget of $0.50 was crossed", retryable: false, costUsd: 0.51 } });
    expect(events.map((e) => e.type)).toEqual(['task:held', 'task:skipped']);
    expect(events[0]).toMatchObject({ attempt: 1, cause: 'budget', cost_usd: 0.51 });
    expect(s.spent()).toBeCloseTo(0.51);
    // A budget stop is not the worker's fault: the breaker does not count it.
    expect(events.some((e) => e.type === 'worker:tripped')).toBe(false);
  });
});

describe('the circuit breaker', () => {
  const three = (breaker?: number) =>
    planFrom(`workflow w {
${breaker === undefined ? '' : `  circuit-breaker = ${breaker}\n`}  worker a {}
  worker b {}
  task t1 {
    worker   = a
    retries  = 0
    priority = high
    prompt   = "x"
  }
  task t2 {
    worker   = a
    retries  = 0
    priority = high
    prompt   = "x"
  }
  task t3 {
    worker   = a
    retries  = 0
    priority = high
    prompt   = "x"
  }
  task t4 {
    worker = a
    prompt = "x"
  }
  task t5 {
    worker = a
    after  = [t4]
    prompt = "x"
  }
  task other {
    worker = b
    prompt = "x"
  }
}
`);
  const badKey: Failure = { kind: 'api', message: 'invalid x-api-key', retryable: false, status: 401 };

  function failNext(s: Scheduler, now: number, error = badKey): RunEvent[] {
    const task = s.dispatch(now).tasks.find((t) => t.worker === 'a');
    if (task === undefined) return [];
    s.started(task.task, { now, attempt: task.attempt, owner: 'w' });
    return s.failed(task.task, { now: now + 1, attempt: task.attempt, error });
  }

  it('opens after three failures of one kind in a row on a worker: its other tasks are held, other workers go on', () => {
    const { s } = record(three());
    failNext(s, t0);
    failNext(s, t0 + 10);
    const events = failNext(s, t0 + 20);
    expect(events.map((e) => e.type)).toEqual(['task:failed', 'worker:tripped', 'task:held', 'task:skipped']);
    const message = 'worker `a` stopped taking tasks: 3 attempts in a row failed with `api` (last: invalid x-api-key)';
    expect(events[1]).toMatchObject({ worker: 'a', kind: 'api', failures: 3, message });
    expect(s.task('t4')).toMatchObject({ status: 'held', held: { cause: 'breaker', reason: message } });
    expect(s.task('t5')).toMatchObject({ status: 'skipped', because: 't4' });
    expect(s.task('other').status).not.toBe('held');
    finish(s, 'other', t0 + 30, 0.01);
    expect(s.summary()).toMatchObject({ finished: true, outcome: 'failed' });
    expect(s.end(t0 + 40)[0]).toMatchObject({ status: 'failed', reason: message });
  });

  it('counts only failures of the same kind in a row; a success starts it again', () => {
    const { s } = record(three());
    failNext(s, t0);
    failNext(s, t0 + 10, { kind: 'timeout', message: 'ran past 600s', retryable: false });
    failNext(s, t0 + 20);
    expect(s.tasks().some((t) => t.status === 'held')).toBe(false);
    const t4 = s.dispatch(t0 + 30).tasks.find((t) => t.worker === 'a')!;
    finish(s, t4.task, t0 + 31, 0.01);
    expect(s.tasks().some((t) => t.status === 'held')).toBe(false);
  });

  it('ignores rate limits, and takes its threshold from the file', () => {
    const { s } = record(three(1));
    const limited = failNext(s, t0, { kind: 'rate-limit', message: '429', retryable: true, status: 429 });
    expect(limited.map((e) => e.type)).toEqual(['task:rate-limited']);
    const events = failNext(s, t0 + 100_000);
    expect(events.map((e) => e.type)).toContain('worker:tripped');
  });

  it('is closed again when the run is resumed, and the held tasks are reopened', () => {
    const plan = three();
    const { s, journal } = record(plan);
    failNext(s, t0);
    failNext(s, t0 + 10);
    failNext(s, t0 + 20);
    finish(s, 'other', t0 + 30, 0.01);
    s.end(t0 + 40);
    const resumed = replay(plan, journal, { now: t0 + 100 });
    expect(resumed.events.filter((e) => e.type === 'task:reopened').map((e) => (e as { task: string }).task)).toEqual(['t4', 't5']);
    expect(resumed.scheduler.dispatch(t0 + 100).tasks.map((t) => t.task)).toEqual(['t4']);
  });
});
