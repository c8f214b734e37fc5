import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { backoffDelay, defaultBackoff, defaultRateLimitBackoff } from '../../src/runtime/backoff.ts';
import { RunEmitter, type RunEvent, type RunEventMap } from '../../src/runtime/events.ts';
import { createScheduler, RunSetupError, SchedulerError, type Scheduler } from '../../src/runtime/scheduler.ts';
import type { Failure } from '../../src/runtime/task-state.ts';
import { planFrom } from '../support/workspace.ts';
import { resultFor, t0 } from './sim.ts';

const diamond = planFrom(`workflow w {
  input topic {
    default = "recital"
  }
  worker a {
    parallel = 2
  }
  worker b {}
  task root {
    worker  = a
    retries = 2
    prompt  = "Start on \${topic}"
  }
  task left {
    worker = a
    after  = [root]
    prompt = "Left of \${root.result}"
  }
  task right {
    worker = b
    after  = [root]
    prompt = "Right"
  }
  task join {
    worker = b
    after  = [left, right]
    prompt = "Join \${left.result} and \${right.findings}"
  }
  task side {
    worker  = b
    retries = 0
    prompt  = "Independent"
  }
}
`);

const exitError: Failure = { kind: 'exit', message: 'exited with code 1', retryable: true };
const fatal: Failure = { kind: 'spawn', message: 'claude not found', retryable: false };
const rateLimit: Failure = { kind: 'api', message: 'rate limited', retryable: true, status: 429 };

function ids(s: Scheduler, now: number): string[] {
  return s.dispatch(now).tasks.map((t) => t.task);
}

function finish(s: Scheduler, task: string, now: number): RunEvent[] {
  const attempt = s.task(task).attempt;
  return [...s.started(task, { now, attempt, owner: 'w-1' }), ...s.succeeded(task, { now, attempt, result: resultFor(task, attempt) })];
}

describe('createScheduler', () => {
  it('hands decompose and synthesize nodes to the runner, under its own workers, whatever the workers’ parallel', () => {
    const plan = planFrom('workflow w {\n  worker marie {}\n  decompose plan {\n    prompt = "Plan the week."\n  }\n  synthesize brief {\n    prompt = "Sum up."\n  }\n}\n');
    const s = createScheduler(plan, { inputs: {} });
    expect(s.dispatch(t0).tasks.map((t) => [t.task, t.worker, t.node.kind])).toEqual([
      ['plan', '@planner', 'decompose'],
      ['brief', '@synthesizer', 'synthesize'],
    ]);
  });

  it('rejects inputs that do not resolve, listing every problem', () => {
    const plan = planFrom('workflow w {\n  input n {\n    type = number\n  }\n  worker a {}\n  task t {\n    worker = a\n    prompt = "${n}"\n  }\n}\n');
    try {
      createScheduler(plan, { inputs: { m: 1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RunSetupError);
      expect((error as RunSetupError).problems).toEqual(['Unknown input `m`: did you mean `n`?', 'Missing required input `n` (number): pass `--input n=…`']);
    }
  });

  it('starts with the tasks that wait on nothing ready and the rest pending', () => {
    const s = createScheduler(diamond, { inputs: {} });
    expect(s.tasks().map((t) => [t.id, t.status])).toEqual([
      ['root', 'ready'],
      ['left', 'pending'],
      ['right', 'pending'],
      ['join', 'pending'],
      ['side', 'ready'],
    ]);
    expect(s.summary()).toMatchObject({ total: 5, finished: false, outcome: 'running', counts: { ready: 2, pending: 3 } });
  });
});

describe('dispatch', () => {
  it('sends independent tasks on different workers at once, with attempt numbers and rendered prompts', () => {
    const s = createScheduler(diamond, { inputs: {} });
    const first = s.dispatch(t0);
    expect(first.tasks.map((t) => [t.task, t.worker, t.attempt, t.prompt, t.requeued])).toEqual([
      ['root', 'a', 1, 'Start on recital', false],
      ['side', 'b', 1, 'Independent', false],
    ]);
    expect(first.events).toEqual([
      { type: 'task:queued', at: '2026-11-25T00:00:00.000Z', task: 'root', worker: 'a', attempt: 1 },
      { type: 'task:queued', at: '2026-11-25T00:00:00.000Z', task: 'side', worker: 'b', attempt: 1 },
    ]);
    expect(ids(s, t0)).toEqual([]);
    finish(s, 'root', t0 + 10);
    // `right` waits: worker b (parallel 1) still has `side`.
    expect(s.dispatch(t0 + 10).tasks.map((t) => [t.task, t.prompt])).toEqual([['left', 'Left of root done on attempt 1']]);
    finish(s, 'side', t0 + 20);
    expect(ids(s, t0 + 20)).toEqual(['right']);
    finish(s, 'left', t0 + 30);
    finish(s, 'right', t0 + 30);
    expect(s.dispatch(t0 + 30).tasks[0]!.prompt).toBe('Join left done on attempt 1 and - right finding');
    finish(s, 'join', t0 + 40);
    expect(s.isFinished()).toBe(true);
    expect(s.summary()).toMatchObject({ outcome: 'done', counts: { done: 5 } });
  });

  it('orders one worker’s ready tasks by priority, then longer chain, then plan order', () => {
    const plan = planFrom(`workflow w {
  worker a {}
  worker z {}
  task low1 {
    worker   = a
    priority = low
    prompt   = "x"
  }
  task normal1 {
    worker = a
    prompt = "x"
  }
  task normal2 {
    worker = a
    prompt = "x"
  }
  task crit {
    worker   = a
    priority = critical
    prompt   = "x"
  }
  task high {
    worker   = a
    priority = high
    prompt   = "x"
  }
  task next {
    worker = z
    after  = [normal2]
    prompt = "x"
  }
}
`);
    const s = createScheduler(plan, { inputs: {} });
    const order: string[] = [];
    let now = t0;
    while (!s.isFinished()) {
      for (const t of s.dispatch(now).tasks) if (t.worker === 'a') order.push(t.task);
      for (const t of s.tasks()) if (t.status === 'queued') finish(s, t.id, now);
      now += 1;
    }
    expect(order).toEqual(['crit', 'high', 'normal2', 'normal1', 'low1']);
  });
});

describe('failures', () => {
  it('retries with exponential backoff plus injected jitter, and wakes at the right time', () => {
    const s = createScheduler(diamond, { inputs: {}, random: () => 0.5 });
    s.dispatch(t0);
    s.started('root', { now: t0, attempt: 1, owner: 'w-1' });
    expect(s.failed('root', { now: t0 + 100, attempt: 1, error: exitError })).toEqual([
      { type: 'task:retrying', at: '2026-11-25T00:00:00.100Z', task: 'root', attempt: 1, delay_ms: 1125, reason: 'exit: exited with code 1', kind: 'exit' },
    ]);
    expect(s.task('root')).toMatchObject({ status: 'retrying', retriesUsed: 1, wakeAt: t0 + 1225 });
    expect(s.nextWakeAt()).toBe(t0 + 1225);
    expect(ids(s, t0 + 1224)).toEqual([]);
    const again = s.dispatch(t0 + 1225).tasks;
    expect(again.map((t) => [t.task, t.attempt])).toEqual([['root', 2]]);
    expect(s.nextWakeAt()).toBeUndefined();
    s.failed('root', { now: t0 + 2000, attempt: 2, error: exitError });
    expect(s.task('root').wakeAt).toBe(t0 + 2000 + 2250);
  });

  it('fails for good when the budget is spent, skipping every dependant and naming the failed upstream', () => {
    const s = createScheduler(diamond, { inputs: {}, random: () => 0 });
    let now = t0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      s.dispatch(now);
      const events = s.failed('root', { now, attempt, error: exitError });
      if (attempt < 3) now = s.nextWakeAt()!;
      else {
        expect(events).toEqual([
          { type: 'task:failed', at: new Date(now).toISOString(), task: 'root', worker: 'a', attempt: 3, error: { kind: 'exit', message: 'exited with code 1' } },
          { type: 'task:skipped', at: new Date(now).toISOString(), task: 'left', reason: 'upstream `root` failed', because: 'root' },
          { type: 'task:skipped', at: new Date(now).toISOString(), task: 'right', reason: 'upstream `root` failed', because: 'root' },
          { type: 'task:skipped', at: new Date(now).toISOString(), task: 'join', reason: 'upstream `root` failed', because: 'root' },
          // Three `exit` failures in a row on `a`: its breaker opens, though nothing of `a` is left to hold.
          {
            type: 'worker:tripped',
            at: new Date(now).toISOString(),
            worker: 'a',
            kind: 'exit',
            failures: 3,
            message: 'worker `a` stopped taking tasks: 3 attempts in a row failed with `exit` (last: exited with code 1)',
          },
        ]);
      }
    }
    // The unrelated branch, on another worker, goes on.
    expect(s.isFinished()).toBe(false);
    finish(s, 'side', now);
    expect(s.summary()).toMatchObject({ finished: true, outcome: 'failed', counts: { failed: 1, skipped: 3, done: 1 } });
    expect(s.end(now)).toMatchObject([{ type: 'run:end', status: 'failed', reason: 'worker `a` stopped taking tasks: 3 attempts in a row failed with `exit` (last: exited with code 1)' }]);
  });

  it('fails at once on a non-retryable error, whatever the budget', () => {
    const s = createScheduler(diamond, { inputs: {} });
    s.dispatch(t0);
    expect(s.failed('root', { now: t0, attempt: 1, error: fatal }).map((e) => e.type)).toEqual(['task:failed', 'task:skipped', 'task:skipped', 'task:skipped']);
    expect(s.task('root')).toMatchObject({ status: 'failed', error: { kind: 'spawn', message: 'claude not found' } });
  });

  it('retries rate limits without touching the budget, up to the cap, honouring retry-after', () => {
    const s = createScheduler(diamond, { inputs: {}, random: () => 0, maxRateLimitRetries: 2 });
    s.dispatch(t0);
    // `side` has retries = 0, yet a 429 and a 529 are retried.
    const first = s.failed('side', { now: t0, attempt: 1, error: { ...rateLimit, retryAfterSeconds: 7 } });
    expect(first).toEqual([{ type: 'task:rate-limited', at: '2026-11-25T00:00:00.000Z', task: 'side', attempt: 1, delay_ms: 7000, limit: '429' }]);
    expect(s.task('side')).toMatchObject({ status: 'rate-limited', rateLimitRetries: 1, retriesUsed: 0 });
    s.dispatch(t0 + 7000);
    const second = s.failed('side', { now: t0 + 7000, attempt: 2, error: { ...rateLimit, status: 529 } });
    expect(second).toMatchObject([{ type: 'task:rate-limited', delay_ms: defaultRateLimitBackoff.initialMs * 2, limit: '529' }]);
    // Past the cap a rate limit costs a retry like any failure; `side` has none left.
    s.dispatch(t0 + 20_000);
    expect(s.failed('side', { now: t0 + 20_000, attempt: 3, error: rateLimit }).map((e) => e.type)).toEqual(['task:failed']);
  });

  it('treats a non-retryable rate limit as final', () => {
    const s = createScheduler(diamond, { inputs: {} });
    s.dispatch(t0);
    expect(s.failed('side', { now: t0, attempt: 1, error: { ...rateLimit, retryable: false } }).map((e) => e.type)).toEqual(['task:failed']);
  });
});

describe('reports that do not fit', () => {
  it('ignores duplicate and stale reports, returning no events', () => {
    const s = createScheduler(diamond, { inputs: {}, random: () => 0 });
    s.dispatch(t0);
    expect(s.started('root', { now: t0, attempt: 2, owner: 'w' })).toEqual([]);
    expect(s.started('root', { now: t0, attempt: 1, owner: 'w' })).toHaveLength(1);
    expect(s.started('root', { now: t0, attempt: 1, owner: 'w' })).toEqual([]);
    s.failed('root', { now: t0, attempt: 1, error: exitError });
    expect(s.failed('root', { now: t0, attempt: 1, error: exitError })).toEqual([]);
    expect(s.succeeded('root', { now: t0, attempt: 1, result: resultFor('root', 1) })).toEqual([]);
    s.dispatch(t0 + 60_000);
    finish(s, 'root', t0 + 60_000);
    expect(s.succeeded('root', { now: t0, attempt: 2, result: resultFor('root', 2) })).toEqual([]);
    expect(s.task('root').result).toEqual(resultFor('root', 2));
    expect(s.succeeded('left', { now: t0, attempt: 5, result: resultFor('left', 5) })).toEqual([]);
    expect(s.requeue('join', { now: t0, reason: 'lease lapsed' })).toEqual([]);
  });

  it('throws for a task the plan does not have', () => {
    const s = createScheduler(diamond, { inputs: {} });
    expect(() => s.started('nope', { now: t0, attempt: 1, owner: 'w' })).toThrow(SchedulerError);
    expect(() => s.restore({ type: 'task:done', at: '2026-11-25T00:00:00.000Z', task: 'join', worker: 'b', attempt: 1, result: resultFor('join', 1) })).toThrow(
      '`task:done` for `join` attempt 1 cannot finish (it is pending, attempt 0)',
    );
  });
});

describe('requeue', () => {
  it('hands a task back with the same attempt, ahead of the others, marked for idempotent enqueue', () => {
    const s = createScheduler(diamond, { inputs: {} });
    s.dispatch(t0);
    s.started('side', { now: t0, attempt: 1, owner: 'w-1' });
    expect(s.requeue('side', { now: t0 + 5, reason: 'lease lapsed' })).toEqual([
      { type: 'task:requeued', at: '2026-11-25T00:00:00.005Z', task: 'side', attempt: 1, reason: 'lease lapsed' },
    ]);
    expect(s.task('side')).toMatchObject({ status: 'ready', requeued: true, attempt: 1, retriesUsed: 0 });
    // A late result for the attempt still counts: the worker may have finished it after all.
    expect(s.succeeded('side', { now: t0 + 6, attempt: 1, result: resultFor('side', 1) }).map((e) => e.type)).toEqual(['task:done']);
  });

  it('re-dispatches a requeued task before higher-priority newcomers', () => {
    const plan = planFrom(`workflow w {
  worker a {}
  task first {
    worker = a
    prompt = "x"
  }
  task urgent {
    worker   = a
    priority = critical
    after    = [gate]
    prompt   = "x"
  }
  task gate {
    worker = a
    prompt = "x"
  }
}
`);
    const s = createScheduler(plan, { inputs: {} });
    expect(ids(s, t0)).toEqual(['gate']);
    finish(s, 'gate', t0);
    expect(ids(s, t0)).toEqual(['urgent']);
    s.requeue('urgent', { now: t0, reason: 'runner resumed' });
    const again = s.dispatch(t0).tasks;
    expect(again.map((t) => [t.task, t.attempt, t.requeued])).toEqual([['urgent', 1, true]]);
  });
});

describe('events', () => {
  it('emits exactly the events each call returns, to typed listeners', () => {
    const emitter = new RunEmitter();
    const seen: RunEvent[] = [];
    const done: string[] = [];
    emitter.onAny((e) => seen.push(e));
    const off = emitter.on('task:done', (e) => {
      expectTypeOf(e).toEqualTypeOf<RunEventMap['task:done']>();
      done.push(`${e.task}:${e.result.result}`);
    });
    const s = createScheduler(diamond, { inputs: {}, emitter });
    const returned = [...s.begin(t0, 'run-1'), ...s.dispatch(t0).events, ...finish(s, 'root', t0)];
    expect(seen).toEqual(returned);
    expect(done).toEqual(['root:root done on attempt 1']);
    off();
    finish(s, 'side', t0);
    expect(done).toHaveLength(1);
    expect(returned[0]).toMatchObject({ type: 'run:start', run_id: 'run-1', workflow: 'w', inputs: { topic: 'recital' } });
  });

  it('ends a run as interrupted while tasks are unfinished, unless told otherwise', () => {
    const s = createScheduler(diamond, { inputs: {} });
    expect(s.end(t0)).toMatchObject([{ status: 'interrupted' }]);
    expect(s.end(t0, 'failed')).toMatchObject([{ status: 'failed' }]);
  });
});

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap, then adds jitter from the random source', () => {
    expect([1, 2, 3, 4, 7, 8].map((n) => backoffDelay(defaultBackoff, n, () => 0))).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000]);
    expect(backoffDelay(defaultBackoff, 1, () => 0.999)).toBe(1250);
    expect(backoffDelay(defaultBackoff, 20, () => 0.5)).toBe(67_500);
  });

  it('takes a retry-after as its base, uncapped', () => {
    expect(backoffDelay(defaultRateLimitBackoff, 1, () => 0, 300_000)).toBe(300_000);
    expect(backoffDelay(defaultRateLimitBackoff, 1, () => 0.5, 0)).toBe(0);
  });

  it('rejects a policy that makes no sense', () => {
    expect(() => createScheduler(diamond, { inputs: {}, backoff: { initialMs: -1 } })).toThrow('Expected `backoff.initialMs` to be a finite number >= 0, got -1');
    expect(() => createScheduler(diamond, { inputs: {}, maxRateLimitRetries: 1.5 })).toThrow('Expected `maxRateLimitRetries` to be an integer >= 0, got 1.5');
  });
});

describe('scale', () => {
  it('skips the dependants of a failure at the head of a 50,000-task chain, and runs one to the end', () => {
    const n = 50_000;
    const ids = Array.from({ length: n }, (_, i) => `t${i}`);
    const plan: Plan = {
      version: 1,
      workflow: { name: 'chain', file: 'chain.swarm' },
      inputs: [],
      queue: { kind: 'file' },
      agents: [],
      workers: [{ name: 'a', model: 'haiku', agents: [], readonly: false, parallel: 1, permissionMode: 'acceptEdits' }],
      nodes: ids.map((id, i) => ({
        kind: 'task' as const,
        id,
        after: i === 0 ? [] : [ids[i - 1]!],
        reads: [],
        prompt: [{ text: id }],
        model: 'haiku',
        chain: n - i,
        worker: 'a',
        timeoutMs: 1000,
        retries: 0,
        priority: 'normal' as const,
        outputs: [],
      })),
      order: ids,
      criticalPath: ids,
    };
    const failing = createScheduler(plan, { inputs: {} });
    failing.dispatch(t0);
    expect(failing.failed('t0', { now: t0, attempt: 1, error: fatal })).toHaveLength(n);
    expect(failing.summary().counts.skipped).toBe(n - 1);

    const running = createScheduler(plan, { inputs: {} });
    for (let i = 0; i < n; i++) {
      const [task] = running.dispatch(t0 + i).tasks;
      running.succeeded(task!.task, { now: t0 + i, attempt: 1, result: resultFor(task!.task, 1) });
    }
    expect(running.summary().outcome).toBe('done');
  });
});
