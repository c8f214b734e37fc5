import { z } from 'zod';
import { usageSchema } from '../runtime/events.ts';

/**
 * One line of a run's `usage.jsonl`: one Messages API call as the run's gateway saw it pass,
 * with the usage the API reported for it. The CLI reports a task's totals; this ledger is
 * what splits them by sub-agent, and what the tests check the totals against.
 */
export const ledgerEntrySchema = z.strictObject({
  type: z.literal('request'),
  /** When the answer ended. */
  at: z.iso.datetime(),
  task: z.string().min(1),
  attempt: z.number().int().min(1),
  worker: z.string().min(1),
  /** The sub-agent that made the call; absent for the worker's own conversation. */
  agent: z.string().min(1).optional(),
  model: z.string().min(1),
  /** The HTTP status of the answer the CLI got. */
  status: z.number().int(),
  usage: usageSchema,
  /** From swarm's price table; absent for a model the table lacks. */
  cost_usd: z.number().min(0).optional(),
  /** How long the call waited for rate-limit capacity before it was sent. */
  waited_ms: z.number().int().min(0),
});

export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** The ledger's file name inside a run directory. */
export const ledgerFile = 'usage.jsonl';
