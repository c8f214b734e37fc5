import { describe, expect, it } from 'vitest';
import { planSchema } from '../../src/compiler/plan-schema.ts';
import type { TaskNode } from '../../src/runtime/task-state.ts';
import { checkPlan } from '../../src/planner/check-plan.ts';
import { splicePlan } from '../../src/planner/splice.ts';
import { goodAnswer, reviewPlan } from './fixtures.ts';

const { plan, node } = reviewPlan();
const tasks = (checkPlan(plan, node, goodAnswer) as { tasks: TaskNode[] }).tasks;

describe('splicePlan', () => {
  it('puts the tasks after the decompose node and before everything that waited for it', () => {
    const spliced = splicePlan(plan, 'follow-up', tasks);
    expect(planSchema.safeParse(spliced).success).toBe(true);
    expect(spliced.nodes.map((n) => n.id)).toEqual(['evaluate', 'survey', 'follow-up', 'follow-up/turns-drills', 'follow-up/parent-update', 'report']);
    expect(spliced.nodes.find((n) => n.id === 'report')!.after).toEqual(['follow-up', 'follow-up/turns-drills', 'follow-up/parent-update']);
    expect(spliced.order).toEqual(['evaluate', 'survey', 'follow-up', 'follow-up/turns-drills', 'follow-up/parent-update', 'report']);
    expect(spliced.criticalPath).toEqual(['evaluate', 'follow-up', 'follow-up/turns-drills', 'follow-up/parent-update', 'report']);
    expect(Object.fromEntries(spliced.nodes.map((n) => [n.id, n.chain]))).toEqual({
      evaluate: 5,
      survey: 1,
      'follow-up': 4,
      'follow-up/turns-drills': 3,
      'follow-up/parent-update': 2,
      report: 1,
    });
  });

  it('leaves the original plan as it was', () => {
    const before = structuredClone(plan);
    splicePlan(plan, 'follow-up', tasks);
    expect(plan).toEqual(before);
  });

  it('adds the decompose node to a task that does not list it', () => {
    const spliced = splicePlan(plan, 'follow-up', [{ ...tasks[0]!, after: [] }]);
    expect(spliced.nodes.find((n) => n.id === 'follow-up/turns-drills')!.after).toEqual(['follow-up']);
  });

  it('refuses tasks that were not checked: a clash, an unknown node, a cycle, or no decompose node', () => {
    expect(() => splicePlan(plan, 'follow-up', [{ ...tasks[0]!, id: 'report' }])).toThrow(/already has/);
    expect(() => splicePlan(plan, 'follow-up', [{ ...tasks[0]!, after: ['follow-up', 'nowhere'] }])).toThrow(/nowhere/);
    expect(() => splicePlan(plan, 'follow-up', [{ ...tasks[0]!, after: ['follow-up', 'report'] }])).toThrow(/cycle/);
    expect(() => splicePlan(plan, 'evaluate', tasks)).toThrow(/decompose node/);
  });
});
