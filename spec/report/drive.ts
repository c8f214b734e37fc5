import type { Plan } from '../../src/compiler/plan-schema.ts';
import type { LedgerEntry } from '../../src/cost/ledger-schema.ts';
import { RunEmitter, type RunEvent, type TaskUsage } from '../../src/runtime/events.ts';
import { createScheduler, type Scheduler } from '../../src/runtime/scheduler.ts';
import type { Failure } from '../../src/runtime/task-state.ts';
import { planFrom } from '../support/workspace.ts';

/** 2026-11-25T00:00:00Z. */
export const t0 = Date.UTC(2026, 10, 25);

export { planFrom };

export const usage = (input: number, output: number, write = 0, read = 0): TaskUsage => ({
  input_tokens: input,
  output_tokens: output,
  cache_creation_input_tokens: write,
  cache_read_input_tokens: read,
});

/**
 * Drives the real scheduler through a run, a second at a time, and keeps the journal it
 * writes: the events the report reads, made the way `swarm run` makes them.
 */
export class Drive {
  readonly events: RunEvent[] = [];
  readonly scheduler: Scheduler;
  now = t0;

  constructor(plan: Plan) {
    const emitter = new RunEmitter();
    emitter.onAny((e) => this.events.push(e));
    this.scheduler = createScheduler(plan, { inputs: {}, random: () => 0, emitter, backoff: { initialMs: 1000 } });
    this.scheduler.begin(this.now, 'r1');
  }

  /** Lets `ms` pass, then queues what is ready. */
  tick(ms = 1000): string[] {
    this.now += ms;
    return this.scheduler.dispatch(this.now).tasks.map((t) => t.task);
  }

  start(task: string): this {
    this.now += 1000;
    this.scheduler.started(task, { now: this.now, attempt: this.scheduler.task(task).attempt, owner: 'w-1' });
    return this;
  }

  succeed(task: string, spent: TaskUsage, costUsd: number, turns = 1): this {
    this.now += 1000;
    const attempt = this.scheduler.task(task).attempt;
    this.scheduler.succeeded(task, { now: this.now, attempt, result: { result: `${task} ok`, findings: [], artifacts: [], usage: spent, cost_usd: costUsd, num_turns: turns, execution_time: 1 } });
    return this;
  }

  fail(task: string, failure: Failure): this {
    this.now += 1000;
    this.scheduler.failed(task, { now: this.now, attempt: this.scheduler.task(task).attempt, error: failure });
    return this;
  }

  end(): RunEvent[] {
    this.now += 1000;
    this.scheduler.end(this.now);
    return this.events;
  }
}

/** A ledger line, as the gateway would write it for one Messages API call. */
export function request(task: string, worker: string, spent: TaskUsage, costUsd: number | undefined, options: { attempt?: number; agent?: string; model?: string } = {}): LedgerEntry {
  const entry: LedgerEntry = {
    type: 'request',
    at: new Date(t0).toISOString(),
    task,
    attempt: options.attempt ?? 1,
    worker,
    model: options.model ?? 'claude-sonnet-5',
    status: 200,
    usage: spent,
    waited_ms: 0,
  };
  if (options.agent !== undefined) entry.agent = options.agent;
  if (costUsd !== undefined) entry.cost_usd = costUsd;
  return entry;
}
