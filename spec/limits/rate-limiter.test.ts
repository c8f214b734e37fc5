import { describe, expect, expectTypeOf, it } from 'vitest';
import { RateLimiter, type Reservation, type Ticket } from '../../src/limits/rate-limiter.ts';

const key = 'key MARIE_API_KEY';
const marie = 'worker marie';
const small = { inputTokens: 100, outputTokens: 50 };

function admitted(r: Reservation): Ticket {
  if (!r.ok) throw new Error(`refused: ${r.scope} ${r.limit} ${r.reason} ${r.waitMs} ms`);
  return r.ticket;
}

describe('RateLimiter', () => {
  it('never blocks a scope without limits, nor a scope it was not told about', () => {
    const limiter = new RateLimiter({ [marie]: {} });
    for (let i = 0; i < 10_000; i++) expect(limiter.reserve([marie, 'worker ghost'], { inputTokens: 1e9, outputTokens: 1e9 }, 0).ok).toBe(true);
  });

  it('counts one request against requests per minute whatever its size', () => {
    const limiter = new RateLimiter({ [key]: { requestsPerMinute: 2 } });
    admitted(limiter.reserve([key], small, 0));
    admitted(limiter.reserve([key], { inputTokens: 0, outputTokens: 0 }, 0));
    expect(limiter.reserve([key], small, 0)).toEqual({ ok: false, waitMs: 30_000, scope: key, limit: 'requests/min', reason: 'capacity' });
  });

  it('counts input and output together toward tokens per minute', () => {
    const limiter = new RateLimiter({ [key]: { tokensPerMinute: 1_000 } });
    admitted(limiter.reserve([key], { inputTokens: 600, outputTokens: 300 }, 0));
    expect(limiter.reserve([key], { inputTokens: 100, outputTokens: 50 }, 0)).toMatchObject({ ok: false, limit: 'tokens/min', waitMs: 3_000 });
  });

  it('reserves on all scopes or none', () => {
    const limiter = new RateLimiter({ [key]: { inputTokensPerMinute: 1_000 }, [marie]: { inputTokensPerMinute: 300 } });
    admitted(limiter.reserve([marie], { inputTokens: 200, outputTokens: 0 }, 0));
    expect(limiter.reserve([key, marie], { inputTokens: 250, outputTokens: 0 }, 0)).toMatchObject({ ok: false, scope: marie, limit: 'input tokens/min' });
    // The key gave nothing to the refused request: all of it is still there.
    admitted(limiter.reserve([key], { inputTokens: 1_000, outputTokens: 0 }, 0));
  });

  it('names what holds a request longest', () => {
    const limiter = new RateLimiter({ [key]: { requestsPerMinute: 60, outputTokensPerMinute: 600 }, [marie]: { inputTokensPerMinute: 6_000 } });
    admitted(limiter.reserve([key, marie], { inputTokens: 5_900, outputTokens: 600 }, 0));
    // Output needs 600 more tokens (60 s), marie's input 5,900 (59 s), requests 1 (1 s).
    expect(limiter.reserve([key, marie], { inputTokens: 5_900, outputTokens: 600 }, 0)).toMatchObject({ ok: false, scope: key, limit: 'output tokens/min', waitMs: 60_000 });
  });

  it('adjusts output tokens from the estimate to what the answer used', () => {
    const limiter = new RateLimiter({ [key]: { outputTokensPerMinute: 8_000 } });
    const ticket = admitted(limiter.reserve([key], { inputTokens: 0, outputTokens: 8_000 }, 0));
    expect(limiter.reserve([key], { inputTokens: 0, outputTokens: 1_000 }, 1_000).ok).toBe(false);
    limiter.settle(ticket, { inputTokens: 0, outputTokens: 500 }, 1_000);
    admitted(limiter.reserve([key], { inputTokens: 0, outputTokens: 7_000 }, 1_000));
  });

  it('makes later requests wait for an answer that used more than its estimate', () => {
    const limiter = new RateLimiter({ [key]: { inputTokensPerMinute: 6_000 } });
    const ticket = admitted(limiter.reserve([key], { inputTokens: 6_000, outputTokens: 0 }, 0));
    limiter.settle(ticket, { inputTokens: 12_000, outputTokens: 0 }, 0);
    // 6,000 of debt plus 60 tokens for the next request, at 100 a second.
    expect(limiter.reserve([key], { inputTokens: 60, outputTokens: 0 }, 0)).toMatchObject({ ok: false, waitMs: 60_600 });
  });

  it('refuses to settle a ticket twice', () => {
    const limiter = new RateLimiter({ [key]: { requestsPerMinute: 5 } });
    const ticket = admitted(limiter.reserve([key], small, 0));
    limiter.settle(ticket, small, 1);
    expect(() => limiter.settle(ticket, small, 2)).toThrow('not open');
    expect(() => new RateLimiter({}).settle(ticket, small, 2)).toThrow('not open');
  });

  it('holds every request on a paused scope until the pause ends, with capacity to spare', () => {
    const limiter = new RateLimiter({ [key]: { requestsPerMinute: 1_000 } });
    limiter.pause(key, 20_000, 'input tokens/min');
    expect(limiter.reserve([key, marie], small, 5_000)).toEqual({ ok: false, waitMs: 15_000, scope: key, limit: 'input tokens/min', reason: 'paused' });
    expect(limiter.pausedUntil(key, 5_000)).toBe(20_000);
    expect(limiter.pausedUntil(key, 20_000)).toBeUndefined();
    admitted(limiter.reserve([key], small, 20_000));
  });

  it('pauses a scope that has no limits of its own', () => {
    const limiter = new RateLimiter({});
    limiter.pause(key, 1_000);
    expect(limiter.reserve([key], small, 0)).toMatchObject({ ok: false, reason: 'paused', limit: 'requests/min', waitMs: 1_000 });
  });

  it('lets a later pause extend a pause, and an earlier one not shorten it', () => {
    const limiter = new RateLimiter({});
    limiter.pause(key, 10_000);
    limiter.pause(key, 30_000);
    limiter.pause(key, 15_000);
    expect(limiter.pausedUntil(key, 0)).toBe(30_000);
  });

  it('rejects a demand that is not a count of tokens', () => {
    const limiter = new RateLimiter({});
    expect(() => limiter.reserve([key], { inputTokens: -5, outputTokens: 0 }, 0)).toThrow('Expected `inputTokens` to be a finite number >= 0, got -5');
    expect(() => limiter.reserve([key], { inputTokens: 0, outputTokens: Number.NaN }, 0)).toThrow('got NaN');
  });

  it('narrows a refusal to its wait', () => {
    const r = new RateLimiter({}).reserve([], small, 0);
    if (!r.ok) expectTypeOf(r.reason).toEqualTypeOf<'capacity' | 'paused'>();
    if (r.ok) expectTypeOf(r.ticket).toEqualTypeOf<Ticket>();
  });
});
