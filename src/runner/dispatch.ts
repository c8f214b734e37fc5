import { planIdOf, queueIdOf, type TaskFile, type TaskResult as QueueResult } from '../queue/protocol.ts';
import type { TaskQueue } from '../queue/task-queue.ts';
import { isoAt } from '../runtime/events.ts';
import type { Scheduler } from '../runtime/scheduler.ts';
import type { DispatchedTask, Failure, TaskNode } from '../runtime/task-state.ts';

/** A dispatched task node: what goes on the queue. */
export type QueuedTask = DispatchedTask & { node: TaskNode };

export function isQueued(d: DispatchedTask): d is QueuedTask {
  return d.node.kind === 'task';
}

/** The task file for a dispatched task: the seed's fields, then swarm's. */
export function taskFileFor(d: QueuedTask, runId: string, now: number): TaskFile {
  const node = d.node;
  const file: TaskFile = {
    task_id: queueIdOf(d.task),
    worker: d.worker,
    description: d.prompt,
    dependencies: node.after,
    timeout: node.timeoutMs / 1000,
    priority: node.priority === 'normal' ? 'medium' : node.priority,
    run_id: runId,
    attempt: d.attempt,
    model: node.model,
    outputs: node.outputs,
    chain: node.chain,
    created_at: isoAt(now),
  };
  if (node.tools !== undefined) file.tools = node.tools;
  if (node.maxTurns !== undefined) file.max_turns = node.maxTurns;
  if (node.budgetUsd !== undefined) file.budget_usd = node.budgetUsd;
  return file;
}

/**
 * Puts what the scheduler hands out on the queue. A retry whose previous claim is not yet
 * cleared (the worker writes its result before it removes its claim) waits in `unsent`
 * and goes out on the next pass; a requeued task whose file is still there is left as is.
 */
export async function dispatchTasks(
  scheduler: Scheduler,
  queue: TaskQueue,
  unsent: QueuedTask[],
  now: number,
  runId: string,
  /** Starts a decompose or synthesize node, which the runner runs itself. */
  runNode: (d: DispatchedTask) => void = () => {
    throw new Error('this runner cannot run decompose or synthesize nodes');
  },
): Promise<void> {
  const dispatched = scheduler.dispatch(now).tasks;
  for (const d of dispatched) if (!isQueued(d)) runNode(d);
  const batch = [...unsent.splice(0), ...dispatched.filter(isQueued)];
  for (const d of batch) {
    const outcome = await queue.enqueue(taskFileFor(d, runId, now));
    if (outcome.queued || d.requeued) continue;
    if (outcome.state === 'claimed') unsent.push(d);
  }
}

/** Hands one result file to the scheduler; a failed attempt that will be retried is moved aside. */
export async function settleResult(
  scheduler: Scheduler,
  result: QueueResult,
  queue: TaskQueue,
  now: number,
  /** Why the gateway stopped this attempt for a budget, if it did: its failure is that, not an API error. */
  budgetStop: (task: string, attempt: number) => string | undefined = () => undefined,
): Promise<void> {
  let view;
  const id = planIdOf(result.task_id);
  try {
    view = scheduler.task(id);
  } catch {
    return; // A result for a task this plan does not have (a hand-written task): not the runner's.
  }
  const attempt = result.attempt;
  const at = result.finished_at ? Date.parse(result.finished_at) : now;
  if (view.status === 'queued') scheduler.started(id, { now: result.started_at ? Date.parse(result.started_at) : at, attempt, owner: result.worker });
  if (result.status === 'complete') {
    scheduler.succeeded(id, {
      now: at,
      attempt,
      result: {
        result: result.result ?? '',
        findings: result.findings,
        artifacts: result.artifacts,
        usage: usageOf(result),
        cost_usd: result.cost_usd ?? 0,
        num_turns: result.num_turns ?? 0,
        execution_time: result.execution_time ?? 0,
      },
    });
    return;
  }
  const stopped = budgetStop(id, attempt);
  const error = stopped !== undefined ? { kind: 'budget', message: stopped, retryable: false } : (result.error ?? { kind: 'failed', message: 'the worker reported a failure without a reason', retryable: false });
  const failure: Failure = { kind: error.kind, message: error.message, retryable: error.retryable, usage: usageOf(result), costUsd: result.cost_usd ?? 0 };
  if (error.status !== undefined) failure.status = error.status;
  if (error.retry_after_seconds !== undefined) failure.retryAfterSeconds = error.retry_after_seconds;
  scheduler.failed(id, { now: at, attempt, error: failure });
  const after = scheduler.task(id).status;
  // A held task runs again when the run is resumed: its failed attempt is moved aside like a retry's.
  if (after === 'retrying' || after === 'rate-limited' || after === 'held') await queue.retireAttempt(result.worker, result.task_id, attempt);
}

function usageOf(result: QueueResult) {
  const u = result.usage;
  return {
    input_tokens: u?.input_tokens ?? 0,
    output_tokens: u?.output_tokens ?? 0,
    cache_creation_input_tokens: u?.cache_creation_input_tokens ?? 0,
    cache_read_input_tokens: u?.cache_read_input_tokens ?? 0,
  };
}
