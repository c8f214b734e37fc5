import { messagesUsageSchema, type MessagesUsage } from '../limits/usage.ts';

/**
 * Reads the usage of a Messages answer as it streams past, without holding the stream: the
 * input side arrives in `message_start`, output tokens (cumulative) in each `message_delta`.
 * A plain JSON answer carries it whole in `usage`. What cannot be read is left undefined: the
 * proxy never fails an answer over its own bookkeeping.
 */
export class AnswerUsage {
  readonly #streamed: boolean;
  #pending = '';
  #body = '';
  #usage: Partial<MessagesUsage> = {};
  #seen = false;

  constructor(contentType: string) {
    this.#streamed = contentType.includes('text/event-stream');
  }

  feed(text: string): void {
    if (!this.#streamed) {
      this.#body += text;
      return;
    }
    this.#pending += text;
    // SSE events end with a blank line; the CLI's stand-in and the API both send `\n\n`.
    for (let end = this.#pending.indexOf('\n\n'); end >= 0; end = this.#pending.indexOf('\n\n')) {
      this.#event(this.#pending.slice(0, end));
      this.#pending = this.#pending.slice(end + 2);
    }
  }

  /** The answer's usage, or undefined when it carried none (an error, a cut stream). */
  usage(): MessagesUsage | undefined {
    if (!this.#streamed) {
      const parsed = messagesUsageSchema.safeParse(json(this.#body)?.['usage']);
      return parsed.success ? parsed.data : undefined;
    }
    if (!this.#seen) return undefined;
    const parsed = messagesUsageSchema.safeParse({ input_tokens: 0, output_tokens: 0, ...this.#usage });
    return parsed.success ? parsed.data : undefined;
  }

  #event(block: string): void {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    const event = json(data);
    if (event === undefined) return;
    const usage = event['type'] === 'message_start' ? (event['message'] as Record<string, unknown> | undefined)?.['usage'] : event['type'] === 'message_delta' ? event['usage'] : undefined;
    if (typeof usage !== 'object' || usage === null) return;
    this.#seen = true;
    // A delta's counts are cumulative and may repeat the input side: later values win.
    for (const [key, value] of Object.entries(usage)) if (typeof value === 'number') (this.#usage as Record<string, number>)[key] = value;
  }
}

function json(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
