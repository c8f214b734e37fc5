import type { Plan } from '../compiler/plan-schema.ts';
import type { RunEvent, RunStatus, TaskError, TaskUsage } from './events.ts';
import { restoreRun } from './replay.ts';
import type { RunSummary, TaskStatus } from './task-state.ts';

/** One line of `swarm status`. */
export interface TaskStatusLine {
  id: string;
  worker: string;
  status: TaskStatus;
  /** Attempts handed out so far. */
  attempts: number;
  /** Time spent running, summed over attempts; a running attempt counts up to `now`. */
  elapsedMs: number;
  /** Agent turns of the attempt that finished (failed attempts do not report them). */
  turns: number;
  /** Tokens over every attempt that reported them, failed ones included. */
  usage: TaskUsage;
  costUsd: number;
  error?: TaskError;
  /** For a skipped task: the failed (or held) upstream. */
  because?: string;
  /** For a held task: the budget or breaker that stopped it. */
  held?: { cause: 'budget' | 'breaker'; reason: string };
  /** A call of the running attempt is waiting out a rate limit at `now`: which, on which key or worker. */
  waiting?: { limit: string; scope: string; cause: 'capacity' | 'paused' | 'retry-after'; untilMs: number };
}

export interface RunStatusReport {
  runId: string;
  workflow: string;
  /** `running` when the journal has no `run:end` after its last `run:start` (or the runner died). */
  state: RunStatus | 'running';
  startedAt: string;
  endedAt?: string;
  /** Why the run ended short of `done`, as `run:end` said: the budget, the breaker. */
  reason?: string;
  /** How many times the run was resumed. */
  resumes: number;
  summary: RunSummary;
  tasks: TaskStatusLine[];
  totals: { usage: TaskUsage; costUsd: number };
}

/** What `swarm status` shows for a run, from its journal alone. */
export function status(plan: Plan, events: readonly RunEvent[], options: { now?: number } = {}): RunStatusReport {
  const { scheduler, runId } = restoreRun(plan, events);
  const elapsed = new Map<string, number>();
  const runningSince = new Map<string, number>();
  const usage = new Map<string, TaskUsage>();
  const cost = new Map<string, number>();
  const turns = new Map<string, number>();
  const waits = new Map<string, NonNullable<TaskStatusLine['waiting']>>();
  let state: RunStatusReport['state'] = 'running';
  let endedAt: string | undefined;
  let reason: string | undefined;
  let resumes = 0;
  const stop = (task: string, at: number) => {
    const since = runningSince.get(task);
    if (since === undefined) return;
    elapsed.set(task, (elapsed.get(task) ?? 0) + Math.max(0, at - since));
    runningSince.delete(task);
  };
  const spend = (task: string, u: TaskUsage | undefined, c: number | undefined) => {
    if (u !== undefined) usage.set(task, addUsage(usage.get(task) ?? zeroUsage(), u));
    if (c !== undefined) cost.set(task, (cost.get(task) ?? 0) + c);
  };
  for (const event of events) {
    const at = Date.parse(event.at);
    if ('task' in event) waits.delete(event.task);
    switch (event.type) {
      case 'limit:wait':
        waits.set(event.task, { limit: event.limit, scope: event.scope, cause: event.cause, untilMs: at + event.wait_ms });
        break;
      case 'run:start':
        if (event.resumed === true) resumes++;
        state = 'running';
        endedAt = undefined;
        reason = undefined;
        break;
      case 'run:end':
        state = event.status;
        endedAt = event.at;
        reason = event.reason;
        for (const task of [...runningSince.keys()]) stop(task, at);
        break;
      case 'task:start':
        runningSince.set(event.task, at);
        break;
      case 'task:done':
        stop(event.task, at);
        spend(event.task, event.result.usage, event.result.cost_usd);
        turns.set(event.task, (turns.get(event.task) ?? 0) + event.result.num_turns);
        break;
      case 'task:failed':
      case 'task:retrying':
      case 'task:rate-limited':
      case 'task:held':
        stop(event.task, at);
        spend(event.task, event.usage, event.cost_usd);
        break;
      case 'task:requeued':
        stop(event.task, at);
        break;
      default:
        break;
    }
  }
  if (options.now !== undefined) for (const task of [...runningSince.keys()]) stop(task, options.now);
  // In the order of the plan as it ran: a decompose node's tasks right after it, not at the end.
  const position = new Map(scheduler.plan.nodes.map((n, i) => [n.id, i]));
  const inPlanOrder = scheduler.tasks().sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  const tasks = inPlanOrder.map((t): TaskStatusLine => {
    const line: TaskStatusLine = {
      id: t.id,
      worker: t.worker,
      status: t.status,
      attempts: t.attempt,
      elapsedMs: elapsed.get(t.id) ?? 0,
      turns: turns.get(t.id) ?? 0,
      usage: usage.get(t.id) ?? zeroUsage(),
      costUsd: cost.get(t.id) ?? 0,
    };
    if (t.error !== undefined) line.error = t.error;
    if (t.because !== undefined) line.because = t.because;
    if (t.held !== undefined) line.held = t.held;
    const wait = waits.get(t.id);
    if (wait !== undefined && options.now !== undefined && wait.untilMs > options.now && (t.status === 'running' || t.status === 'queued')) line.waiting = wait;
    return line;
  });
  const totals = {
    usage: tasks.reduce((sum, t) => addUsage(sum, t.usage), zeroUsage()),
    costUsd: tasks.reduce((sum, t) => sum + t.costUsd, 0),
  };
  const report: RunStatusReport = {
    runId,
    workflow: plan.workflow.name,
    state,
    startedAt: events[0]!.at,
    resumes,
    summary: scheduler.summary(),
    tasks,
    totals,
  };
  if (endedAt !== undefined) report.endedAt = endedAt;
  if (reason !== undefined) report.reason = reason;
  return report;
}

function zeroUsage(): TaskUsage {
  return { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
}

function addUsage(a: TaskUsage, b: TaskUsage): TaskUsage {
  return {
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cache_creation_input_tokens: a.cache_creation_input_tokens + b.cache_creation_input_tokens,
    cache_read_input_tokens: a.cache_read_input_tokens + b.cache_read_input_tokens,
  };
}
