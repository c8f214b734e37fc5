import { z } from 'zod';

/**
 * What a cost estimate says, before anything runs: per node, per worker and for the run. The
 * same value is printed by `swarm plan` and `swarm run --dry-run`, and is their JSON output.
 */

const usd = z.number().min(0);
const tokens = z.number().int().min(0);

export const tokenRangeSchema = z.strictObject({ low: tokens, high: tokens });

/** `low ≤ expected ≤ high`, in dollars. */
export const costRangeSchema = z.strictObject({ low: usd, expected: usd, high: usd });

/**
 * `prompt`: from the prompt sizes and assumed turn and output ranges. `history`: from what the
 * same task, or the same worker's other tasks, cost in earlier runs in the runs directory.
 */
export const estimateBases = ['prompt', 'history'] as const;

export const nodeEstimateSchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(['task', 'decompose', 'synthesize']),
  /** Absent for decompose and synthesize nodes, which no worker runs. */
  worker: z.string().min(1).optional(),
  model: z.string().min(1),
  /** Every input token of every request: uncached, written to and read from the cache. */
  inputTokens: tokenRangeSchema,
  outputTokens: tokenRangeSchema,
  costUsd: costRangeSchema,
  basis: z.enum(estimateBases),
  /** For `history`: how many earlier executions it rests on, of this task or of the worker's tasks. */
  history: z.strictObject({ of: z.enum(['task', 'worker']), count: z.number().int().min(1) }).optional(),
});

export const workerEstimateSchema = z.strictObject({
  worker: z.string().min(1),
  model: z.string().min(1),
  tasks: z.array(z.string()),
  inputTokens: tokenRangeSchema,
  outputTokens: tokenRangeSchema,
  costUsd: costRangeSchema,
});

/** `exceeded`: even the low end is over the budget; `at-risk`: the high end is. */
export const budgetStatuses = ['within', 'at-risk', 'exceeded'] as const;

export const budgetCheckSchema = z.strictObject({
  scope: z.enum(['workflow', 'worker', 'task']),
  /** The workflow's name, the worker's, or the node's id. */
  id: z.string().min(1),
  budgetUsd: z.number().positive(),
  costUsd: costRangeSchema,
  status: z.enum(budgetStatuses),
});

export const planEstimateSchema = z.strictObject({
  /** In plan order. */
  tasks: z.array(nodeEstimateSchema),
  /** In plan order; sums of their tasks. */
  workers: z.array(workerEstimateSchema),
  /** The sum of every node's estimate. */
  run: z.strictObject({ inputTokens: tokenRangeSchema, outputTokens: tokenRangeSchema, costUsd: costRangeSchema }),
  budgets: z.array(budgetCheckSchema),
  /** The price table the figures come from. */
  prices: z.strictObject({ date: z.iso.date(), source: z.string() }),
  /** Models the price table lacks: their tokens are counted, their cost is 0. */
  unpriced: z.array(z.string()),
});

export type TokenRange = z.infer<typeof tokenRangeSchema>;
export type CostRange = z.infer<typeof costRangeSchema>;
export type NodeEstimate = z.infer<typeof nodeEstimateSchema>;
export type WorkerEstimate = z.infer<typeof workerEstimateSchema>;
export type BudgetCheck = z.infer<typeof budgetCheckSchema>;
export type PlanEstimate = z.infer<typeof planEstimateSchema>;
