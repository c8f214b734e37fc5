import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { actualDemand, chargedInput, messagesUsageSchema, type MessagesUsage } from '../../src/limits/usage.ts';
import { seeded } from '../support/property.ts';

describe('chargedInput', () => {
  it('counts uncached input and cache writes toward input tokens per minute, not cache reads', () => {
    expect(chargedInput({ input_tokens: 120, cache_creation_input_tokens: 3_000, cache_read_input_tokens: 50_000 })).toBe(3_120);
  });

  it('is the same whatever was read from the cache', () => {
    const count = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(count, count, count, count, (input, written, read, otherRead) => {
        const usage = { input_tokens: input, cache_creation_input_tokens: written };
        expect(chargedInput({ ...usage, cache_read_input_tokens: read })).toBe(chargedInput({ ...usage, cache_read_input_tokens: otherRead }));
        expect(chargedInput({ ...usage, cache_read_input_tokens: read })).toBe(input + written);
      }),
      seeded(200),
    );
  });

  it('reads an answer with no cache fields, or null ones, and with fields it does not know', () => {
    const usage = messagesUsageSchema.parse({ input_tokens: 40, output_tokens: 7, cache_creation_input_tokens: null, service_tier: 'standard' });
    expect(actualDemand(usage)).toEqual({ inputTokens: 40, outputTokens: 7 });
    expect(messagesUsageSchema.safeParse({ input_tokens: -1, output_tokens: 0 }).success).toBe(false);
    expectTypeOf<MessagesUsage['cache_read_input_tokens']>().toEqualTypeOf<number | null | undefined>();
  });
});
