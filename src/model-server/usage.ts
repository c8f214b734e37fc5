import { createHash } from 'node:crypto';
import { minimumCacheableTokens } from './cache-minimum.ts';
import { promptBlocks, type PromptBody, type Ttl } from './prompt-blocks.ts';

/** Usage in the shape the real API reports it. */
export interface Usage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  output_tokens: number;
  cache_creation: CacheCreation;
  service_tier: 'standard';
}

/** The cache writes of one request, by the lifetime they were written with. */
export interface CacheCreation {
  ephemeral_5m_input_tokens: number;
  ephemeral_1h_input_tokens: number;
}

/** The input side of a request's usage; without `cache_creation`, every write counts as 5-minute. */
export type InputUsage = Pick<Usage, 'input_tokens' | 'cache_creation_input_tokens' | 'cache_read_input_tokens'> & { cache_creation?: CacheCreation };

/** About four characters a token, as for English text; never zero for a non-empty text. */
export function tokensFor(chars: number): number {
  return Math.ceil(chars / 4);
}

const ttlMs: Record<Ttl, number> = { '5m': 5 * 60_000, '1h': 60 * 60_000 };

/** How many blocks before a breakpoint the API checks for an earlier write. */
export const lookbackBlocks = 20;

export interface PromptCacheOptions {
  /** Milliseconds since the epoch; tests move it to expire entries. @default Date.now */
  now?: () => number;
  /** @default minimumCacheableTokens (the API's per-model table) */
  minimumTokens?: (model: string) => number;
}

interface Entry {
  expiresAt: number;
  ttl: Ttl;
}

interface Prefix {
  digest: string;
  tokens: number;
}

/**
 * The API's prompt caching across the requests one server (one account) sees, as
 * https://platform.claude.com/docs/en/build-with-claude/prompt-caching describes it:
 * - the prompt is cached in the order tools, system, messages, and per model;
 * - a `cache_control` breakpoint writes the prefix up to and including its block, unless that
 *   prefix is shorter than the model's minimum (then it is plain input, with no error);
 * - a hit is the longest written prefix ending at a breakpoint or at one of the 20 blocks
 *   before it (the API's lookback); it is read, what follows up to the last cacheable
 *   breakpoint is written, and the rest is plain input;
 * - an entry lives 5 minutes, or an hour with `ttl: "1h"`, and each hit starts its life again.
 * Not emulated: invalidation by changed `thinking` or `tool_choice`, and the rule that 1-hour
 * breakpoints come before 5-minute ones.
 */
export class PromptCache {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #minimum: (model: string) => number;

  constructor(options: PromptCacheOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#minimum = options.minimumTokens ?? minimumCacheableTokens;
  }

  measure(body: PromptBody): InputUsage {
    const now = this.#now();
    this.#forgetExpired(now);
    const model = String(body.model);
    const blocks = promptBlocks(body);
    const hash = createHash('sha256').update(model);
    let chars = 0;
    const prefixes: Prefix[] = blocks.map((block) => {
      hash.update(block.text);
      chars += block.text.length;
      return { digest: hash.copy().digest('hex'), tokens: tokensFor(chars) };
    });
    const minimum = this.#minimum(model);
    const breakpoints = blocks.flatMap((b, i) => (b.breakpoint && prefixes[i]!.tokens >= minimum ? [{ at: i, ttl: b.breakpoint.ttl }] : []));
    const hit = this.#longestHit(blocks.flatMap((b, i) => (b.breakpoint ? [i] : [])), prefixes);
    const read = hit === undefined ? 0 : prefixes[hit]!.tokens;
    const creation: CacheCreation = { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 };
    let cached = read;
    for (const { at, ttl } of breakpoints) {
      const { digest, tokens } = prefixes[at]!;
      if (tokens > cached) creation[ttl === '1h' ? 'ephemeral_1h_input_tokens' : 'ephemeral_5m_input_tokens'] += tokens - cached;
      cached = Math.max(cached, tokens);
      this.#keep(digest, ttl, now);
    }
    if (hit !== undefined) this.#keep(prefixes[hit]!.digest, this.#entries.get(prefixes[hit]!.digest)!.ttl, now);
    return {
      input_tokens: (prefixes.at(-1)?.tokens ?? 0) - cached,
      cache_creation_input_tokens: cached - read,
      cache_read_input_tokens: read,
      cache_creation: creation,
    };
  }

  #longestHit(breakpoints: number[], prefixes: Prefix[]): number | undefined {
    let best: number | undefined;
    for (const at of breakpoints) {
      for (let i = at; i >= Math.max(0, at - lookbackBlocks); i--) {
        if (best !== undefined && i <= best) break;
        if (this.#entries.has(prefixes[i]!.digest)) {
          best = i;
          break;
        }
      }
    }
    return best;
  }

  // A write of a prefix already cached refreshes it; a longer lifetime is never shortened.
  #keep(digest: string, ttl: Ttl, now: number): void {
    const old = this.#entries.get(digest);
    const life = old && ttlMs[old.ttl] > ttlMs[ttl] ? old.ttl : ttl;
    this.#entries.set(digest, { ttl: life, expiresAt: Math.max(old?.expiresAt ?? 0, now + ttlMs[life]) });
  }

  #forgetExpired(now: number): void {
    for (const [digest, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(digest);
  }
}

export function usage(input: InputUsage, outputChars: number): Usage {
  const { cache_creation, ...counts } = input;
  return {
    ...counts,
    output_tokens: Math.max(1, tokensFor(outputChars)),
    cache_creation: cache_creation ?? { ephemeral_5m_input_tokens: input.cache_creation_input_tokens, ephemeral_1h_input_tokens: 0 },
    service_tier: 'standard',
  };
}
