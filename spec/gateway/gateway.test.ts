import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { startGateway, type Gateway, type GatewayAnswer, type GatewayWait, type Route } from '../../src/gateway/gateway.ts';
import { LimitQueue } from '../../src/limits/limit-queue.ts';
import { VirtualClock } from '../../src/limits/virtual-clock.ts';
import { startModelServer, type ModelServer, type ModelServerOptions } from '../../src/model-server/server.ts';
import { keyScopes, runLimiter, workerScope } from '../../src/runner/run-gateway.ts';
import { planFrom } from '../support/workspace.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

/** Two workers on one key (the default variable), one on a key of its own. */
const team = (limits: string) =>
  planFrom(`workflow w {
  limits {
    ${limits}
  }
  worker marie {}
  worker anga {}
  worker fabien {
    api-key = env("FABIEN_API_KEY")
  }
  task a {
    worker = marie
    prompt = "[task:a]"
  }
  task b {
    worker = anga
    prompt = "[task:b]"
  }
  task c {
    worker = fabien
    prompt = "[task:c]"
  }
}
`);

interface Harness {
  server: ModelServer;
  gateway: Gateway;
  clock: VirtualClock;
  waits: { task: string; wait: GatewayWait }[];
  answers: { task: string; answer: GatewayAnswer }[];
  ask(task: string, options?: { stream?: boolean }): Promise<Anthropic.Message>;
  /** Resolves once `count` waits have been reported. */
  waited(count: number): Promise<void>;
}

async function harness(plan: Plan, script: ModelServerOptions['script'], extra: { admit?: (route: Route) => string | undefined } = {}): Promise<Harness> {
  const server = await startModelServer({ script });
  closers.push(() => server.close());
  const clock = new VirtualClock(Date.parse('2026-12-02T00:00:00Z'));
  const keys = new Map([['marie', 'key-one'], ['anga', 'key-one'], ['fabien', 'key-two']]);
  const scopes = keyScopes(plan, keys);
  const queue = new LimitQueue(runLimiter(plan, scopes), clock);
  const workerOf = new Map(plan.nodes.map((n) => [n.id, (n as { worker: string }).worker]));
  const waits: Harness['waits'] = [];
  const watchers: { count: number; resolve: () => void }[] = [];
  const waited = (count: number) => new Promise<void>((resolve) => (waits.length >= count ? resolve() : watchers.push({ count, resolve })));
  const answers: Harness['answers'] = [];
  const gateway = await startGateway({
    upstream: server.url,
    queue,
    clock,
    random: () => 0,
    route: (headers) => {
      const task = String(headers['x-swarm-task']);
      const worker = workerOf.get(task)!;
      const keyScope = scopes.get(worker)!;
      return { task, attempt: 1, worker, keyScope, scopes: [keyScope, workerScope(worker)] };
    },
    onWait: (route, wait) => {
      waits.push({ task: route.task, wait });
      for (const w of watchers.filter((w) => waits.length >= w.count)) w.resolve();
    },
    onAnswer: (route, answer) => answers.push({ task: route.task, answer }),
    ...(extra.admit && { admit: extra.admit }),
  });
  closers.push(() => gateway.close());
  const clients = new Map<string, Anthropic>();
  const ask = async (task: string, options: { stream?: boolean } = {}) => {
    const client = clients.get(task) ?? new Anthropic({ baseURL: gateway.url, apiKey: 'test-key', maxRetries: 0, defaultHeaders: { 'x-swarm-task': task } });
    clients.set(task, client);
    const params = { model: 'claude-sonnet-5', max_tokens: 512, messages: [{ role: 'user' as const, content: `[task:${task}] go` }] };
    return options.stream ? client.messages.stream(params).finalMessage() : client.messages.create(params);
  };
  return { server, gateway, clock, waits, answers, ask, waited };
}


describe('the gateway between the CLI and the API', () => {
  it('makes workers on one key share its account limit, while a worker on another key goes on', async () => {
    const h = await harness(team('requests = 2/min'), {});
    await h.ask('a');
    await h.ask('b');
    // The key shared by marie and anga has used its two requests; fabien's key has its own two.
    const third = h.ask('a');
    await h.ask('c');
    await h.waited(1);
    expect(h.waits).toEqual([{ task: 'a', wait: { scope: 'key ANTHROPIC_API_KEY', limit: 'requests/min', cause: 'capacity', waitMs: 30_000 } }]);
    expect(h.server.messages()).toHaveLength(3);
    // Half a minute later the bucket holds one request again.
    await h.clock.advance(30_000);
    await third;
    expect(h.server.messages()).toHaveLength(4);
  });

  it('pauses every worker on a key for a 429’s retry-after, then sends the refused call again', async () => {
    const h = await harness(team('requests = 100/min'), { tasks: { '[task:a]': [{ error: 429, retryAfterSeconds: 20 }, { text: 'Done after the wait.' }] } });
    const refused = h.ask('a');
    await h.waited(1);
    expect(h.waits[0]).toEqual({ task: 'a', wait: { scope: 'key ANTHROPIC_API_KEY', limit: 'requests/min', cause: 'retry-after', waitMs: 20_000 } });
    // anga shares the key, so waits out the same pause; fabien's key is not paused.
    const sharing = h.ask('b');
    await h.ask('c');
    await h.waited(2);
    expect(h.waits[1]).toMatchObject({ task: 'b', wait: { scope: 'key ANTHROPIC_API_KEY', cause: 'paused' } });
    // a's refused call and c's: nothing of the paused key went out.
    expect(h.server.messages()).toHaveLength(2);
    await h.clock.advance(20_000);
    const [a, b] = await Promise.all([refused, sharing]);
    expect(a.content[0]).toMatchObject({ type: 'text', text: 'Done after the wait.' });
    expect(b.type).toBe('message');
    // The 429 never reached the client: one answer each, and the server was asked four times.
    expect(h.server.messages()).toHaveLength(4);
  });

  it('reads the usage of streamed and plain answers exactly as the client got it', async () => {
    const h = await harness(team('requests = 100/min'), {});
    const plain = await h.ask('a');
    const streamed = await h.ask('b', { stream: true });
    const seen = (task: string) => h.answers.find((a) => a.task === task)!.answer;
    for (const [task, message] of [['a', plain], ['b', streamed]] as const) {
      const usage = seen(task).usage!;
      expect(usage.input_tokens).toBe(message.usage.input_tokens);
      expect(usage.output_tokens).toBe(message.usage.output_tokens);
      expect(usage.cache_read_input_tokens ?? 0).toBe(message.usage.cache_read_input_tokens ?? 0);
      expect(usage.cache_creation_input_tokens ?? 0).toBe(message.usage.cache_creation_input_tokens ?? 0);
      expect(seen(task)).toMatchObject({ model: 'claude-sonnet-5', status: 200 });
    }
  });

  it('refuses a call `admit` says no to with a client error naming the task and the reason, without asking upstream', async () => {
    const h = await harness(team('requests = 100/min'), {}, { admit: (route) => (route.task === 'a' ? "budget exhausted: the run's budget of $1.00 is spent ($1.02 so far)" : undefined) });
    const error = await h.ask('a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as Error).message).toContain("swarm stopped task a: budget exhausted: the run's budget of $1.00 is spent");
    expect(h.server.messages()).toHaveLength(0);
    await h.ask('b');
    expect(h.server.messages()).toHaveLength(1);
  });
});
