import { describe, expect, expectTypeOf, it } from 'vitest';
import { planAnswerSchema, plannedTaskSchema, planToolInputSchema, type PlanAnswer, type PlannedTask } from '../../src/planner/plan-answer.ts';

describe('the submit_plan answer', () => {
  it('is typed from its schema', () => {
    expectTypeOf<PlannedTask>().toEqualTypeOf<{ id: string; worker: string; prompt: string; after?: string[]; priority?: 'low' | 'normal' | 'high' | 'critical'; timeout?: string; outputs?: string[] }>();
    expectTypeOf<PlanAnswer>().toEqualTypeOf<{ tasks: PlannedTask[] }>();
  });

  it('gives the tool a JSON Schema without $schema, closed to unknown fields', () => {
    const schema = planToolInputSchema();
    expect(schema).not.toHaveProperty('$schema');
    expect(schema).toMatchObject({ type: 'object', required: ['tasks'], additionalProperties: false });
    const task = (schema as unknown as { properties: { tasks: { items: { required: string[]; additionalProperties: boolean; properties: Record<string, unknown> } } } }).properties.tasks.items;
    expect(task.required).toEqual(['id', 'worker', 'prompt']);
    expect(task.additionalProperties).toBe(false);
    expect(Object.keys(task.properties)).toEqual(['id', 'worker', 'prompt', 'after', 'priority', 'timeout', 'outputs']);
  });

  it('reads durations as the language writes them', () => {
    const timeout = (t: string) => plannedTaskSchema.safeParse({ id: 'a', worker: 'w', prompt: 'p', timeout: t }).success;
    expect(['30s', '10m', '1h30m', '500ms', '1.5h'].map(timeout)).toEqual([true, true, true, true, true]);
    expect(['10', '10 m', '5m1h', '0s', 'm', ''].map(timeout)).toEqual([false, false, false, false, false, false]);
  });

  it('takes ids the language can name a block with, and after entries of spliced tasks', () => {
    const ok = (id: string, after: string[] = []) => planAnswerSchema.safeParse({ tasks: [{ id, worker: 'w', prompt: 'p', after }] }).success;
    expect([ok('fix-proration'), ok('_x1'), ok('a', ['plan-week/fix'])]).toEqual([true, true, true]);
    expect([ok('1x'), ok('a/b'), ok('true'), ok('é'), ok('a', ['x y'])]).toEqual([false, false, false, false, false]);
  });
});
