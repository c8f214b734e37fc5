/**
 * What the run's gateway costs each API call: the same Messages requests (streamed, as the
 * CLI sends them) straight to the scripted server and through the gateway with the shipped
 * workflows' kind of limits (generous enough never to wait), one at a time and eight at once.
 * The baseline is the direct call, measured in the same run, interleaved.
 */
import { startGateway } from '../src/gateway/gateway.ts';
import { LimitQueue } from '../src/limits/limit-queue.ts';
import { RateLimiter } from '../src/limits/rate-limiter.ts';
import { startModelServer } from '../src/model-server/server.ts';
import { machineInfo, stats, table, writeResults, type Benchmark, type BenchOptions } from './lib.ts';

export const gatewayBenchmark: Benchmark = {
  name: 'gateway',
  description: 'per-call latency through the run gateway (limits, usage reading) vs straight to the server',
  run,
};

const body = JSON.stringify({
  model: 'claude-sonnet-5',
  max_tokens: 1024,
  stream: true,
  system: [{ type: 'text', text: 'You are marie, a ballet teacher. '.repeat(200), cache_control: { type: 'ephemeral' } }],
  messages: [{ role: 'user', content: '[task:bench] Evaluate Emma' }],
});

async function call(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'bench-key', 'anthropic-version': '2023-06-01', 'x-swarm-task': 'bench', 'x-swarm-attempt': '1' },
    body,
  });
  await res.text();
  return performance.now() - started;
}

async function run(options: BenchOptions): Promise<void> {
  const rounds = options.quick ? 100 : 600;
  const server = await startModelServer({});
  const scope = 'key ANTHROPIC_API_KEY';
  const queue = new LimitQueue(new RateLimiter({ [scope]: { requestsPerMinute: 1e9, inputTokensPerMinute: 1e12, outputTokensPerMinute: 1e12 }, 'worker marie': {} }));
  let answers = 0;
  const gateway = await startGateway({
    upstream: server.url,
    queue,
    route: () => ({ task: 'bench', attempt: 1, worker: 'marie', keyScope: scope, scopes: [scope, 'worker marie'] }),
    onAnswer: () => void answers++,
  });
  const results: Record<string, { direct: number; gateway: number; ratio: number }> = {};
  try {
    for (const url of [server.url, gateway.url]) for (let i = 0; i < 20; i++) await call(url); // warm-up
    for (const concurrency of [1, 8]) {
      const direct: number[] = [];
      const through: number[] = [];
      for (let i = 0; i < rounds / concurrency; i++) {
        // Interleaved, so load on the shared machine falls on both alike.
        direct.push(...(await Promise.all(Array.from({ length: concurrency }, () => call(server.url)))));
        through.push(...(await Promise.all(Array.from({ length: concurrency }, () => call(gateway.url)))));
      }
      const d = stats(direct).median;
      const g = stats(through).median;
      results[`${concurrency} at once`] = { direct: d, gateway: g, ratio: g / d };
    }
  } finally {
    await gateway.close();
    await server.close();
  }
  process.stdout.write(
    table(
      ['calls', 'direct p50 ms', 'through gateway p50 ms', 'gateway / direct', 'added ms'],
      Object.entries(results).map(([k, r]) => [k, r.direct.toFixed(2), r.gateway.toFixed(2), `${r.ratio.toFixed(2)}×`, (r.gateway - r.direct).toFixed(2)]),
    ) + `\n\n${answers} answers had their usage read by the gateway.\n`,
  );
  process.stdout.write(`wrote ${writeResults('gateway', { machine: machineInfo(), rounds, results, answersCounted: answers })}\n`);
}
