import { builtinDefaults } from '../compiler/known.ts';
import type { Plan } from '../compiler/plan-schema.ts';
import type { TaskNode } from '../runtime/task-state.ts';

/** The settings a task that sets none of its own gets from the workflow's `defaults` block. */
export interface TaskDefaults {
  timeoutMs: number;
  retries: number;
  priority: TaskNode['priority'];
  maxTurns?: number;
}

/**
 * The workflow's `defaults`, read back from its tasks: the plan keeps each task's resolved
 * settings but not the block they came from. Each setting is the value most of the tasks
 * carry (a `defaults` block sets every task that does not override it, so it is usually the
 * commonest); on a tie, the built-in default if it is among the tied, else the earliest task's.
 * A workflow whose tasks all override a default, or that has no tasks, gets the built-in one.
 */
export function inferredDefaults(plan: Plan): TaskDefaults {
  const tasks = plan.nodes.filter((n): n is TaskNode => n.kind === 'task');
  const workerTurns = new Map(plan.workers.map((w) => [w.name, w.maxTurns]));
  const maxTurns = commonest(
    // A worker's own `max-turns` hides the default from its tasks.
    tasks.filter((t) => workerTurns.get(t.worker) === undefined).map((t) => t.maxTurns),
    undefined,
  );
  return {
    timeoutMs: commonest(tasks.map((t) => t.timeoutMs), builtinDefaults.timeoutMs),
    retries: commonest(tasks.map((t) => t.retries), builtinDefaults.retries),
    priority: commonest(tasks.map((t) => t.priority), builtinDefaults.priority),
    ...(maxTurns !== undefined && { maxTurns }),
  };
}

function commonest<T>(values: readonly T[], builtin: T): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = builtin;
  let bestCount = counts.get(builtin) ?? 0;
  // Map iteration follows first appearance, so among equals the earliest task's value wins.
  for (const [value, count] of counts) if (count > bestCount) [best, bestCount] = [value, count];
  return best;
}
