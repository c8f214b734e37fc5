import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswerUsage } from '../../src/gateway/answer-usage.ts';
import { DemandHistory } from '../../src/gateway/demand-history.ts';
import type { MessagesRequest } from '../../src/model-server/request.ts';
import { seeded } from '../support/property.ts';

const sse = (events: object[]) => events.map((e) => `event: ${(e as { type: string }).type}\ndata: ${JSON.stringify(e)}\n\n`).join('');

const stream = sse([
  { type: 'message_start', message: { id: 'msg_1', usage: { input_tokens: 12, cache_creation_input_tokens: 3000, cache_read_input_tokens: 9000, output_tokens: 1 } } },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello — “quoted” ✓' } },
  { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 57 } },
  { type: 'message_stop' },
]);

describe('reading an answer’s usage as it streams past', () => {
  it('takes the input side from message_start and the output from the last message_delta', () => {
    const reader = new AnswerUsage('text/event-stream; charset=utf-8');
    reader.feed(stream);
    expect(reader.usage()).toEqual({ input_tokens: 12, cache_creation_input_tokens: 3000, cache_read_input_tokens: 9000, output_tokens: 57 });
  });

  it('reads the same usage however the stream is cut into pieces', () => {
    const bytes = new TextEncoder().encode(stream);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), (cuts) => {
        const reader = new AnswerUsage('text/event-stream');
        const decoder = new TextDecoder();
        const bounds = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        for (let i = 1; i < bounds.length; i++) reader.feed(decoder.decode(bytes.slice(bounds[i - 1], bounds[i]), { stream: true }));
        reader.feed(decoder.decode());
        expect(reader.usage()).toEqual({ input_tokens: 12, cache_creation_input_tokens: 3000, cache_read_input_tokens: 9000, output_tokens: 57 });
      }),
      seeded(200),
    );
  });

  it('reads a plain JSON answer whole, and says nothing for an error or a cut stream', () => {
    const plain = new AnswerUsage('application/json');
    plain.feed(JSON.stringify({ type: 'message', usage: { input_tokens: 5, output_tokens: 7 } }));
    expect(plain.usage()).toEqual({ input_tokens: 5, output_tokens: 7 });
    const error = new AnswerUsage('application/json');
    error.feed(JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }));
    expect(error.usage()).toBeUndefined();
    const cut = new AnswerUsage('text/event-stream');
    cut.feed('event: message_start\ndata: {"type":"message_st');
    expect(cut.usage()).toBeUndefined();
  });
});

describe('guessing what a call will charge before it is sent', () => {
  const request = (extra: Partial<MessagesRequest> = {}): MessagesRequest => ({ model: 'claude-sonnet-5', max_tokens: 32_000, messages: [{ role: 'user', content: 'go' }], ...extra });
  const route = { task: 'evaluate', attempt: 1, worker: 'marie' };

  it('charges the whole prompt and a modest output for a conversation’s first call', () => {
    expect(new DemandHistory().estimate(route, request(), 40_000)).toEqual({ inputTokens: 10_000, outputTokens: 1024 });
  });

  it('leaves out the prefix the conversation cached last time, and uses the worker’s mean output', () => {
    const history = new DemandHistory();
    history.record(route, { input_tokens: 10, cache_creation_input_tokens: 2_000, cache_read_input_tokens: 7_000, output_tokens: 300 }, request());
    history.record({ ...route, task: 'other' }, { input_tokens: 10, output_tokens: 100 }, request());
    expect(history.estimate(route, request(), 40_000)).toEqual({ inputTokens: 1_000, outputTokens: 200 });
    // Another attempt is another conversation: nothing of it is cached yet.
    expect(history.estimate({ ...route, attempt: 2 }, request(), 40_000).inputTokens).toBe(10_000);
  });

  it('never guesses more output than the call allows', () => {
    expect(new DemandHistory().estimate(route, request({ max_tokens: 64 }), 400).outputTokens).toBe(64);
  });
});
