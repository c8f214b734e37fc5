import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer, type ModelServerOptions, type ScriptRequest } from '../../src/model-server/server.ts';

const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(options: ModelServerOptions = {}): Promise<{ server: ModelServer; client: Anthropic }> {
  const server = await startModelServer(options);
  servers.push(server);
  return { server, client: new Anthropic({ baseURL: server.url, apiKey: 'sk-test', maxRetries: 0 }) };
}

const ask = (text: string, extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}) => ({
  model: 'claude-sonnet-5',
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: text }],
  ...extra,
});

describe('model server: the Messages API over the real SDK', () => {
  it('answers HEAD / and GET / with 200 and a request id, as the CLI probes it', async () => {
    const { server } = await serve();
    for (const method of ['HEAD', 'GET']) {
      const res = await fetch(server.url + '/', { method });
      expect(res.status).toBe(200);
      expect(res.headers.get('request-id')).toMatch(/^req_/);
    }
    expect(server.requests.map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('answers a non-streaming request with the default text and plausible usage', async () => {
    const { server, client } = await serve();
    const prompt = 'x'.repeat(400);
    const message = await client.messages.create(ask(prompt));
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-sonnet-5', stop_reason: 'end_turn', content: [{ type: 'text', text: 'OK.' }] });
    expect(message.id).toMatch(/^msg_/);
    // 400 characters of prompt plus its JSON framing, at four characters a token.
    expect(message.usage.input_tokens).toBeGreaterThanOrEqual(100);
    expect(message.usage.input_tokens).toBeLessThan(120);
    expect(message.usage.output_tokens).toBe(1);
    expect(server.messages()).toHaveLength(1);
    expect(server.messages()[0]).toMatchObject({ path: '/v1/messages', subagent: false, turn: { text: 'OK.' } });
  });

  it('streams the real event sequence, which the SDK assembles into the same message', async () => {
    const text = 'A longer answer that arrives in several text deltas.';
    const { server, client } = await serve({ script: { default: { text } } });
    // Raw, since the SDK's iterator drops `ping`.
    const res = await fetch(`${server.url}/v1/messages?beta=true`, { method: 'POST', body: JSON.stringify({ ...ask('hi'), stream: true }) });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const frames = (await res.text()).trim().split('\n\n').map((frame) => {
      const [event, data] = frame.split('\n');
      const parsed = JSON.parse(data!.slice('data: '.length)) as { type: string; delta?: { type: string } };
      expect(event).toBe(`event: ${parsed.type}`);
      return parsed;
    });
    const types = frames.map((f) => (f.type === 'content_block_delta' ? `delta:${f.delta!.type}` : f.type));
    const deltas = types.filter((t) => t === 'delta:text_delta').length;
    expect(deltas).toBeGreaterThan(1);
    expect(types).toEqual(['message_start', 'content_block_start', 'ping', ...Array(deltas).fill('delta:text_delta'), 'content_block_stop', 'message_delta', 'message_stop']);
    expect(frames.at(-2)).toMatchObject({ delta: { stop_reason: 'end_turn' }, usage: { output_tokens: Math.ceil(text.length / 4) } });

    let streamed = '';
    for await (const event of await client.messages.create({ ...ask('hi'), stream: true })) {
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') streamed += event.delta.text;
    }
    expect(streamed).toBe(text);
    const final = await client.messages.stream(ask('again')).finalMessage();
    expect(final.content).toEqual([{ type: 'text', text }]);
  });

  it('plays a task its turns in order, keyed by a substring of the first user message', async () => {
    const write = { tool: 'Write', input: { file_path: '/w/notes.md', content: 'A note with "quotes" and\nlines.' } };
    const { server, client } = await serve({ script: { tasks: { '[task:evaluate]': [{ ...write, text: 'Writing it.' }, { text: 'Done.' }] } } });
    const first = await client.messages.stream(ask('Please start. [task:evaluate]')).finalMessage();
    expect(first.stop_reason).toBe('tool_use');
    expect(first.content[0]).toEqual({ type: 'text', text: 'Writing it.' });
    const use = first.content[1] as Anthropic.ToolUseBlock;
    expect(use).toMatchObject({ type: 'tool_use', name: 'Write', input: write.input });
    expect(use.id).toMatch(/^toolu_/);
    const second = await client.messages.create(
      ask('', {
        messages: [
          { role: 'user', content: 'Please start. [task:evaluate]' },
          { role: 'assistant', content: first.content },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: 'written' }] },
        ],
      }),
    );
    expect(second.content).toEqual([{ type: 'text', text: 'Done.' }]);
    // The key has run out of turns, and another conversation matches no key: both get the default.
    expect((await client.messages.create(ask('[task:evaluate] once more'))).content).toEqual([{ type: 'text', text: 'OK.' }]);
    expect((await client.messages.create(ask('unrelated'))).content).toEqual([{ type: 'text', text: 'OK.' }]);
    expect(server.messages().map((r) => r.match ?? null)).toEqual([
      { table: 'tasks', key: '[task:evaluate]', index: 0 },
      { table: 'tasks', key: '[task:evaluate]', index: 1 },
      null,
      null,
    ]);
  });

  it('answers sub-agent requests from their own table, and tolerates system entries in messages', async () => {
    const { server, client } = await serve({ script: { tasks: { '[k]': [{ text: 'main' }] }, subagents: { '[k]': [{ text: 'sub' }] } } });
    const subagentSystem = [{ type: 'text' as const, text: 'x-anthropic-billing-header: cc_version=2.1.197; cc_is_subagent=true;' }];
    const sub = await client.messages.create(ask('[k] check', { system: subagentSystem }));
    const main = await client.messages.create({
      ...ask('[k] go'),
      messages: [
        { role: 'user', content: '[k] go' },
        { role: 'system', content: 'Available agent types: reviewer' } as unknown as Anthropic.MessageParam,
      ],
    });
    expect(sub.content).toEqual([{ type: 'text', text: 'sub' }]);
    expect(main.content).toEqual([{ type: 'text', text: 'main' }]);
    expect(server.messages().map((r) => r.subagent)).toEqual([true, false]);
  });

  it('gives full control to a respond function, falling back to the script when it returns undefined', async () => {
    const seen: ScriptRequest[] = [];
    const { client } = await serve({
      script: { default: { text: 'from the script' } },
      respond: (request) => {
        seen.push(request);
        return request.firstUserText.includes('custom') ? { text: `echo: ${request.body.model}` } : undefined;
      },
    });
    expect((await client.messages.create(ask('custom'))).content).toEqual([{ type: 'text', text: 'echo: claude-sonnet-5' }]);
    expect((await client.messages.create(ask('other'))).content).toEqual([{ type: 'text', text: 'from the script' }]);
    expect(seen.map((r) => [r.firstUserText, r.subagent])).toEqual([
      ['custom', false],
      ['other', false],
    ]);
  });

  it('streams a tool input as input_json_delta pieces that the SDK reassembles', async () => {
    const input = { command: 'echo "$(date)" && ls -la', description: 'x'.repeat(100) };
    const { client } = await serve({ script: { default: { tool: 'Bash', input } } });
    const stream = await client.messages.create({ ...ask('hi'), stream: true });
    const pieces: string[] = [];
    for await (const event of stream) if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta') pieces.push(event.delta.partial_json);
    expect(pieces.length).toBeGreaterThan(2);
    expect(JSON.parse(pieces.join(''))).toEqual(input);
    const final = await client.messages.stream(ask('hi')).finalMessage();
    expect(final.content[0]).toMatchObject({ type: 'tool_use', name: 'Bash', input });
  });
});

describe('model server: errors in the real shape', () => {
  it('refuses with 429 rate_limit_error, a retry-after header and a request id', async () => {
    const { client } = await serve({ script: { default: { error: 429, retryAfterSeconds: 7 } } });
    const error = await client.messages.create(ask('hi')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    const e = error as InstanceType<typeof Anthropic.RateLimitError>;
    expect(e.status).toBe(429);
    expect(e.headers.get('retry-after')).toBe('7');
    expect(e.requestID).toMatch(/^req_/);
    expect(e.error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error', message: expect.stringContaining('rate limit') } });
  });

  it('lets the SDK honour retry-after: its own retry waits as told, then gets the next turn', async () => {
    const { server } = await serve({ script: { tasks: { '[r]': [{ error: 429, retryAfterSeconds: 1.2 }, { text: 'after the wait' }] } } });
    const client = new Anthropic({ baseURL: server.url, apiKey: 'sk-test', maxRetries: 1 });
    const started = Date.now();
    const message = await client.messages.create(ask('[r]'));
    expect(message.content).toEqual([{ type: 'text', text: 'after the wait' }]);
    // The SDK's own backoff for a first retry is at most 0.5 s: waiting longer means it read the header.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1150);
    expect(server.messages().map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
  });

  it.each([
    [500, Anthropic.InternalServerError, 'api_error'],
    [529, Anthropic.APIError, 'overloaded_error'],
    [400, Anthropic.BadRequestError, 'invalid_request_error'],
  ] as const)('refuses with %i as %s', async (status, type, errorType) => {
    const { client } = await serve({ script: { default: { error: status, message: 'scripted failure' } } });
    const error = (await client.messages.create(ask('hi')).catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    expect(error).toBeInstanceOf(type);
    expect(error.status).toBe(status);
    expect(error.error).toMatchObject({ type: 'error', error: { type: errorType, message: 'scripted failure' } });
    expect(error.headers?.get('retry-after')).toBeNull();
  });

  it('refuses another API key with 401 authentication_error when given one to expect', async () => {
    const { server } = await serve({ apiKey: 'sk-right' });
    const wrong = new Anthropic({ baseURL: server.url, apiKey: 'sk-wrong', maxRetries: 0 });
    await expect(wrong.messages.create(ask('hi'))).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    const right = new Anthropic({ baseURL: server.url, apiKey: 'sk-right', maxRetries: 0 });
    expect((await right.messages.create(ask('hi'))).content).toEqual([{ type: 'text', text: 'OK.' }]);
  });

  it('refuses a malformed body with 400 invalid_request_error naming the field', async () => {
    const { server } = await serve();
    const res = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', messages: [] }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringContaining('max_tokens') } });
    const missing = await fetch(`${server.url}/v1/nothing`, { method: 'POST' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { type: 'not_found_error' } });
  });
});

describe('model server: timing', () => {
  it('holds a hung request open until close, which ends it', async () => {
    let arrived!: () => void;
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    const { server, client } = await serve({
      respond: () => {
        arrived();
        return { hang: true };
      },
    });
    const pending = client.messages.create(ask('hi')).catch((e: unknown) => e);
    await inFlight;
    expect(server.messages()).toHaveLength(1);
    await server.close();
    expect(await pending).toBeInstanceOf(Anthropic.APIConnectionError);
  });

  it('can stall a stream after message_start', async () => {
    const { server, client } = await serve({ script: { default: { hang: 'after-start' } } });
    const stream = await client.messages.create({ ...ask('hi'), stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ type: 'message_start' });
    const rest = iterator.next().catch((e: unknown) => e);
    await server.close();
    expect(await rest).toBeInstanceOf(Error);
  });

  it('drops the connection after message_start, or at once for a plain request', async () => {
    const { client } = await serve({ script: { default: { drop: true } } });
    const stream = await client.messages.create({ ...ask('hi'), stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ type: 'message_start' });
    await expect(iterator.next()).rejects.toThrow();
    await expect(client.messages.create(ask('hi'))).rejects.toBeInstanceOf(Anthropic.APIConnectionError);
  });

  it('can fail a stream midway with an error event', async () => {
    const { client } = await serve({ script: { default: { error: 529, midStream: true } } });
    const stream = await client.messages.create({ ...ask('hi'), stream: true });
    const error = await (async () => {
      for await (const _ of stream);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
  });

  it('waits delayMs before answering', async () => {
    const { client } = await serve({ script: { default: { text: 'late', delayMs: 150 } } });
    const started = Date.now();
    expect((await client.messages.create(ask('hi'))).content).toEqual([{ type: 'text', text: 'late' }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
  });
});

describe('model server: usage and prompt caching', () => {
  // Past Sonnet 5's minimum cacheable length (1,024 tokens): a shorter prefix is not cached.
  const system = [{ type: 'text' as const, text: 'S'.repeat(8000), cache_control: { type: 'ephemeral' as const } }];

  it('writes a marked prefix the first time, reads it afterwards, and writes only what grew', async () => {
    const { client } = await serve();
    const first = await client.messages.create(ask('question one', { system }));
    expect(first.usage.cache_read_input_tokens).toBe(0);
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(1000);
    expect(first.usage.input_tokens).toBeGreaterThan(0);
    expect(first.usage.input_tokens).toBeLessThan(20);

    const again = await client.messages.create(ask('question two', { system }));
    expect(again.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(again.usage.cache_creation_input_tokens).toBe(0);

    // A longer conversation with a marker on its last message: the system part is read, the rest written.
    const turn = { type: 'text' as const, text: 'T'.repeat(800), cache_control: { type: 'ephemeral' as const } };
    const longer = await client.messages.create(ask('', { system, messages: [{ role: 'user', content: [turn] }] }));
    expect(longer.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(longer.usage.cache_creation_input_tokens).toBeGreaterThan(200);
    expect(longer.usage.input_tokens).toBe(0);

    // Another model has a cache of its own.
    const other = await client.messages.create(ask('question one', { system, model: 'claude-haiku-4-5-20251001' }));
    expect(other.usage.cache_read_input_tokens).toBe(0);
  });

  it('counts tokens without touching the cache', async () => {
    const { client } = await serve();
    const counted = await client.messages.countTokens({ model: 'claude-sonnet-5', system, messages: [{ role: 'user', content: 'hi' }] });
    expect(counted.input_tokens).toBeGreaterThan(1000);
    const first = await client.messages.create(ask('hi', { system }));
    expect(first.usage.cache_read_input_tokens).toBe(0);
  });
});
