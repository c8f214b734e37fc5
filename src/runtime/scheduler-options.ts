import type { PlanNode } from '../compiler/plan-schema.ts';
import type { BackoffPolicy } from './backoff.ts';
import type { InputValues, RunEmitter } from './events.ts';

export interface SchedulerOptions {
  /** Input values as given; the plan's defaults fill the rest (see `resolveInputs`). */
  inputs: InputValues;
  /** Absolute run directory, to render `${node.artifacts}` as absolute paths. */
  runDir?: string;
  /**
   * The jitter source, in [0, 1).
   * @default Math.random
   */
  random?: () => number;
  backoff?: Partial<BackoffPolicy>;
  rateLimitBackoff?: Partial<BackoffPolicy>;
  /**
   * Rate-limited retries a task may take without touching its `retries` budget; past this,
   * a rate limit costs a retry like any failure.
   * @default 10
   */
  maxRateLimitRetries?: number;
  /** Receives every event as it is committed (journal, progress view, report). */
  emitter?: RunEmitter;
  /** The run's budget, over the plan's: `swarm run --budget`, journaled with `run:start`. */
  budgetUsd?: number;
  /**
   * What one attempt of a task is expected to cost, checked against what its budgets have
   * left before it is dispatched.
   * @default () => 0: no estimate; only budgets already used up stop a task
   */
  estimateUsd?: (node: PlanNode) => number;
}

/** A plan the scheduler cannot run, or a run it cannot start: the caller reports the message. */
export class RunSetupError extends Error {
  override name = 'RunSetupError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/** An event that does not fit the state it is applied to: a runner bug or a corrupt journal. */
export class SchedulerError extends Error {
  override name = 'SchedulerError';
}
