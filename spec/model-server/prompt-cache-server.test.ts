import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer, type ModelServerOptions } from '../../src/model-server/server.ts';

const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(options: ModelServerOptions = {}): Promise<{ server: ModelServer; client: Anthropic }> {
  const server = await startModelServer(options);
  servers.push(server);
  return { server, client: new Anthropic({ baseURL: server.url, apiKey: 'sk-test', maxRetries: 0 }) };
}

const marked = (text: string, ttl?: '1h') => ({ type: 'text' as const, text, cache_control: { type: 'ephemeral' as const, ...(ttl && { ttl }) } });
const system = [marked('S'.repeat(8000))];
const ask = (text: string, extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}) => ({
  model: 'claude-sonnet-5',
  max_tokens: 1024,
  system,
  messages: [{ role: 'user' as const, content: text }],
  ...extra,
});

describe('model server: prompt caching as the API does it', () => {
  it('logs, for each request it answered, the usage it reported', async () => {
    const { server, client } = await serve();
    const first = await client.messages.create(ask('one'));
    const second = await client.messages.create({ ...ask('two'), stream: false });
    const logged = server.messages().map((r) => r.usage);
    expect(logged).toEqual([first.usage, second.usage]);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
  });

  it('expires entries on the clock it is given', async () => {
    let now = 0;
    const { client } = await serve({ promptCache: { now: () => now } });
    const first = await client.messages.create(ask('one'));
    now += 4 * 60_000;
    expect((await client.messages.create(ask('two'))).usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    now += 5 * 60_000;
    expect((await client.messages.create(ask('three'))).usage).toMatchObject({ cache_read_input_tokens: 0, cache_creation_input_tokens: first.usage.cache_creation_input_tokens });
  });

  it('reports 1-hour writes in cache_creation', async () => {
    const { client } = await serve();
    const { usage } = await client.messages.create(ask('one', { system: [marked('S'.repeat(8000), '1h')] }));
    expect(usage.cache_creation).toEqual({ ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: usage.cache_creation_input_tokens });
  });

  it('refuses a request with more than four breakpoints with 400, as the API does', async () => {
    const { client } = await serve();
    const five = ['a', 'b', 'c', 'd', 'e'].map((t) => marked(t));
    const refused = await client.messages.create(ask('one', { system: five })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Anthropic.BadRequestError);
    expect((refused as InstanceType<typeof Anthropic.BadRequestError>).message).toContain('A maximum of 4 blocks with cache_control may be provided. Found 5.');
  });
});
