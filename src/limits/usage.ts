import { z } from 'zod';
import type { Demand } from './rate-limiter.ts';

/**
 * The `usage` of a Messages API answer, as the gateway reads it off the wire: the trust
 * boundary where the API's counts become the limiter's corrections. Cache fields are absent
 * or null on answers that used no prompt cache, and the API adds fields over time, so unknown
 * ones pass.
 */
const tokens = z.number().int().min(0);
export const messagesUsageSchema = z.looseObject({
  input_tokens: tokens,
  output_tokens: tokens,
  cache_creation_input_tokens: tokens.nullish(),
  cache_read_input_tokens: tokens.nullish(),
});

export type MessagesUsage = z.infer<typeof messagesUsageSchema>;

/**
 * The input tokens an answer charges to input tokens per minute. For current models only
 * uncached input counts: `input_tokens` plus `cache_creation_input_tokens`;
 * `cache_read_input_tokens` are billed but not counted (only some retired models, marked †
 * in the API's tables, counted them). Source, the API's "Rate limits" page:
 * https://docs.anthropic.com/es/api/rate-limits (and /fr/, /ja/, /it/; English at
 * docs.claude.com/en/api/rate-limits).
 */
export function chargedInput(usage: Pick<MessagesUsage, 'input_tokens' | 'cache_creation_input_tokens' | 'cache_read_input_tokens'>): number {
  return usage.input_tokens + (usage.cache_creation_input_tokens ?? 0);
}

/** What an answer actually used, for `RateLimiter.settle`. */
export function actualDemand(usage: MessagesUsage): Demand {
  return { inputTokens: chargedInput(usage), outputTokens: usage.output_tokens };
}
