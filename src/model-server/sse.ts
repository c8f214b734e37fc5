import type { Message } from './message.ts';

/** One streamed event's data object; `type` names the event. */
export interface StreamEvent {
  type: string;
  [field: string]: unknown;
}

/** One server-sent event as the API frames it: an `event:` line naming the `data:` object's type. */
export function sseEvent(data: StreamEvent): string {
  return `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

// A stream delivers text in pieces.
function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The `message_start` event: the message with no content yet, input usage and one output token. */
export function messageStart(message: Message): StreamEvent {
  return {
    type: 'message_start',
    message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } },
  };
}

/**
 * The real event sequence for a message: `message_start`; per block `content_block_start`,
 * deltas (`text_delta`, or `input_json_delta` carrying the tool input's JSON in pieces) and
 * `content_block_stop`, with a `ping` after the first start; then `message_delta` with the stop
 * reason and final usage, and `message_stop`.
 */
export function messageEvents(message: Message): StreamEvent[] {
  const events: StreamEvent[] = [messageStart(message)];
  message.content.forEach((block, index) => {
    const deltas =
      block.type === 'text'
        ? pieces(block.text, 24).map((text) => ({ type: 'text_delta', text }))
        : ['', ...pieces(JSON.stringify(block.input), 32)].map((partial_json) => ({ type: 'input_json_delta', partial_json }));
    const start = block.type === 'text' ? { type: 'text', text: '' } : { ...block, input: {} };
    events.push({ type: 'content_block_start', index, content_block: start });
    if (index === 0) events.push({ type: 'ping' });
    for (const delta of deltas) events.push({ type: 'content_block_delta', index, delta });
    events.push({ type: 'content_block_stop', index });
  });
  const { input_tokens, cache_creation_input_tokens, cache_read_input_tokens, output_tokens } = message.usage;
  events.push(
    {
      type: 'message_delta',
      delta: { stop_reason: message.stop_reason, stop_sequence: null },
      usage: { input_tokens, cache_creation_input_tokens, cache_read_input_tokens, output_tokens },
    },
    { type: 'message_stop' },
  );
  return events;
}
