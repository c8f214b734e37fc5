import { describe, expect, it } from 'vitest';
import { minimumCacheableTokens } from '../../src/model-server/cache-minimum.ts';
import { breakpointProblem, type PromptBody } from '../../src/model-server/prompt-blocks.ts';
import { PromptCache, type InputUsage } from '../../src/model-server/usage.ts';

const mark = { type: 'ephemeral' };
const text = (chars: number, letter = 'x', cache_control?: object) => ({ type: 'text', text: letter.repeat(chars), ...(cache_control && { cache_control }) });
const tool = (name: string) => ({ name, description: `The ${name} tool. `.repeat(200), input_schema: { type: 'object' } });
const user = (...content: object[]) => ({ role: 'user', content });
const assistant = (...content: object[]) => ({ role: 'assistant', content });

/** A Claude Code-shaped request: two tools, a marked system prompt (about 2,500 tokens in all), then the conversation. */
function request(messages: object[], extra: Partial<PromptBody> = {}): PromptBody {
  return { model: 'claude-sonnet-5', tools: [tool('Read'), tool('Write')], system: [text(4000, 's', mark)], messages, ...extra };
}

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const total = (u: InputUsage) => u.input_tokens + u.cache_creation_input_tokens + u.cache_read_input_tokens;
const minutes = (n: number) => n * 60_000;

describe('PromptCache: what is cached', () => {
  it('writes the prefix up to a breakpoint, reads it back, and charges what follows the last breakpoint as input', () => {
    const cache = new PromptCache();
    const first = cache.measure(request([user(text(400, 'a'))]));
    expect(first.cache_read_input_tokens).toBe(0);
    expect(first.cache_creation_input_tokens).toBeGreaterThan(1024);
    expect(first.input_tokens).toBeGreaterThan(100);

    const second = cache.measure(request([user(text(400, 'b'))]));
    expect(second).toMatchObject({ cache_read_input_tokens: first.cache_creation_input_tokens, cache_creation_input_tokens: 0, input_tokens: first.input_tokens });
  });

  it('caches tools, then system, then messages: a changed tool misses the system breakpoint, a changed message does not', () => {
    const cache = new PromptCache();
    const first = cache.measure(request([user(text(400, 'a', mark))]));
    const otherMessage = cache.measure(request([user(text(400, 'b', mark))]));
    expect(otherMessage.cache_read_input_tokens).toBeGreaterThan(1024);
    expect(otherMessage.cache_read_input_tokens).toBeLessThan(first.cache_creation_input_tokens);

    const otherTools = cache.measure(request([user(text(400, 'a', mark))], { tools: [tool('Read'), tool('Edit')] }));
    expect(otherTools.cache_read_input_tokens).toBe(0);
    expect(otherTools.cache_creation_input_tokens).toBe(total(otherTools));
  });

  it('reads the longest written prefix when several breakpoints match', () => {
    const cache = new PromptCache();
    const conversation = [user(text(400, 'a', mark)), assistant(text(400, 'r')), user(text(400, 'c', mark))];
    const first = cache.measure(request(conversation));
    const again = cache.measure(request(conversation));
    expect(again).toMatchObject({ cache_read_input_tokens: first.cache_creation_input_tokens, cache_creation_input_tokens: 0, input_tokens: 0 });
  });

  it('finds an earlier write up to 20 blocks before a breakpoint, and not further back', () => {
    const cache = new PromptCache();
    const opening = user(text(400, 'a'));
    const first = cache.measure(request([{ ...opening, content: [text(400, 'a', mark)] }]));
    const turns = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? assistant(text(40, 'r')) : user(text(40, 'u'))));
    // The next turn moves the marker to its own last block, as Claude Code does: 20 blocks on, the old one is still found.
    const near = cache.measure(request([opening, ...turns(19), user(text(40, 'z', mark))]));
    expect(near.cache_read_input_tokens).toBe(first.cache_creation_input_tokens);

    const far = new PromptCache();
    far.measure(request([{ ...opening, content: [text(400, 'a', mark)] }]));
    const beyond = far.measure(request([opening, ...turns(20), user(text(40, 'z', mark))]));
    // Only the system breakpoint is read: the opening message lies 21 blocks back.
    expect(beyond.cache_read_input_tokens).toBeLessThan(first.cache_creation_input_tokens);
    expect(beyond.cache_read_input_tokens).toBeGreaterThan(1024);
  });

  it('keeps one cache per model', () => {
    const cache = new PromptCache();
    cache.measure(request([user(text(40, 'a'))]));
    expect(cache.measure(request([user(text(40, 'a'))], { model: 'claude-opus-4-8' })).cache_read_input_tokens).toBe(0);
  });

  it("ignores Claude Code's attribution block, which the API reads as metadata", () => {
    const cache = new PromptCache();
    const system = (suffix: string) => [{ type: 'text', text: `x-anthropic-billing-header: cc_version=2.1.197.${suffix}; cc_entrypoint=sdk-cli;` }, text(4000, 's', mark)];
    const first = cache.measure(request([user(text(40, 'a'))], { system: system('1ed') }));
    const second = cache.measure(request([user(text(40, 'b'))], { system: system('0f0') }));
    expect(second.cache_read_input_tokens).toBe(first.cache_creation_input_tokens);
  });

  it('puts a top-level cache_control on the last block (automatic caching)', () => {
    const cache = new PromptCache();
    const body = { model: 'claude-sonnet-5', cache_control: mark, system: 'You analyse books.', messages: [user(text(6000, 'b'))] };
    const first = cache.measure(body);
    expect(first).toMatchObject({ input_tokens: 0, cache_read_input_tokens: 0 });
    expect(cache.measure(body)).toMatchObject({ input_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: total(first) });
  });

  it('always accounts for the whole prompt: input, writes and reads add up to the same total', () => {
    const cache = new PromptCache();
    const body = request([user(text(400, 'a', mark)), assistant(text(200, 'r')), user(text(300, 'c'))]);
    const counted = total(new PromptCache().measure(body));
    expect(total(cache.measure(body))).toBe(counted);
    expect(total(cache.measure(body))).toBe(counted);
  });
});

describe('PromptCache: the minimum cacheable length', () => {
  it('charges a marked prefix shorter than the minimum as plain input, and caches nothing of it', () => {
    const cache = new PromptCache({ minimumTokens: () => 1024 });
    const short = { model: 'claude-sonnet-5', system: [text(3000, 's', mark)], messages: [user(text(40, 'a'))] };
    const first = cache.measure(short);
    expect(first).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    expect(first.input_tokens).toBe(total(first));
    expect(cache.measure(short).cache_read_input_tokens).toBe(0);
  });

  it('caches up to the last breakpoint that reaches the minimum', () => {
    const cache = new PromptCache({ minimumTokens: () => 1024 });
    const body = { model: 'claude-sonnet-5', system: [text(3000, 's', mark)], messages: [user(text(2000, 'a', mark)), assistant(text(40, 'r'))] };
    const first = cache.measure(body);
    expect(first.cache_creation_input_tokens).toBeGreaterThan(1024);
    expect(first.input_tokens).toBeLessThan(30);
  });

  it("uses each model's minimum from the API's table", () => {
    expect(minimumCacheableTokens('claude-sonnet-5')).toBe(1024);
    expect(minimumCacheableTokens('claude-opus-4-8')).toBe(1024);
    expect(minimumCacheableTokens('claude-fable-5')).toBe(512);
    expect(minimumCacheableTokens('claude-opus-5')).toBe(512);
    expect(minimumCacheableTokens('claude-opus-4-7')).toBe(2048);
    expect(minimumCacheableTokens('claude-opus-4-6')).toBe(4096);
    expect(minimumCacheableTokens('claude-haiku-4-5-20251001')).toBe(4096);
    expect(minimumCacheableTokens('claude-sonnet-4-5-20250929')).toBe(1024);

    // About 2,000 tokens: enough for Sonnet 5, not for Haiku 4.5.
    const body = (model: string) => ({ model, system: [text(8000, 's', mark)], messages: [user(text(40, 'a'))] });
    const cache = new PromptCache();
    expect(cache.measure(body('claude-sonnet-5')).cache_creation_input_tokens).toBeGreaterThan(1900);
    expect(cache.measure(body('claude-haiku-4-5-20251001')).cache_creation_input_tokens).toBe(0);
  });
});

describe('PromptCache: lifetime', () => {
  it('forgets an entry 5 minutes after it was written', () => {
    const time = clock();
    const cache = new PromptCache({ now: time.now });
    const first = cache.measure(request([user(text(40, 'a'))]));
    time.advance(minutes(5) - 1);
    expect(cache.measure(request([user(text(40, 'b'))])).cache_read_input_tokens).toBe(first.cache_creation_input_tokens);
    const fresh = new PromptCache({ now: time.now });
    fresh.measure(request([user(text(40, 'a'))]));
    time.advance(minutes(5));
    expect(fresh.measure(request([user(text(40, 'b'))]))).toMatchObject({ cache_read_input_tokens: 0, cache_creation_input_tokens: first.cache_creation_input_tokens });
  });

  it('starts the 5 minutes again at each hit', () => {
    const time = clock();
    const cache = new PromptCache({ now: time.now });
    const first = cache.measure(request([user(text(40, 'a'))]));
    for (let i = 0; i < 3; i++) {
      time.advance(minutes(4));
      expect(cache.measure(request([user(text(40, 'b'))])).cache_read_input_tokens).toBe(first.cache_creation_input_tokens);
    }
    time.advance(minutes(5));
    expect(cache.measure(request([user(text(40, 'b'))])).cache_read_input_tokens).toBe(0);
  });

  it('keeps a `ttl: "1h"` entry for an hour and reports its writes as 1-hour ones', () => {
    const time = clock();
    const cache = new PromptCache({ now: time.now });
    const hour = request([user(text(40, 'a'))], { system: [text(4000, 's', { type: 'ephemeral', ttl: '1h' })] });
    const first = cache.measure(hour);
    expect(first.cache_creation).toEqual({ ephemeral_1h_input_tokens: first.cache_creation_input_tokens, ephemeral_5m_input_tokens: 0 });
    time.advance(minutes(59));
    expect(cache.measure(hour).cache_read_input_tokens).toBe(first.cache_creation_input_tokens);
    time.advance(minutes(60));
    expect(cache.measure(hour).cache_read_input_tokens).toBe(0);
  });

  it('splits the writes of one request between its 1-hour and 5-minute breakpoints', () => {
    const cache = new PromptCache();
    const body = request([user(text(2000, 'a', mark))], { system: [text(4000, 's', { type: 'ephemeral', ttl: '1h' })] });
    const { cache_creation, cache_creation_input_tokens } = cache.measure(body);
    expect(cache_creation!.ephemeral_1h_input_tokens).toBeGreaterThan(1024);
    expect(cache_creation!.ephemeral_5m_input_tokens).toBeGreaterThan(400);
    expect(cache_creation!.ephemeral_1h_input_tokens + cache_creation!.ephemeral_5m_input_tokens).toBe(cache_creation_input_tokens);
  });
});

describe('breakpointProblem', () => {
  it('refuses more than four breakpoints, as the API does', () => {
    const five = request([user(text(10, 'a', mark), text(10, 'b', mark), text(10, 'c', mark), text(10, 'd', mark))]);
    expect(breakpointProblem(five)).toBe('A maximum of 4 blocks with cache_control may be provided. Found 5.');
    expect(breakpointProblem(request([user(text(10, 'a', mark))]))).toBeUndefined();
  });
});
