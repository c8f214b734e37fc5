import type { Demand } from '../limits/rate-limiter.ts';
import type { MessagesUsage } from '../limits/usage.ts';
import { isSubagentRequest, type MessagesRequest } from '../model-server/request.ts';
import { tokensFor } from '../model-server/usage.ts';

/** The output a first call of a worker is assumed to write, before any answer says better. */
const firstOutputGuess = 1024;

/**
 * What a call will charge to the buckets, guessed before it is sent: the prompt's size less the
 * prefix the conversation's previous call left in the cache (Claude Code marks it), and the
 * output the worker's calls have written on average. The answer's usage corrects the buckets
 * either way; a good guess only keeps them from swinging.
 */
export class DemandHistory {
  /** Per conversation (task attempt, main or sub-agent): the cached prefix its last answer reported. */
  readonly #prefix = new Map<string, number>();
  /** Per worker: output tokens over its answers, and how many. */
  readonly #output = new Map<string, { sum: number; count: number }>();

  estimate(route: { task: string; attempt: number; worker: string }, request: MessagesRequest, bodyBytes: number): Demand {
    const prompt = tokensFor(bodyBytes);
    const cached = this.#prefix.get(conversation(route, request)) ?? 0;
    const out = this.#output.get(route.worker);
    const output = out === undefined ? Math.min(request.max_tokens, firstOutputGuess) : Math.ceil(out.sum / out.count);
    return { inputTokens: Math.max(1, prompt - cached), outputTokens: Math.min(request.max_tokens, Math.max(1, output)) };
  }

  record(route: { task: string; attempt: number; worker: string }, usage: MessagesUsage, request?: MessagesRequest): void {
    if (request !== undefined) this.#prefix.set(conversation(route, request), (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0));
    const out = this.#output.get(route.worker) ?? { sum: 0, count: 0 };
    this.#output.set(route.worker, { sum: out.sum + usage.output_tokens, count: out.count + 1 });
  }
}

function conversation(route: { task: string; attempt: number }, request: MessagesRequest): string {
  return `${route.task}#${route.attempt}#${isSubagentRequest(request) ? 'sub' : 'main'}`;
}
