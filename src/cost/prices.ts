import { z } from 'zod';
import { resolveModel } from '../compiler/known.ts';
import type { TaskUsage } from '../runtime/events.ts';

/**
 * Prices per million tokens, by model: the one table every cost figure swarm computes itself
 * comes from (estimates, live budget checks, per-sub-agent costs). The CLI's own
 * `total_cost_usd` stays the figure of record for a finished task; this table is checked
 * against it (spec/cost/prices.test.ts), so the two cannot drift apart unnoticed.
 */
export const modelPriceSchema = z.strictObject({
  model: z.string().min(1),
  inputPerMTok: z.number().min(0),
  outputPerMTok: z.number().min(0),
  /** Writing the 5-minute cache: 1.25 × input on the public price list. */
  cacheWritePerMTok: z.number().min(0),
  /** Reading the cache: 0.1 × input on the public price list. */
  cacheReadPerMTok: z.number().min(0),
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

const perMTok = (input: number, output: number, model: string): ModelPrice => ({
  model,
  inputPerMTok: input,
  outputPerMTok: output,
  cacheWritePerMTok: input * 1.25,
  cacheReadPerMTok: input * 0.1,
});

// Provisional figures, to be replaced by the ones measured from the CLI (see `source`).
export const priceTable: PriceTable = priceTableSchema.parse({
  date: '2026-12-02',
  source: 'provisional: public list prices; not yet checked against Claude Code 2.1.197',
  models: [
    perMTok(5, 25, 'claude-opus-4-8'),
    perMTok(3, 15, 'claude-sonnet-5'),
    perMTok(1, 5, 'claude-haiku-4-5-20251001'),
    perMTok(1, 5, 'claude-haiku-4-5'),
    perMTok(3, 15, 'claude-fable-5'),
    perMTok(15, 75, 'claude-opus-4-1'),
    perMTok(3, 15, 'claude-sonnet-4-5'),
    perMTok(3, 15, 'claude-sonnet-4-5-20250929'),
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
