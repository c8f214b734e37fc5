import { z } from 'zod';
import { runEndSchema, taskErrorSchema } from '../runtime/events.ts';
import { taskStatuses } from '../runtime/task-state.ts';

/**
 * What `swarm report` knows about a run: the data behind its HTML page, and what
 * `--format json` prints. Task figures are the journal's (the CLI's own); the ledger only
 * splits them by sub-agent and checks them.
 */

const at = z.iso.datetime();
const tokens = z.number().int().min(0);

/** Tokens and dollars, with the share of input read from the cache. */
export const figuresShape = {
  input_tokens: tokens,
  output_tokens: tokens,
  cache_creation_input_tokens: tokens,
  cache_read_input_tokens: tokens,
  cost_usd: z.number().min(0),
  /** cache read / (input + cache write + cache read); 0 when there was no input. */
  cache_hit_rate: z.number().min(0).max(1),
};
export const figuresSchema = z.strictObject(figuresShape);

/**
 * How one stretch of an attempt ended. `requeued`: handed back without fault (the same
 * attempt goes again); `held`: a budget or circuit breaker stopped it; `interrupted`: the
 * runner stopped while it was out; `queued` and `running`: it has not ended yet.
 */
export const spanOutcomes = ['done', 'failed', 'retried', 'rate-limited', 'requeued', 'held', 'interrupted', 'queued', 'running'] as const;

/** One stretch of an attempt, from being queued to its end: a bar of the Gantt chart. */
export const spanSchema = z.strictObject({
  attempt: z.number().int().min(1),
  queued_at: at,
  /** Absent when no worker claimed it. */
  started_at: at.optional(),
  /** Absent while it is still out. */
  ended_at: at.optional(),
  outcome: z.enum(spanOutcomes),
  /** Why it failed, was retried or handed back. */
  reason: z.string().optional(),
});

/** What the ledger says a task used, to set beside the journal's figures. */
export const ledgerFiguresSchema = z.strictObject({
  ...figuresShape,
  requests: z.number().int().min(0),
  /** Requests whose model the price table lacks: their cost is not in `cost_usd`. */
  unpriced_requests: z.number().int().min(0),
});

export const taskRowSchema = z.strictObject({
  id: z.string(),
  worker: z.string(),
  status: z.enum(taskStatuses),
  after: z.array(z.string()),
  /** Attempts handed out, failed and retried ones included. */
  attempts: z.number().int().min(0),
  /** Time spent running, over every attempt. */
  elapsed_ms: z.number().min(0),
  turns: z.number().int().min(0),
  ...figuresShape,
  spans: z.array(spanSchema),
  error: taskErrorSchema.optional(),
  /** For a skipped task: the failed (or held) upstream. */
  because: z.string().optional(),
  /** For a held task: the budget or circuit breaker that stopped it. */
  held: z.strictObject({ cause: z.enum(['budget', 'breaker']), reason: z.string() }).optional(),
  /** Present when the run has a ledger. */
  ledger: ledgerFiguresSchema.optional(),
  /** Present when the run has a ledger: its tokens (and cost, when priced) equal the journal's. */
  ledger_matches: z.boolean().optional(),
});

export const workerRowSchema = z.strictObject({
  worker: z.string(),
  tasks: z.number().int().min(0),
  done: z.number().int().min(0),
  failed: z.number().int().min(0),
  attempts: z.number().int().min(0),
  elapsed_ms: z.number().min(0),
  ...figuresShape,
});

export const agentRowSchema = z.strictObject({
  worker: z.string(),
  /** The sub-agent; null for the worker's own conversation. */
  agent: z.string().nullable(),
  requests: z.number().int().min(0),
  models: z.array(z.string()),
  ...figuresShape,
  unpriced_requests: z.number().int().min(0),
});

export const reportSchema = z.strictObject({
  version: z.literal(1),
  run: z.strictObject({
    id: z.string(),
    workflow: z.string(),
    // The journal's run statuses, whatever they come to, plus one for a run not yet ended.
    state: z.enum([...runEndSchema.shape.status.options, 'running']),
    started_at: at,
    ended_at: at.optional(),
    /** Why the run ended as it did, when the journal says. */
    reason: z.string().optional(),
    resumes: z.number().int().min(0),
    counts: z.record(z.enum(taskStatuses), z.number().int().min(0)),
  }),
  totals: figuresSchema,
  tasks: z.array(taskRowSchema),
  workers: z.array(workerRowSchema),
  /** From the ledger; empty (with a note) when the run has none. */
  agents: z.array(agentRowSchema),
  ledger: z.strictObject({
    present: z.boolean(),
    requests: z.number().int().min(0),
    /** Every task's ledger figures equal its journal figures and no request names an unknown task; false with no ledger. */
    matches: z.boolean(),
  }),
  /** Things a reader must see: ledger mismatches, a missing ledger, a worker whose breaker opened. */
  notes: z.array(z.string()),
});

export type Figures = z.infer<typeof figuresSchema>;
export type Span = z.infer<typeof spanSchema>;
export type SpanOutcome = Span['outcome'];
export type LedgerFigures = z.infer<typeof ledgerFiguresSchema>;
export type TaskRow = z.infer<typeof taskRowSchema>;
export type WorkerRow = z.infer<typeof workerRowSchema>;
export type AgentRow = z.infer<typeof agentRowSchema>;
export type ReportData = z.infer<typeof reportSchema>;
