import type { PlanNode } from '../compiler/plan-schema.ts';
import type { TaskError, TaskResult } from './events.ts';

export type TaskNode = Extract<PlanNode, { kind: 'task' }>;
export type DecomposeNode = Extract<PlanNode, { kind: 'decompose' }>;
export type SynthesizeNode = Extract<PlanNode, { kind: 'synthesize' }>;

/**
 * Decompose and synthesize nodes are model calls the runner makes itself, not a worker's
 * tasks; the scheduler files them under these names, which no plan worker can have.
 */
export const runnerWorkers = { decompose: '@planner', synthesize: '@synthesizer' } as const;

/** The worker a node runs on: its own for a task, the runner's for the others. */
export function workerOf(node: PlanNode): string {
  return node.kind === 'task' ? node.worker : runnerWorkers[node.kind];
}

/** What the budgets are checked against for a node: a task's own budget; a decompose node's is its plan's. */
export interface BudgetSubject {
  id: string;
  worker: string;
  budgetUsd?: number;
  /** For a task a decompose node planned, when that node has a `budget`: the planned tasks share it. */
  plan?: { id: string; budgetUsd: number };
}

export function budgetSubject(node: PlanNode, nodes: readonly PlanNode[]): BudgetSubject {
  const subject: BudgetSubject = { id: node.id, worker: workerOf(node), ...(node.kind === 'task' && node.budgetUsd !== undefined && { budgetUsd: node.budgetUsd }) };
  const slash = node.id.lastIndexOf('/');
  const planner = slash < 0 ? undefined : nodes.find((n) => n.id === node.id.slice(0, slash));
  if (planner?.kind === 'decompose' && planner.budgetUsd !== undefined) subject.plan = { id: planner.id, budgetUsd: planner.budgetUsd };
  return subject;
}

/**
 * Where a task stands.
 * - `pending`: waiting on upstream tasks; `ready`: free to go, waiting for its worker.
 * - `queued`: handed to the queue; `running`: a worker has claimed it.
 * - `retrying` / `rate-limited`: waiting out a backoff until `wakeAt`.
 * - `done`, `failed`, `skipped`: final.
 * - `held`: final for this session (a budget or a circuit breaker stopped it); a resume reopens it.
 */
export type TaskStatus = 'pending' | 'ready' | 'queued' | 'running' | 'retrying' | 'rate-limited' | 'done' | 'failed' | 'skipped' | 'held';

export const taskStatuses: readonly TaskStatus[] = ['pending', 'ready', 'queued', 'running', 'retrying', 'rate-limited', 'done', 'failed', 'skipped', 'held'];

export function isFinal(status: TaskStatus): boolean {
  return status === 'done' || status === 'failed' || status === 'skipped' || status === 'held';
}

export function isInFlight(status: TaskStatus): boolean {
  return status === 'queued' || status === 'running';
}

export function isWaiting(status: TaskStatus): boolean {
  return status === 'retrying' || status === 'rate-limited';
}

/** A read-only view of one task, as the scheduler holds it. */
export interface TaskView {
  id: string;
  worker: string;
  status: TaskStatus;
  /** The current or last attempt; 0 before the first dispatch. */
  attempt: number;
  /** Retries taken from the task's `retries` budget. */
  retriesUsed: number;
  /** Retries after a rate limit, which do not touch the budget up to the cap. */
  rateLimitRetries: number;
  /** Handed back without fault (lease lapsed, runner resumed) and not yet dispatched again. */
  requeued: boolean;
  /** When a `retrying` or `rate-limited` task may go again (epoch ms). */
  wakeAt?: number;
  owner?: string;
  result?: TaskResult;
  error?: TaskError;
  /** For a skipped task: the failed (or held) upstream. */
  because?: string;
  /** For a held task: why, in words. */
  held?: { cause: 'budget' | 'breaker'; reason: string };
}

/** A node the runner should start now: a task goes on the queue, a decompose or synthesize node the runner runs itself. */
export interface DispatchedTask {
  task: string;
  worker: string;
  attempt: number;
  /** The prompt with inputs and upstream results filled in. */
  prompt: string;
  node: PlanNode;
  /**
   * This attempt was handed out before (it was requeued): the queue may still hold its task
   * file, so enqueue it only if no file for this task and attempt exists.
   */
  requeued: boolean;
}

/** A failed attempt, as the runner classified it. */
export interface Failure {
  kind: string;
  message: string;
  /** False for mistakes a retry cannot fix (a bad flag, a denied permission). */
  retryable: boolean;
  /** The API's HTTP status when the failure came from one: 429 and 529 are rate limits. */
  status?: number;
  /** The server's `retry-after`, in seconds. */
  retryAfterSeconds?: number;
  usage?: TaskResult['usage'];
  costUsd?: number;
}

export function isRateLimit(failure: Failure): boolean {
  return failure.status === 429 || failure.status === 529 || failure.kind === 'rate-limit';
}

export interface RunSummary {
  total: number;
  counts: Record<TaskStatus, number>;
  finished: boolean;
  /** `done` only when every task is done; `budget-exhausted` when a budget held a task; `failed` when finished otherwise. */
  outcome: 'done' | 'failed' | 'budget-exhausted' | 'running';
}
