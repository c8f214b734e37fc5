import type { TaskUsage } from '../runtime/events.ts';
import type { Figures } from './report-schema.ts';

/** Figures from a usage and a cost, the hit rate worked out. */
export function figuresOf(usage: TaskUsage, costUsd: number): Figures {
  const input = usage.input_tokens + usage.cache_creation_input_tokens + usage.cache_read_input_tokens;
  return {
    input_tokens: usage.input_tokens,
    output_tokens: usage.output_tokens,
    cache_creation_input_tokens: usage.cache_creation_input_tokens,
    cache_read_input_tokens: usage.cache_read_input_tokens,
    cost_usd: costUsd,
    cache_hit_rate: input === 0 ? 0 : usage.cache_read_input_tokens / input,
  };
}

export const zeroUsage = (): TaskUsage => ({ input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });

export function addUsage(a: TaskUsage, b: TaskUsage): TaskUsage {
  return {
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cache_creation_input_tokens: a.cache_creation_input_tokens + b.cache_creation_input_tokens,
    cache_read_input_tokens: a.cache_read_input_tokens + b.cache_read_input_tokens,
  };
}

/** The usage part of figures (or of anything carrying the four token counts). */
export function usageOf(f: TaskUsage): TaskUsage {
  return {
    input_tokens: f.input_tokens,
    output_tokens: f.output_tokens,
    cache_creation_input_tokens: f.cache_creation_input_tokens,
    cache_read_input_tokens: f.cache_read_input_tokens,
  };
}

/** The sum of many figures, the hit rate worked out from the sums (not averaged). */
export function sumFigures(list: readonly Figures[]): Figures {
  const usage = list.reduce((sum, f) => addUsage(sum, usageOf(f)), zeroUsage());
  return figuresOf(usage, list.reduce((sum, f) => sum + f.cost_usd, 0));
}

export function sameUsage(a: TaskUsage, b: TaskUsage): boolean {
  return (
    a.input_tokens === b.input_tokens &&
    a.output_tokens === b.output_tokens &&
    a.cache_creation_input_tokens === b.cache_creation_input_tokens &&
    a.cache_read_input_tokens === b.cache_read_input_tokens
  );
}
