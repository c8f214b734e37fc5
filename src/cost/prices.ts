import { z } from 'zod';
import { resolveModel } from '../compiler/known.ts';
import type { TaskUsage } from '../runtime/events.ts';

/**
 * Prices per million tokens, by model: the one table every cost figure swarm computes itself
 * comes from (estimates, live budget checks, per-sub-agent costs). The CLI's own
 * `total_cost_usd` stays the figure of record for a finished task; this table is measured from
 * it (scripts/measure-prices.ts) and checked against it (spec/cost/prices.test.ts), so the two
 * cannot drift apart unnoticed.
 */
export const modelPriceSchema = z.strictObject({
  model: z.string().min(1),
  inputPerMTok: z.number().min(0),
  outputPerMTok: z.number().min(0),
  /** Writing the 5-minute cache: 1.25 × input on the public price list. */
  cacheWritePerMTok: z.number().min(0),
  /** Reading the cache: 0.1 × input on the public price list. */
  cacheReadPerMTok: z.number().min(0),
  /** Set when the CLI sends, and bills, another model for this id: the one it bills under. */
  billedAs: z.string().min(1).optional(),
});

export const priceTableSchema = z.strictObject({
  /** The day the figures were last checked. */
  date: z.iso.date(),
  /** Where they come from. */
  source: z.string().min(1),
  models: z.array(modelPriceSchema),
});

export type ModelPrice = z.infer<typeof modelPriceSchema>;
export type PriceTable = z.infer<typeof priceTableSchema>;

const row = (model: string, [input, output, cacheWrite, cacheRead]: [number, number, number, number], billedAs?: string): ModelPrice => ({
  model,
  inputPerMTok: input,
  outputPerMTok: output,
  cacheWritePerMTok: cacheWrite,
  cacheReadPerMTok: cacheRead,
  ...(billedAs !== undefined && { billedAs }),
});

// Output of `node scripts/measure-prices.ts`; rerun it when the pinned CLI changes.
export const priceTable: PriceTable = priceTableSchema.parse({
  date: '2026-12-02',
  source:
    'measured from Claude Code 2.1.197 by scripts/measure-prices.ts: six `claude -p` runs per model against swarm\'s Messages API stand-in, ' +
    'each answered with chosen usage figures, solved by least squares from the CLI\'s modelUsage costUSD (residual under 1e-15 $). ' +
    'claude-opus-4-1 cannot be measured: the CLI sends and bills claude-opus-4-8 for it, so its row is what a run asking for it is billed.',
  models: [
    row('claude-haiku-4-5-20251001', [1, 5, 1.25, 0.1]),
    row('claude-haiku-4-5', [1, 5, 1.25, 0.1]),
    row('claude-sonnet-5', [3, 15, 3.75, 0.3]),
    row('claude-opus-4-8', [5, 25, 6.25, 0.5]),
    row('claude-fable-5', [10, 50, 12.5, 1]),
    row('claude-opus-4-1', [5, 25, 6.25, 0.5], 'claude-opus-4-8'),
    row('claude-sonnet-4-5', [3, 15, 3.75, 0.3]),
    row('claude-sonnet-4-5-20250929', [3, 15, 3.75, 0.3]),
  ],
});

/** The price of a model by id or alias (`sonnet`, `opus[1m]`); undefined for a model the table lacks. */
export function priceFor(model: string, table: PriceTable = priceTable): ModelPrice | undefined {
  const id = resolveModel(model)?.id ?? model;
  return table.models.find((m) => m.model === id);
}

/** What `usage` costs on `model`, in dollars; undefined for a model the table lacks. */
export function costOf(model: string, usage: TaskUsage, table: PriceTable = priceTable): number | undefined {
  const price = priceFor(model, table);
  if (price === undefined) return undefined;
  return (
    (usage.input_tokens * price.inputPerMTok +
      usage.output_tokens * price.outputPerMTok +
      usage.cache_creation_input_tokens * price.cacheWritePerMTok +
      usage.cache_read_input_tokens * price.cacheReadPerMTok) /
    1e6
  );
}
