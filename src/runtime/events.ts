import { z } from 'zod';
import { taskNodeSchema } from '../compiler/plan-schema.ts';

/**
 * Every event of a run. The scheduler produces them, the journal stores them one per line,
 * and the journal, the progress view and the report all listen to the same stream. The
 * schemas are the journal's trust boundary: replay validates every line against them.
 */

const at = z.iso.datetime();
const taskId = z.string().min(1);
const attempt = z.number().int().min(1);
const delayMs = z.number().int().min(0);

export const usageSchema = z
  .object({
    input_tokens: z.number().int().min(0),
    output_tokens: z.number().int().min(0),
    cache_creation_input_tokens: z.number().int().min(0),
    cache_read_input_tokens: z.number().int().min(0),
  })
  .strict();

/** What a finished task hands downstream, as its worker reported it. */
export const taskResultSchema = z
  .object({
    /** The final text of the agent: `${node.result}`. */
    result: z.string(),
    findings: z.array(z.string()),
    /** Files the task produced, relative to the run directory (or absolute). */
    artifacts: z.array(z.string()),
    usage: usageSchema,
    cost_usd: z.number().min(0),
    num_turns: z.number().int().min(0),
    /** Seconds the worker spent on the attempt, as it measured them. */
    execution_time: z.number().min(0),
  })
  .strict();

export const taskErrorSchema = z
  .object({
    /** e.g. `timeout`, `exit`, `killed`, `spawn`, `api`, `rate-limit`, `max-turns`, `lease`. */
    kind: z.string().min(1),
    message: z.string(),
  })
  .strict();

/** Usage and cost an attempt burned before it failed, when the worker knows them. */
const spent = {
  usage: usageSchema.optional(),
  cost_usd: z.number().min(0).optional(),
};

export const runStartSchema = z
  .object({
    type: z.literal('run:start'),
    at,
    run_id: z.string().min(1),
    workflow: z.string().min(1),
    plan_hash: z.string().min(1),
    /** The resolved input values, defaults applied: what the templates were filled with. */
    inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    /** Set when `swarm run --resume` picked the run up again. */
    resumed: z.boolean().optional(),
    /** The run's budget from here on, when `--budget` set one; else the last one given, else the plan's. */
    budget_usd: z.number().positive().optional(),
  })
  .strict();

export const taskQueuedSchema = z
  .object({ type: z.literal('task:queued'), at, task: taskId, worker: z.string(), attempt })
  .strict();

export const taskStartSchema = z
  .object({
    type: z.literal('task:start'),
    at,
    task: taskId,
    worker: z.string(),
    attempt,
    /** Who claimed it: the worker process or lease holder. */
    owner: z.string(),
  })
  .strict();

/** `attempt` is the attempt that just failed; the next one is `attempt + 1`. */
export const taskRetryingSchema = z
  .object({
    type: z.literal('task:retrying'),
    at,
    task: taskId,
    attempt,
    delay_ms: delayMs,
    reason: z.string(),
    /** The failure's kind, which the circuit breaker counts; absent in journals from before it. */
    kind: z.string().min(1).optional(),
    ...spent,
  })
  .strict();

/** Like `task:retrying`, for an API 429/529; `limit` says which (`429`, `529`, or the error kind). */
export const taskRateLimitedSchema = z
  .object({ type: z.literal('task:rate-limited'), at, task: taskId, attempt, delay_ms: delayMs, limit: z.string(), ...spent })
  .strict();

/** A queued or running task handed back without fault (lease lapsed, runner resumed): same attempt. */
export const taskRequeuedSchema = z
  .object({ type: z.literal('task:requeued'), at, task: taskId, attempt, reason: z.string() })
  .strict();

export const taskDoneSchema = z
  .object({
    type: z.literal('task:done'),
    at,
    task: taskId,
    worker: z.string(),
    attempt,
    result: taskResultSchema,
    /**
     * For a decompose node: the tasks its accepted plan added, as plan task nodes. Journaled with
     * the node's end, in one line, so a resumed run splices them again and never re-plans.
     */
    planned: z.array(taskNodeSchema).optional(),
  })
  .strict();

export const taskFailedSchema = z
  .object({ type: z.literal('task:failed'), at, task: taskId, worker: z.string(), attempt, error: taskErrorSchema, ...spent })
  .strict();

export const taskSkippedSchema = z
  .object({
    type: z.literal('task:skipped'),
    at,
    task: taskId,
    reason: z.string(),
    /** The upstream task whose failure skipped this one. */
    because: taskId,
  })
  .strict();

/**
 * The task will not run in this session: a budget has no room for it (`budget`), or its worker's
 * circuit breaker opened (`breaker`). `attempt` is set when a running attempt was stopped.
 * Unlike `failed`, it is reopened when the run is resumed.
 */
export const taskHeldSchema = z
  .object({
    type: z.literal('task:held'),
    at,
    task: taskId,
    worker: z.string(),
    attempt: attempt.optional(),
    cause: z.enum(['budget', 'breaker']),
    reason: z.string(),
    ...spent,
  })
  .strict();

/** A held task, or one skipped because of a held one, is back in play: the run was resumed. */
export const taskReopenedSchema = z.object({ type: z.literal('task:reopened'), at, task: taskId, reason: z.string() }).strict();

/** `failures` attempts in a row on `worker` failed with the same `kind`: it takes no more tasks this session. */
export const workerTrippedSchema = z
  .object({ type: z.literal('worker:tripped'), at, worker: z.string().min(1), kind: z.string().min(1), failures: z.number().int().min(1), message: z.string() })
  .strict();

/**
 * An API call of a task waited for rate-limit capacity: `limit` is the one that held it
 * (`requests/min`), `scope` whose it is (`key MARIE_API_KEY`, `worker marie`), and `cause`
 * whether the bucket was empty or a 429/529's retry-after paused the key. The scheduler's
 * state does not change; the progress view and the report show it.
 */
export const limitWaitSchema = z
  .object({
    type: z.literal('limit:wait'),
    at,
    task: taskId,
    attempt,
    scope: z.string().min(1),
    limit: z.string().min(1),
    cause: z.enum(['capacity', 'paused', 'retry-after']),
    wait_ms: delayMs,
  })
  .strict();

export const runStatuses = ['done', 'failed', 'interrupted', 'budget-exhausted'] as const;

export const runEndSchema = z
  .object({
    type: z.literal('run:end'),
    at,
    status: z.enum(runStatuses),
    /** Why it ended so, in words: which budget ran out, which worker's breaker opened. */
    reason: z.string().optional(),
  })
  .strict();

export const runEventSchema = z.discriminatedUnion('type', [
  runStartSchema,
  taskQueuedSchema,
  taskStartSchema,
  taskRetryingSchema,
  taskRateLimitedSchema,
  taskRequeuedSchema,
  taskDoneSchema,
  taskFailedSchema,
  taskSkippedSchema,
  taskHeldSchema,
  taskReopenedSchema,
  workerTrippedSchema,
  limitWaitSchema,
  runEndSchema,
]);

export type RunEvent = z.infer<typeof runEventSchema>;
export type RunEventType = RunEvent['type'];
/** Each event type to the event it names. */
export type RunEventMap = { [E in RunEvent as E['type']]: E };
export type TaskResult = z.infer<typeof taskResultSchema>;
export type TaskUsage = z.infer<typeof usageSchema>;
export type TaskError = z.infer<typeof taskErrorSchema>;
export type RunStatus = z.infer<typeof runEndSchema>['status'];
export type InputValue = string | number | boolean;
export type InputValues = Record<string, InputValue>;

/** Events after which the journal forces its write to disk. */
export const durableEvents: ReadonlySet<RunEventType> = new Set(['task:done', 'task:failed', 'task:held', 'run:end']);

/** Epoch milliseconds as an event's `at`. */
export function isoAt(now: number): string {
  return new Date(now).toISOString();
}

type Listener<E> = (event: E) => void;

/**
 * A tiny typed emitter for run events. Listeners run synchronously in subscription order;
 * a listener that throws stops the emit, so a journal that cannot write halts the run.
 */
export class RunEmitter {
  readonly #byType = new Map<string, Listener<never>[]>();
  readonly #any: Listener<RunEvent>[] = [];

  /** Subscribes to one event type; returns the unsubscribe function. */
  on<K extends RunEventType>(type: K, fn: Listener<RunEventMap[K]>): () => void {
    const list = this.#byType.get(type) ?? [];
    list.push(fn as Listener<never>);
    this.#byType.set(type, list);
    return () => remove(list, fn as Listener<never>);
  }

  /** Subscribes to every event (the journal does). */
  onAny(fn: Listener<RunEvent>): () => void {
    this.#any.push(fn);
    return () => remove(this.#any, fn);
  }

  emit(event: RunEvent): void {
    for (const fn of [...this.#any]) fn(event);
    for (const fn of [...(this.#byType.get(event.type) ?? [])]) (fn as Listener<RunEvent>)(event);
  }
}

function remove<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}
