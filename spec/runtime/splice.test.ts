import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/runtime/events.ts';
import { replay, restoreRun } from '../../src/runtime/replay.ts';
import { createScheduler, type Scheduler } from '../../src/runtime/scheduler.ts';
import type { DecomposeNode } from '../../src/runtime/task-state.ts';
import { checkPlan } from '../../src/planner/check-plan.ts';
import { planFrom } from '../support/workspace.ts';
import { resultFor, t0 } from './sim.ts';

const plan = planFrom(`workflow w {
  worker marie {}
  worker fabien {}
  task check {
    worker = marie
    prompt = "Check"
  }
  decompose follow-up {
    after   = [check]
    workers = [marie, fabien]
    prompt  = "Plan from \${check.result}"
  }
  synthesize brief {
    after  = [follow-up]
    prompt = "Sum up"
  }
}
`);
const decompose = plan.nodes.find((n) => n.kind === 'decompose') as DecomposeNode;
const checked = checkPlan(plan, decompose, {
  tasks: [
    { id: 'call', worker: 'marie', prompt: 'Call the families' },
    { id: 'news', worker: 'fabien', prompt: 'Write the newsletter after ${call.result}', after: ['call'] },
  ],
});
if (!checked.ok) throw new Error(checked.problems.join('\n'));
const planned = checked.tasks;

function record(): { s: Scheduler; journal: RunEvent[] } {
  const journal: RunEvent[] = [];
  const s = createScheduler(plan, { inputs: {}, emitter: { emit: (e: RunEvent) => journal.push(e) } as never });
  s.begin(t0, 'run-1');
  return { s, journal };
}

function finish(s: Scheduler, task: string, now: number, extra: Partial<Parameters<Scheduler['succeeded']>[1]> = {}): void {
  const attempt = s.task(task).attempt;
  s.started(task, { now, attempt, owner: 'w' });
  s.succeeded(task, { now, attempt, result: resultFor(task, attempt), ...extra });
}

const ids = (s: Scheduler, now: number) => s.dispatch(now).tasks.map((t) => t.task);

describe('splicing a decompose node’s plan into the running DAG', () => {
  it('runs the planned tasks after the node and in their own order, and the synthesis after all of them', () => {
    const { s } = record();
    expect(ids(s, t0)).toEqual(['check']);
    finish(s, 'check', t0 + 1);
    expect(ids(s, t0 + 1)).toEqual(['follow-up']);
    finish(s, 'follow-up', t0 + 2, { planned });
    expect(s.plan.nodes.map((n) => n.id)).toEqual(['check', 'follow-up', 'follow-up/call', 'follow-up/news', 'brief']);
    expect(s.summary().total).toBe(5);
    // The brief waited on the decompose node; now it waits on its plan too.
    expect(ids(s, t0 + 2)).toEqual(['follow-up/call']);
    expect(s.task('brief').status).toBe('pending');
    finish(s, 'follow-up/call', t0 + 3);
    const news = s.dispatch(t0 + 3).tasks;
    expect(news.map((t) => t.task)).toEqual(['follow-up/news']);
    // A planned prompt reads its upstream's result like any task's.
    expect(news[0]!.prompt).toBe(`Write the newsletter after ${resultFor('follow-up/call', 1).result}`);
    finish(s, 'follow-up/news', t0 + 4);
    expect(ids(s, t0 + 4)).toEqual(['brief']);
    finish(s, 'brief', t0 + 5);
    expect(s.summary().outcome).toBe('done');
  });

  it('rebuilds the spliced run from the journal alone, and a resume does not ask the planner again', () => {
    const { s, journal } = record();
    s.dispatch(t0);
    finish(s, 'check', t0 + 1);
    s.dispatch(t0 + 1);
    finish(s, 'follow-up', t0 + 2, { planned });
    s.dispatch(t0 + 2);
    // The runner dies with `follow-up/call` running.
    expect(restoreRun(plan, journal).scheduler.tasks()).toEqual(s.tasks());
    const resumed = replay(plan, journal, { now: t0 + 100 });
    expect(resumed.scheduler.task('follow-up').status).toBe('done');
    expect(resumed.inFlight.map((t) => t.task)).toEqual(['follow-up/call']);
    const again = resumed.scheduler.dispatch(t0 + 100).tasks;
    expect(again.map((t) => [t.task, t.requeued])).toEqual([['follow-up/call', true]]);
  });

  it('refuses a plan from a node that is not a decompose node', () => {
    const { s } = record();
    s.dispatch(t0);
    s.started('check', { now: t0, attempt: 1, owner: 'w' });
    expect(() => s.succeeded('check', { now: t0, attempt: 1, result: resultFor('check', 1), planned })).toThrow(/Only a decompose node plans tasks/);
  });
});

describe('the budget a decompose node gives its plan', () => {
  it('is shared by the planned tasks: one that does not fit what they left is held', () => {
    const budgeted = planFrom(`workflow w {
  worker marie {}
  worker fabien {}
  decompose follow-up {
    workers = [marie, fabien]
    budget  = $1
    prompt  = "Plan"
  }
  synthesize brief {
    after  = [follow-up]
    prompt = "Sum up"
  }
}
`);
    const node = budgeted.nodes.find((n) => n.kind === 'decompose') as DecomposeNode;
    const ok = checkPlan(budgeted, node, { tasks: [{ id: 'call', worker: 'marie', prompt: 'Call' }, { id: 'news', worker: 'fabien', prompt: 'News', after: ['call'] }] });
    if (!ok.ok) throw new Error(ok.problems.join('\n'));
    const s = createScheduler(budgeted, { inputs: {}, estimateUsd: (n) => (n.id.startsWith('follow-up/') ? 0.5 : 0) });
    s.begin(t0, 'run-1');
    s.dispatch(t0);
    finish(s, 'follow-up', t0 + 1, { planned: ok.tasks });
    s.dispatch(t0 + 1);
    const attempt = s.task('follow-up/call').attempt;
    s.started('follow-up/call', { now: t0 + 2, attempt, owner: 'w' });
    s.succeeded('follow-up/call', { now: t0 + 2, attempt, result: { ...resultFor('follow-up/call', attempt), cost_usd: 0.8 } });
    expect(s.dispatch(t0 + 2).tasks).toEqual([]);
    expect(s.task('follow-up/news').held?.reason).toBe("budget exhausted: the budget of `follow-up`'s plan of $1.00 has $0.20 left, and `follow-up/news` is estimated at $0.50");
    expect(s.task('brief')).toMatchObject({ status: 'skipped', because: 'follow-up/news' });
    // The planner's own call is not one of the planned tasks: it does not count against their budget.
    expect(s.budgetCrossed('follow-up/news', new Map())).toBeUndefined();
  });
});
