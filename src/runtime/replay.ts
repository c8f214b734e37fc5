import type { Plan } from '../compiler/plan-schema.ts';
import type { RunEvent } from './events.ts';
import { planHash } from './plan-hash.ts';
import { createScheduler, SchedulerError, type Scheduler, type SchedulerOptions } from './scheduler.ts';
import type { TaskStatus } from './task-state.ts';

/** A journal that does not fit the plan: written for another plan, or events out of order. */
export class ReplayError extends Error {
  override name = 'ReplayError';
}

export interface ReplayOptions extends Omit<SchedulerOptions, 'inputs'> {
  /** When the runner resumes: the time of the events replay adds. */
  now: number;
}

/** A task that was out with the queue when the runner stopped. */
export interface InFlightTask {
  task: string;
  worker: string;
  attempt: number;
  /** What the journal last said: `queued` (maybe never claimed) or `running` (claimed). */
  was: Extract<TaskStatus, 'queued' | 'running'>;
}

export interface Replayed {
  scheduler: Scheduler;
  runId: string;
  /**
   * Tasks that were queued or running: they are `ready` again, with the same attempt number,
   * and the next `dispatch` hands them out first with `requeued: true`. The queue may still
   * hold their task files (or a worker may still be on them), so the runner enqueues each
   * only if no file for that task and attempt exists, and accepts a late result for it.
   */
  inFlight: InFlightTask[];
  /**
   * What resuming added: `run:start` with `resumed`, one `task:requeued` per in-flight task,
   * any `task:skipped` a crash kept from being written after a failure, then a
   * `task:reopened` for each task a budget or a breaker held (and each skipped because of one).
   */
  events: RunEvent[];
}

/**
 * Rebuilds the scheduler of a run from its journal, for `swarm run --resume`, and records
 * the resume. Done, failed and skipped tasks stay so (a done task's result feeds its
 * downstream prompts and it never runs again); backoffs keep their end times. The journal
 * is the only truth: nothing is read from the run directory.
 */
export function replay(plan: Plan, events: readonly RunEvent[], options: ReplayOptions): Replayed {
  const { now, ...schedulerOptions } = options;
  const { scheduler, runId } = restoreRun(plan, events, schedulerOptions);
  const inFlight = scheduler.inFlight().map((t): InFlightTask => ({
    task: t.id,
    worker: t.worker,
    attempt: t.attempt,
    was: t.status === 'running' ? 'running' : 'queued',
  }));
  const added = scheduler.begin(now, runId, true);
  for (const t of inFlight) added.push(...scheduler.requeue(t.task, { now, reason: 'runner resumed' }));
  added.push(...scheduler.settle(now));
  added.push(...scheduler.reopen(now));
  return { scheduler, runId, inFlight, events: added };
}

/**
 * A scheduler holding exactly the state the events describe, adding nothing: the base of
 * both `replay` and `status`. Throws `ReplayError` naming the event (its journal line).
 */
export function restoreRun(plan: Plan, events: readonly RunEvent[], options: Omit<SchedulerOptions, 'inputs'> = {}): { scheduler: Scheduler; runId: string } {
  const start = events[0];
  if (start === undefined || start.type !== 'run:start') {
    throw new ReplayError(`The journal must begin with \`run:start\`, got ${start === undefined ? 'no events' : `\`${start.type}\``}`);
  }
  const hash = planHash(plan);
  if (start.plan_hash !== hash) {
    throw new ReplayError(
      `The journal was written for another plan (${start.plan_hash}, this one is ${hash}): the workflow changed since run \`${start.run_id}\` started`,
    );
  }
  // `restore` never emits, so an emitter hears only what happens after the replay.
  const scheduler = createScheduler(plan, { ...options, inputs: start.inputs });
  events.forEach((event, i) => {
    try {
      scheduler.restore(event);
    } catch (cause) {
      if (cause instanceof SchedulerError) throw new ReplayError(`Journal event ${i + 1}: ${cause.message}`);
      throw cause;
    }
  });
  return { scheduler, runId: start.run_id };
}
