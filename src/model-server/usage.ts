import { createHash, type Hash } from 'node:crypto';

/** Usage in the shape the real API reports it. */
export interface Usage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  output_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  service_tier: 'standard';
}

export type InputUsage = Pick<Usage, 'input_tokens' | 'cache_creation_input_tokens' | 'cache_read_input_tokens'>;

/** About four characters a token, as for English text; never zero for a non-empty text. */
export function tokensFor(chars: number): number {
  return Math.ceil(chars / 4);
}

interface Body {
  model?: unknown;
  tools?: unknown;
  system?: unknown;
  messages?: unknown;
}

type Block = Record<string, unknown>;

function asBlocks(value: unknown, role?: string): Block[] {
  if (typeof value === 'string') return value === '' ? [] : [{ role, type: 'text', text: value }];
  if (!Array.isArray(value)) return [];
  return value.filter((b): b is Block => typeof b === 'object' && b !== null).map((b) => (role ? { role, ...b } : b));
}

// The order the API caches a prompt in: tools, then system, then messages.
function promptBlocks(body: Body): Block[] {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  return [
    ...asBlocks(body.tools),
    ...asBlocks(body.system),
    ...messages.flatMap((m: { role?: unknown; content?: unknown }) => asBlocks(m?.content, String(m?.role))),
  ];
}

/**
 * Simulates prompt caching across the requests one server sees: a `cache_control` marker ends
 * a cacheable prefix. The longest marked prefix seen before (for the same model) is read from
 * the cache, the rest up to the last marker is written, and what follows it is plain input.
 * There is no minimum cacheable length and no expiry: tests want figures they can predict.
 */
export class PromptCache {
  readonly #seen = new Set<string>();

  measure(body: Body): InputUsage {
    const hash: Hash = createHash('sha256').update(String(body.model));
    const breakpoints: { digest: string; chars: number }[] = [];
    let chars = 0;
    for (const block of promptBlocks(body)) {
      const { cache_control, ...content } = block;
      const text = JSON.stringify(content);
      hash.update(text);
      chars += text.length;
      if (cache_control) breakpoints.push({ digest: hash.copy().digest('hex'), chars });
    }
    const last = breakpoints.at(-1)?.chars ?? 0;
    const hit = breakpoints.findLast((b) => this.#seen.has(b.digest))?.chars ?? 0;
    for (const b of breakpoints) this.#seen.add(b.digest);
    return {
      input_tokens: tokensFor(chars - last),
      cache_creation_input_tokens: tokensFor(last - hit),
      cache_read_input_tokens: tokensFor(hit),
    };
  }
}

export function usage(input: InputUsage, outputChars: number): Usage {
  return {
    ...input,
    output_tokens: Math.max(1, tokensFor(outputChars)),
    cache_creation: { ephemeral_5m_input_tokens: input.cache_creation_input_tokens, ephemeral_1h_input_tokens: 0 },
    service_tier: 'standard',
  };
}
