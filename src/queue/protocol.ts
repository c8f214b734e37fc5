import { z } from 'zod';
import { builtinDefaults, priorities } from '../compiler/known.ts';

/**
 * The queue's files, as zod schemas: the seed plan's task and result formats (Phase 2),
 * extended and never broken. A file written by hand in exactly the seed's format validates;
 * every file swarm writes carries all the seed's fields, so a seed reader can read it.
 * Unknown fields are kept, so a newer writer never breaks an older reader.
 *
 * Each `*FileSchema` is the format on disk (exported as JSON Schema into spec/ by
 * `npm run gen`); the matching schema without `File` also fills in defaults.
 */

/**
 * The plan's id pattern as a single file-name segment: a planned task's `follow-up/call` is
 * `follow-up.call` on the queue. Plan ids never hold a `.`, so the two map one to one.
 */
export const queueIdPattern = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/;

/** A plan node's id as the queue writes it (see `queueIdPattern`). */
export function queueIdOf(planId: string): string {
  return planId.replaceAll('/', '.');
}

/** A queue task id as the plan knows it. */
export function planIdOf(queueId: string): string {
  return queueId.replaceAll('.', '/');
}
const queueId = z.string().regex(queueIdPattern).max(200);
const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

/** The seed says `high|medium|low`; swarm adds `critical` and calls `medium` `normal`. */
export const filePriorities = [...priorities, 'medium'] as const;
export type Priority = (typeof priorities)[number];
export type FilePriority = (typeof filePriorities)[number];

export const defaultTimeoutSeconds = builtinDefaults.timeoutMs / 1000;

export const taskFileSchema = z.looseObject({
  task_id: queueId,
  worker: queueId,
  description: z.string(),
  dependencies: z.array(z.string()).optional(),
  timeout: z.number().positive().optional().describe(`seconds; ${defaultTimeoutSeconds} when absent`),
  priority: z.enum(filePriorities).optional().describe('`medium` is the same as `normal`, the default'),
  run_id: z.string().min(1).optional(),
  attempt: z.number().int().min(1).optional().describe('1-based; 1 when absent'),
  model: z.string().min(1).optional(),
  tools: z.array(z.string()).optional(),
  max_turns: z.number().int().min(1).optional(),
  budget_usd: z.number().positive().optional(),
  outputs: z.array(z.string()).optional().describe('paths, relative to the task directory, the task must produce'),
  chain: z.number().int().min(1).optional().describe('nodes on the longest chain from this task: a claim tie-break'),
  created_at: isoTime.optional(),
});

export const taskSchema = taskFileSchema.transform((file) => ({
  ...file,
  dependencies: file.dependencies ?? [],
  timeout: file.timeout ?? defaultTimeoutSeconds,
  priority: normalizePriority(file.priority),
  attempt: file.attempt ?? 1,
}));

/** A task file as it may be written. */
export type TaskFile = z.input<typeof taskFileSchema>;
/** A task as read: defaults filled in, priority in swarm's words. */
export type Task = z.output<typeof taskSchema>;

export const usageSchema = z.looseObject({
  input_tokens: count,
  output_tokens: count,
  cache_creation_input_tokens: count,
  cache_read_input_tokens: count,
});
export type Usage = z.infer<typeof usageSchema>;

export const resultErrorSchema = z.looseObject({
  /** What went wrong, in a word the runner can branch on, e.g. `timeout`, `rate-limited`, `api-error`, `crashed`. */
  kind: z.string().min(1),
  message: z.string(),
  retryable: z.boolean(),
  /** The HTTP status of an API error. */
  status: z.number().int().optional(),
  retry_after_seconds: z.number().min(0).optional(),
});
export type ResultError = z.infer<typeof resultErrorSchema>;

export const resultStatuses = ['complete', 'failed'] as const;

export const resultFileSchema = z.looseObject({
  task_id: queueId,
  status: z.enum(resultStatuses),
  worker: queueId,
  findings: z.array(z.string()).optional(),
  artifacts: z.array(z.string()).optional(),
  execution_time: z.number().min(0).optional().describe('seconds'),
  run_id: z.string().min(1).optional(),
  attempt: z.number().int().min(1).optional().describe('1-based; 1 when absent'),
  /** The agent's final text. */
  result: z.string().optional(),
  usage: usageSchema.optional(),
  cost_usd: z.number().min(0).optional(),
  models: z
    .record(z.string(), usageSchema.extend({ cost_usd: z.number().min(0) }))
    .optional()
    .describe('usage and cost per model id, sub-agents included: a sub-agent on another model is an entry of its own'),
  num_turns: count.optional(),
  session_id: z.string().optional(),
  model: z.string().optional(),
  started_at: isoTime.optional(),
  finished_at: isoTime.optional(),
  error: resultErrorSchema.optional(),
});

export const resultSchema = resultFileSchema.transform((file) => ({
  ...file,
  findings: file.findings ?? [],
  artifacts: file.artifacts ?? [],
  attempt: file.attempt ?? 1,
}));

export type ResultFile = z.input<typeof resultFileSchema>;

/** What a worker reports on completing a claim, which fills in the rest from the task. */
export const resultDraftSchema = resultFileSchema.omit({ task_id: true, worker: true, run_id: true, attempt: true });
export type ResultDraft = z.input<typeof resultDraftSchema>;
export type TaskResult = z.output<typeof resultSchema>;

/** Who holds a claimed task, and until when. Written by the claimer, renewed by it, read by the runner. */
export const leaseSchema = z.looseObject({
  task_id: queueId,
  worker: queueId,
  /** The claiming process, `host:pid:random`. */
  owner: z.string().min(1),
  attempt: z.number().int().min(1),
  /** Epoch milliseconds. */
  expires_at: z.number(),
  /** Epoch milliseconds of the last write. */
  renewed_at: z.number(),
  /** Tells apart two claims of one task by the same owner, e.g. after its own lease lapsed. */
  claim_id: z.string().min(1),
});
export type Lease = z.infer<typeof leaseSchema>;

/** Higher is claimed first. */
export const priorityRank: Record<Priority, number> = { low: 0, normal: 1, high: 2, critical: 3 };

export function normalizePriority(priority: FilePriority | undefined): Priority {
  return priority === undefined || priority === 'medium' ? 'normal' : priority;
}

/** The task as swarm writes it: the seed's word for each priority the seed has. */
export function taskToFile(task: Task): TaskFile {
  return { ...task, priority: task.priority === 'normal' ? 'medium' : task.priority };
}
