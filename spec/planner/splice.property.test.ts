import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { checkPlan } from '../../src/planner/check-plan.ts';
import { splicePlan } from '../../src/planner/splice.ts';
import { seeded } from '../support/property.ts';
import { ancestorsOf, answerFor, answerSpec, workflowPlan, workflowSpec } from './arbitraries.ts';
import { decomposeNode } from './fixtures.ts';

/**
 * Checks an answer and, when it is accepted, splices it and asserts the laws: the result is a
 * valid acyclic plan, every new task runs after the decompose node, every node that ran after
 * it (directly or not) now runs after every new task, each task reads only what runs before
 * it, and the checker's `chain` is the spliced plan's. Returns the spliced plan, if any.
 */
function spliceLaws(plan: Plan, decomposeId: string, answer: unknown, tally: { accepted: number }): Plan | undefined {
  const checked = checkPlan(plan, decomposeNode(plan, decomposeId), answer);
  if (!checked.ok) {
    expect(checked.problems.length).toBeGreaterThan(0);
    return undefined;
  }
  tally.accepted++;
  const spliced = splicePlan(plan, decomposeId, checked.tasks);
  const position = new Map(spliced.order.map((id, i) => [id, i]));
  expect(spliced.order).toHaveLength(spliced.nodes.length);
  for (const node of spliced.nodes) for (const upstream of node.after) expect(position.get(upstream)!).toBeLessThan(position.get(node.id)!);

  const former = plan.nodes.filter((n) => ancestorsOf(plan, n.id).has(decomposeId)).map((n) => n.id);
  for (const task of checked.tasks) {
    const before = ancestorsOf(spliced, task.id);
    expect(before.has(decomposeId), `${task.id} after ${decomposeId}`).toBe(true);
    for (const read of task.reads) expect(before.has(read.node), `${task.id} reads ${read.node}`).toBe(true);
    expect(task.chain).toBe(spliced.nodes.find((n) => n.id === task.id)!.chain);
  }
  for (const id of former) {
    const before = ancestorsOf(spliced, id);
    for (const task of checked.tasks) expect(before.has(task.id), `${id} after ${task.id}`).toBe(true);
  }
  return spliced;
}

describe('checkPlan and splicePlan on any workflow and any answer', () => {
  it('splice every accepted plan into an acyclic plan between the decompose node and its successors', () => {
    const tally = { accepted: 0 };
    fc.assert(
      fc.property(workflowSpec, answerSpec, answerSpec, (spec, first, second) => {
        const plan = workflowPlan(spec);
        const spliced = spliceLaws(plan, 'plan', answerFor(first, plan, 'plan'), tally);
        // A second decompose node plans on top of the first one's tasks, which it can name.
        if (spliced && spec.second) spliceLaws(spliced, 'more', answerFor(second, spliced, 'more'), tally);
      }),
      seeded(400),
    );
    // The laws mean little unless plenty of random answers pass the checker.
    expect(tally.accepted).toBeGreaterThan(80);
  });

  it('return problems, never throw, for any value as the answer', () => {
    const plan = workflowPlan({ workers: [true], nodes: [{ synthesize: false, worker: 0, deps: [], reads: [] }], decompose: { at: 1, deps: [true], workers: [true, true, true], maxTasks: 3 }, successors: [], second: null });
    fc.assert(
      fc.property(fc.anything(), (answer) => {
        const checked = checkPlan(plan, decomposeNode(plan, 'plan'), answer);
        if (!checked.ok) expect(checked.problems.length).toBeGreaterThan(0);
      }),
      seeded(300),
    );
  });
});
