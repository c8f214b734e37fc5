import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TaskNode } from '../../src/runtime/task-state.ts';
import { checkPlan, type CheckPlanResult } from '../../src/planner/check-plan.ts';
import { splicePlan } from '../../src/planner/splice.ts';
import { compileRepoFile, planFrom } from '../support/workspace.ts';
import { decomposeNode, goodAnswer, reviewPlan, reviewSource } from './fixtures.ts';

const { plan, node } = reviewPlan();

function problemsOf(answer: unknown, on = reviewPlan()): string[] {
  const checked = checkPlan(on.plan, on.node, answer);
  if (checked.ok) throw new Error(`expected problems, got tasks ${checked.tasks.map((t) => t.id).join(', ')}`);
  return checked.problems;
}

const task = (id: string, extra: Record<string, unknown> = {}) => ({ id, worker: 'marie', prompt: `Do ${id}.`, ...extra });

describe('checkPlan: an accepted plan', () => {
  it('gives complete task nodes, named under the decompose node and after it', () => {
    const checked = checkPlan(plan, node, goodAnswer);
    expectTypeOf(checked).toEqualTypeOf<CheckPlanResult>();
    expect(checked.ok).toBe(true);
    const [drills, update] = (checked as { tasks: TaskNode[] }).tasks;
    expect(drills).toMatchObject({ kind: 'task', id: 'follow-up/turns-drills', worker: 'marie', after: ['follow-up'], reads: [{ node: 'evaluate', field: 'findings' }], outputs: ['turns-drills.md'] });
    expect(update).toMatchObject({ id: 'follow-up/parent-update', after: ['follow-up', 'follow-up/turns-drills'], reads: [{ node: 'follow-up/turns-drills', field: 'result' }], priority: 'low', timeoutMs: 20 * 60_000 });
    expect(update!.prompt).toEqual([{ text: 'Explain the plan to the parents: ' }, { node: 'follow-up/turns-drills', field: 'result' }]);
  });

  it('gives each task the settings a hand-written task of the same worker gets from the compiler', () => {
    // The same two tasks written into the workflow, with the splice's edges spelled out.
    const byHand = planFrom(
      reviewSource('[plan:review]', {
        extra: `
  task turns-drills {
    worker  = marie
    after   = [follow-up]
    prompt  = "Write a 4-week turns progression for \${student} from \${evaluate.findings}. Write turns-drills.md."
    outputs = ["turns-drills.md"]
  }
  task parent-update {
    worker   = fabien
    after    = [follow-up, turns-drills]
    priority = low
    timeout  = 20m
    prompt   = "Explain the plan to the parents: \${turns-drills.result}"
  }
`,
      }).replace('after  = [follow-up]', 'after  = [follow-up, turns-drills, parent-update]'),
    );
    const checked = checkPlan(plan, node, goodAnswer) as { tasks: TaskNode[] };
    const rename = (id: string) => id.replace('follow-up/', '');
    for (const planned of checked.tasks) {
      const written = byHand.nodes.find((n) => n.id === rename(planned.id))!;
      expect({ ...planned, id: rename(planned.id), after: planned.after.map(rename), reads: planned.reads.map((r) => ({ ...r, node: rename(r.node) })), prompt: written.prompt }).toEqual(written);
    }
  });

  it('accepts a plan for the shipped studio-week workflow', () => {
    const studio = compileRepoFile('workflows/studio-week.swarm').plan!;
    const checked = checkPlan(studio, decomposeNode(studio, 'plan-week'), {
      tasks: [
        { id: 'fix-proration', worker: 'anga', priority: 'critical', outputs: ['fix-proration.md'], prompt: 'Patch the proration bug found here: ${registration-check.findings}. Write fix-proration.md.' },
        { id: 'send-newsletter', worker: 'fabien', after: ['fix-proration'], outputs: ['newsletter.md'], prompt: 'Draft the December newsletter for ${week}. Write newsletter.md.' },
      ],
    });
    expect(checked).toMatchObject({ ok: true, tasks: [{ id: 'plan-week/fix-proration', timeoutMs: 8 * 60_000 }, { id: 'plan-week/send-newsletter' }] });
  });

  it('lets a later decompose node build on tasks an earlier one planned', () => {
    const extra = `
  decompose second {
    after   = [report]
    workers = [marie]
    prompt  = "More."
  }
`;
    const first = reviewPlan('[plan:a]', { extra });
    const spliced = splicePlan(first.plan, 'follow-up', (checkPlan(first.plan, first.node, goodAnswer) as { tasks: TaskNode[] }).tasks);
    const checked = checkPlan(spliced, decomposeNode(spliced, 'second'), { tasks: [task('recap', { after: ['follow-up/turns-drills'], prompt: 'Recap ${follow-up/turns-drills.result}.' })] });
    expect(checked).toMatchObject({ ok: true, tasks: [{ id: 'second/recap', after: ['second', 'follow-up/turns-drills'], reads: [{ node: 'follow-up/turns-drills', field: 'result' }] }] });
  });
});

describe('checkPlan: problems a model can fix, each naming its task', () => {
  it('rejects a worker the node does not list, and an unknown one with a did-you-mean', () => {
    expect(problemsOf({ tasks: [task('a', { worker: 'anga' }), task('b', { worker: 'mari' })] })).toEqual([
      'task `a`: worker `anga` is not one of the workers this plan may use (`marie`, `fabien`)',
      'task `b`: unknown worker `mari`; did you mean `marie`? The workers this plan may use: `marie`, `fabien`',
    ]);
  });

  it('rejects duplicate ids and ids the workflow already uses', () => {
    const problems = problemsOf({ tasks: [task('a'), task('a'), task('report'), task('student')] }, reviewPlan('[plan:many]', { maxTasks: 4 }));
    expect(problems).toEqual([
      expect.stringMatching(/^task `a`: `a` is already declared as a task/),
      expect.stringMatching(/^task `report`: `report` is already declared as a synthesize/),
      expect.stringMatching(/^task `student`: `student` is already declared as an input/),
    ]);
  });

  it('rejects an `after` that names nothing, with a did-you-mean', () => {
    expect(problemsOf({ tasks: [task('a', { after: ['evaluat'] })] })).toEqual(['task `a`: unknown task `evaluat` (did you mean `evaluate`?)']);
  });

  it('rejects a cycle among the planned tasks, as its path', () => {
    expect(problemsOf({ tasks: [task('a', { after: ['c'] }), task('b', { after: ['a'] }), task('c', { after: ['b'] })] })).toEqual([
      'task `a`: dependency cycle: `a` → `c` → `b` → `a` (each waits for the next) (no node of a cycle can ever start; remove one of these `after` entries)',
    ]);
  });

  it('rejects running after, or reading, a node that waits for the plan', () => {
    expect(problemsOf({ tasks: [task('a', { after: ['report'] }), task('b', { prompt: 'Use ${report.result}.' })] })).toEqual([
      'task `a`: cannot run after `report`: `report` runs only once every task of this plan is done',
      'task `b`: reads `${report.result}`, but `report` runs only once every task of this plan is done',
    ]);
  });

  it('rejects reading a node the task does not run after', () => {
    expect(problemsOf({ tasks: [task('a'), task('b', { prompt: 'Build on ${a.result} and ${survey.findings}.' })] })).toEqual([
      expect.stringMatching(/^task `b`: `b` reads `\$\{a.result\}` but does not run after `a` \(add `a` to `b`'s `after` list\)$/),
      expect.stringMatching(/^task `b`: `b` reads `\$\{survey.findings\}` but does not run after `survey`/),
    ]);
  });

  it('rejects more tasks than max-tasks', () => {
    expect(problemsOf({ tasks: ['a', 'b', 'c', 'd'].map((id) => task(id)) })).toEqual(['the plan has 4 tasks, but this step may add at most 3: merge or drop some']);
  });

  it('rejects two tasks that may run at once writing one file of a shared workspace', () => {
    expect(problemsOf({ tasks: [task('a', { outputs: ['notes.md'] }), task('b', { outputs: ['notes.md'] })] })).toEqual([
      expect.stringMatching(/^task `b`: `b` and `a` may run at the same time and both write `notes.md`/),
    ]);
  });

  it('rejects a prompt too large for one request under the worker’s token limit', () => {
    const limited = planFrom(reviewSource('[plan:limits]').replace('max-turns   = 12', 'max-turns   = 12\n    limits {\n      tokens = 40k/min\n    }'));
    const on = { plan: limited, node: decomposeNode(limited, 'follow-up') };
    expect(checkPlan(on.plan, on.node, { tasks: [task('small')] }).ok).toBe(true);
    expect(problemsOf({ tasks: [task('big', { prompt: 'Read this. '.repeat(16_000) })] }, on)).toEqual([expect.stringMatching(/^`40000\/min` is less than one request of `marie` for task `big` needs/)]);
  });

  it('rejects a plan expected to cost more than the node’s budget, with each task’s share', () => {
    const problems = problemsOf({ tasks: [task('a'), task('b')] }, reviewPlan('[plan:cheap]', { budget: '$0.01' }));
    expect(problems).toEqual([expect.stringMatching(/^the 2 tasks are expected to cost \$\d+\.\d\d together, more than this step's budget of \$0\.01 \(`a` \$\d+\.\d\d, `b` \$\d+\.\d\d\): plan fewer or smaller tasks$/)]);
  });

  it('rejects an answer of the wrong shape, field by field, before anything else', () => {
    expect(problemsOf({ tasks: [{ id: 'x y', worker: 'marie', prompt: '' }, { id: 'b', prompt: 'p', tools: ['Bash'], timeout: '5 minutes' }] })).toEqual([
      'task `x y` (tasks[0]): id must be letters, digits, `_` and `-`, starting with a letter or `_`',
      'task `x y` (tasks[0]): prompt must not be empty',
      'task `b` (tasks[1]): worker is missing',
      'task `b` (tasks[1]): timeout must be a duration such as "30s", "10m" or "1h30m"',
      'task `b` (tasks[1]) has a field `tools` it may not have; a task has only id, worker, prompt, after, priority, timeout, outputs',
    ]);
    expect(problemsOf('Here is my plan: …')).toEqual(['the answer must be an object {"tasks": [...]}']);
    expect(problemsOf({ tasks: [] })).toEqual(['plan at least one task']);
  });
});
