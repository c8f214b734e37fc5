import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { RunEmitter, type TaskUsage } from '../../src/runtime/events.ts';
import { Journal, journalPath } from '../../src/runtime/journal.ts';
import { createScheduler } from '../../src/runtime/scheduler.ts';

/** What one attempt of a task does: end done, or fail (retryably or not), having spent this much. */
export interface Attempt {
  ok: boolean;
  costUsd: number;
  usage: TaskUsage;
  retryable?: boolean;
}

export const usage = (input: number, output: number): TaskUsage => ({ input_tokens: input, output_tokens: output, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
export const done = (costUsd: number, u: TaskUsage = usage(1_000, 100)): Attempt => ({ ok: true, costUsd, usage: u });
export const failed = (costUsd: number, retryable = true, u: TaskUsage = usage(500, 50)): Attempt => ({ ok: false, costUsd, usage: u, retryable });

/**
 * Runs `plan` through the real scheduler with its journal in `runsDir/runId`, each task's
 * attempts playing out as scripted. A task with no attempts left is left running, as a
 * runner that died mid-task leaves it; the run then ends interrupted.
 */
export function recordRun(runsDir: string, runId: string, plan: Plan, attempts: Record<string, Attempt[]>): void {
  const dir = join(runsDir, runId);
  mkdirSync(dir, { recursive: true });
  const journal = Journal.create(journalPath(dir));
  const emitter = new RunEmitter();
  journal.listen(emitter);
  const scheduler = createScheduler(plan, { inputs: {}, emitter, random: () => 0 });
  const left = new Map(Object.entries(attempts).map(([task, list]) => [task, [...list]]));
  let now = Date.UTC(2026, 11, 1);
  scheduler.begin(now, runId);
  for (let steps = 0; !scheduler.isFinished() && steps < 1_000; steps++) {
    const dispatched = scheduler.dispatch(now).tasks;
    for (const task of dispatched) {
      scheduler.started(task.task, { now, attempt: task.attempt, owner: 'test' });
      const next = left.get(task.task)?.shift();
      if (next === undefined) continue;
      if (next.ok) {
        scheduler.succeeded(task.task, { now, attempt: task.attempt, result: { result: `${task.task} done`, findings: [], artifacts: [], usage: next.usage, cost_usd: next.costUsd, num_turns: 2, execution_time: 1 } });
      } else {
        scheduler.failed(task.task, { now, attempt: task.attempt, error: { kind: 'exit', message: 'exited 1', retryable: next.retryable ?? true, usage: next.usage, costUsd: next.costUsd } });
      }
    }
    if (dispatched.length === 0 && scheduler.inFlight().length > 0 && scheduler.nextWakeAt() === undefined) break;
    now = Math.max(now + 1, scheduler.nextWakeAt() ?? now + 1);
  }
  scheduler.end(now);
  journal.close();
}
