/** The part of a request body the prompt cache reads; anything else is ignored. */
export interface PromptBody {
  model?: unknown;
  tools?: unknown;
  system?: unknown;
  messages?: unknown;
  /** Automatic caching: a breakpoint on the last block. */
  cache_control?: unknown;
}

export type Ttl = '5m' | '1h';

/** One block of the prompt in cache order: its text as digested, and its breakpoint if marked. */
export interface PromptBlock {
  text: string;
  breakpoint?: { ttl: Ttl };
}

type Block = Record<string, unknown>;

// Claude Code's first system block names its version and entry point for attribution; its
// suffix changes with every conversation. The API reads it as metadata, not prompt: only
// third-party stand-ins that cache it see their cache broken (anthropics/claude-code#68900).
const attribution = /^x-anthropic-billing-header:/;

function asBlocks(value: unknown, role?: string): Block[] {
  if (typeof value === 'string') return value === '' ? [] : [{ ...(role && { role }), type: 'text', text: value }];
  if (!Array.isArray(value)) return [];
  return value.filter((b): b is Block => typeof b === 'object' && b !== null).map((b) => (role ? { role, ...b } : b));
}

function breakpointOf(value: unknown): PromptBlock['breakpoint'] {
  if (typeof value !== 'object' || value === null) return undefined;
  return { ttl: (value as { ttl?: unknown }).ttl === '1h' ? '1h' : '5m' };
}

/**
 * The prompt as the API caches it: tools, then system, then messages, one entry per tool
 * definition, system block and message content block (a string content is one block).
 * A top-level `cache_control` puts a breakpoint on the last block.
 */
export function promptBlocks(body: PromptBody): PromptBlock[] {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const system = asBlocks(body.system).filter((b) => !(typeof b['text'] === 'string' && attribution.test(b['text'])));
  const raw = [
    ...asBlocks(body.tools),
    ...system,
    ...messages.flatMap((m: { role?: unknown; content?: unknown }) => asBlocks(m?.content, String(m?.role))),
  ];
  const blocks = raw.map(({ cache_control, ...content }): PromptBlock => {
    const breakpoint = breakpointOf(cache_control);
    return { text: JSON.stringify(content), ...(breakpoint && { breakpoint }) };
  });
  const automatic = breakpointOf(body.cache_control);
  const last = blocks.at(-1);
  if (automatic && last && !last.breakpoint) last.breakpoint = automatic;
  return blocks;
}

/** The API refuses a request with more than four breakpoints. */
export const maxBreakpoints = 4;

/** Why the API would refuse the request's cache markers, or `undefined`. */
export function breakpointProblem(body: PromptBody): string | undefined {
  const found = promptBlocks(body).filter((b) => b.breakpoint).length;
  return found > maxBreakpoints ? `A maximum of ${maxBreakpoints} blocks with cache_control may be provided. Found ${found}.` : undefined;
}
