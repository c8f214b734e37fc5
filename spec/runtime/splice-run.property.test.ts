import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/planner/check-plan.ts';
import { createScheduler } from '../../src/runtime/scheduler.ts';
import type { DecomposeNode } from '../../src/runtime/task-state.ts';
import { seeded } from '../support/property.ts';
import { planFrom } from '../support/workspace.ts';
import { resultFor, t0 } from './sim.ts';

/** A workflow: tasks t0…tN on two workers, a decompose node `d` after some of them, a synthesis `s` and tasks after `d`. */
const workflowSpec = fc.record({
  before: fc.array(fc.record({ worker: fc.integer({ min: 0, max: 1 }), deps: fc.array(fc.boolean(), { maxLength: 4 }) }), { minLength: 1, maxLength: 5 }),
  decomposeAfter: fc.array(fc.boolean(), { maxLength: 5 }),
  afterCount: fc.integer({ min: 0, max: 2 }),
});

const answerSpec = fc.array(
  fc.record({ worker: fc.integer({ min: 0, max: 1 }), after: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 2 }), upstream: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }) }),
  { minLength: 1, maxLength: 4 },
);

type WorkflowSpec = typeof workflowSpec extends fc.Arbitrary<infer T> ? T : never;

function source(spec: WorkflowSpec): string {
  const lines = ['workflow w {', '  worker w0 {}', '  worker w1 {}'];
  spec.before.forEach((t, i) => {
    const deps = t.deps.slice(0, i).flatMap((on, j) => (on ? [`t${j}`] : []));
    lines.push(`  task t${i} {`, `    worker = w${t.worker}`, `    after  = [${deps.join(', ')}]`, `    prompt = "t${i}"`, '  }');
  });
  const upstream = spec.before.flatMap((_, i) => (spec.decomposeAfter[i] ? [`t${i}`] : []));
  lines.push('  decompose d {', `    after     = [${upstream.join(', ')}]`, '    workers   = [w0, w1]', '    max-tasks = 4', '    prompt    = "plan"', '  }');
  for (let i = 0; i < spec.afterCount; i++) lines.push(`  task late${i} {`, '    worker = w0', '    after  = [d]', `    prompt = "late${i}"`, '  }');
  lines.push('  synthesize s {', '    after  = [d]', '    prompt = "sum up"', '  }', '}');
  return lines.join('\n');
}

describe('a run that splices a plan in', () => {
  it('never queues a node before everything it runs after is done, runs every planned task after its decompose node and before its successors, and finishes', () => {
    let spliced = 0;
    fc.assert(
      fc.property(workflowSpec, answerSpec, (spec, answer) => {
        const plan = planFrom(source(spec));
        const node = plan.nodes.find((n) => n.kind === 'decompose') as DecomposeNode;
        // Mostly plans a checker would accept (earlier planned tasks, existing tasks, reads of what runs before `d`), some not.
        const upstreamOfD = node.after;
        const tasks = answer.map((a, i) => ({
          id: `p${i}`,
          worker: `w${a.worker}`,
          prompt: a.upstream === undefined || upstreamOfD.length === 0 ? `planned ${i}` : `planned ${i} from \${${upstreamOfD[a.upstream % upstreamOfD.length]}.result}`,
          after: a.after.map((j) => (j < i ? `p${j}` : `t${j % spec.before.length}`)),
        }));
        const checked = checkPlan(plan, node, { tasks });
        if (!checked.ok) return; // Refused plans never reach the scheduler; checkPlan's own tests cover them.
        spliced++;
        const s = createScheduler(plan, { inputs: {} });
        s.begin(t0, 'run');
        const doneAt = new Map<string, number>();
        let clock = 0;
        for (let step = 0; step < 200 && !s.isFinished(); step++) {
          const out = s.dispatch(t0 + clock).tasks;
          expect(out.length, 'nothing to dispatch, yet the run is not finished').toBeGreaterThan(0);
          for (const d of out) {
            for (const up of d.node.after) expect(doneAt.has(up), `${d.task} queued before ${up} was done`).toBe(true);
            clock++;
            s.started(d.task, { now: t0 + clock, attempt: d.attempt, owner: 'w' });
            s.succeeded(d.task, { now: t0 + clock, attempt: d.attempt, result: resultFor(d.task, d.attempt), ...(d.task === 'd' && { planned: checked.tasks }) });
            doneAt.set(d.task, clock);
          }
        }
        expect(s.summary().outcome).toBe('done');
        const planned = checked.tasks.map((t) => t.id);
        expect(planned.every((id) => id.startsWith('d/'))).toBe(true);
        for (const id of planned) {
          expect(doneAt.get(id)!).toBeGreaterThan(doneAt.get('d')!);
          for (const successor of ['s', ...Array.from({ length: spec.afterCount }, (_, i) => `late${i}`)]) expect(doneAt.get(successor)!).toBeGreaterThan(doneAt.get(id)!);
        }
        expect(s.plan.nodes).toHaveLength(plan.nodes.length + planned.length);
      }),
      seeded(150),
    );
    // The generator must reach the scheduler often enough for the property to mean something.
    expect(spliced).toBeGreaterThan(30);
  });
});
