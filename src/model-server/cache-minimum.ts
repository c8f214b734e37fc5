/**
 * The shortest prefix the API caches, per model, from "Cache limitations" in
 * https://platform.claude.com/docs/en/build-with-claude/prompt-caching#cache-limitations
 * (Claude API). A shorter prefix marked with `cache_control` is processed without caching,
 * with no error: it is charged as plain input.
 */
// The first match wins, so a name comes before any shorter name it starts with (sonnet-5-5, sonnet-5).
const minimums: [pattern: RegExp, tokens: number][] = [
  [/^claude-(opus-5|fable-5|mythos-5|sonnet-5-5|haiku-5-5)/, 512],
  [/^claude-(mythos-preview|opus-4-7)/, 2048],
  [/^claude-opus-4-[56]/, 4096],
  [/^claude-(opus-4-8|sonnet-5|sonnet-4-6|sonnet-4-5|opus-4-1|opus-4|sonnet-4)/, 1024],
  [/^claude-haiku-4-5/, 4096],
  [/^claude-(3-5-haiku|haiku-3-5)/, 2048],
];

/** What a model the table does not name gets: the most common figure on the page. */
export const defaultMinimumTokens = 1024;

/**
 * The minimum cacheable prompt length of a model, in tokens.
 * @example minimumCacheableTokens('claude-haiku-4-5-20251001') // 4096
 */
export function minimumCacheableTokens(model: string): number {
  return minimums.find(([pattern]) => pattern.test(model))?.[1] ?? defaultMinimumTokens;
}
