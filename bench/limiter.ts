/**
 * The gateway's rate limiter on a virtual clock: three workers on one API key, each with its
 * own limits, asking for far more than the key allows, for 30 virtual minutes. Utilisation of
 * each limit (what was admitted over rate × time) with the shared limiter, against a naive
 * static split of the key (each worker gets a third of every key limit) run on the same
 * request streams. Then the cost of `reserve()` against a bare `TokenBucket.take` loop.
 */
import { relative } from 'node:path';
import type { Limits } from '../src/compiler/plan-schema.ts';
import { LimitQueue } from '../src/limits/limit-queue.ts';
import { RateLimiter, type Demand } from '../src/limits/rate-limiter.ts';
import { TokenBucket } from '../src/limits/token-bucket.ts';
import { actualDemand, type MessagesUsage } from '../src/limits/usage.ts';
import { VirtualClock } from '../src/limits/virtual-clock.ts';
import { machineInfo, ms, ratio, table, timeInterleaved, writeResults, type Benchmark, type BenchOptions } from './lib.ts';

export const limiterBenchmark: Benchmark = {
  name: 'limiter',
  description: '3 workers on one key, oversubscribed, 30 virtual minutes: shared limiter vs static split; reserve() ops/s',
  run,
};

const key = 'key MARIE_API_KEY';
/** Tier-1-like key limits: the ones the three workers contend for. */
const keyLimits = { requestsPerMinute: 50, inputTokensPerMinute: 30_000, outputTokensPerMinute: 8_000 } satisfies Limits;

interface WorkerSpec {
  name: string;
  limits: Limits;
  /** CLI processes sending one request at a time each. */
  lanes: number;
  /** Prompt size in tokens, before the cache; the share of it read from the cache after a lane's first request. */
  input: [number, number];
  cacheRead: number;
  maxTokens: number;
  output: [number, number];
  /** The answer's time, and the pause before the lane's next request. */
  latencyMs: [number, number];
  thinkMs: [number, number];
}

/** Uneven on purpose: marie could use the whole key, jules needs little of his third. */
const workers: WorkerSpec[] = [
  { name: 'marie', limits: { inputTokensPerMinute: 20_000 }, lanes: 4, input: [3_000, 12_000], cacheRead: 0.6, maxTokens: 2_048, output: [300, 1_500], latencyMs: [8_000, 20_000], thinkMs: [0, 0] },
  { name: 'fabien', limits: { requestsPerMinute: 20 }, lanes: 2, input: [1_000, 4_000], cacheRead: 0.5, maxTokens: 1_024, output: [200, 800], latencyMs: [4_000, 10_000], thinkMs: [0, 2_000] },
  { name: 'jules', limits: {}, lanes: 1, input: [500, 1_500], cacheRead: 0.3, maxTokens: 1_024, output: [100, 600], latencyMs: [10_000, 30_000], thinkMs: [30_000, 90_000] },
];

type Mode = 'shared' | 'static split';
type LimitKey = keyof typeof keyLimits;
const limitLabel: Record<keyof Limits, string> = { requestsPerMinute: 'requests/min', tokensPerMinute: 'tokens/min', inputTokensPerMinute: 'input tokens/min', outputTokensPerMinute: 'output tokens/min' };

interface SimResult {
  mode: Mode;
  /** Per key limit: admitted (as the answers used it) over rate × time. */
  keyUtilisation: Record<LimitKey, number>;
  /** Per worker: requests admitted, tokens used, median and p95 wait, its own limits' utilisation, and per bucket how many of its waits it last held. */
  workers: { name: string; requests: number; inputTokens: number; outputTokens: number; waitP50Ms: number; waitP95Ms: number; ownUtilisation: Partial<Record<keyof Limits, number>>; waitedOn: Record<string, number> }[];
}

async function run(options: BenchOptions): Promise<void> {
  const machine = machineInfo();
  const minutes = 30;
  const sims = [await simulate('shared', minutes), await simulate('static split', minutes)];
  const [shared, split] = sims as [SimResult, SimResult];
  const keyRatio = Object.fromEntries(Object.keys(keyLimits).map((k) => [k, shared.keyUtilisation[k as LimitKey] / split.keyUtilisation[k as LimitKey]])) as Record<LimitKey, number>;
  const throughput = measureReserve(options);
  const report = { benchmark: 'limiter', machine, config: { quick: options.quick, virtualMinutes: minutes, key: keyLimits, workers }, sims, keyRatio, throughput };
  print(report);
  log(`\nwrote ${relative(process.cwd(), writeResults('limiter', report))}`);
}

async function simulate(mode: Mode, minutes: number): Promise<SimResult> {
  const horizon = minutes * 60_000;
  const clock = new VirtualClock(0);
  const third = Object.fromEntries(Object.entries(keyLimits).map(([k, v]) => [k, v / workers.length]));
  const scopes: Record<string, Limits> = Object.fromEntries(workers.map((w) => [`worker ${w.name}`, w.limits]));
  if (mode === 'shared') scopes[key] = keyLimits;
  else for (const w of workers) scopes[`${key} share ${w.name}`] = third;
  const queue = new LimitQueue(new RateLimiter(scopes), clock);
  const later = (ms: number) => new Promise<void>((resolve) => clock.setTimer(ms, resolve));
  const used = workers.map(() => ({ requests: 0, inputTokens: 0, outputTokens: 0, waits: [] as number[], waitedOn: {} as Record<string, number> }));

  const lane = async (wi: number, li: number): Promise<void> => {
    const w = workers[wi]!;
    // One stream per lane, the same in both modes whatever the timing.
    const random = prng(1 + wi * 100 + li);
    const between = ([lo, hi]: [number, number]) => Math.round(lo + random() * (hi - lo));
    const laneScopes = [mode === 'shared' ? key : `${key} share ${w.name}`, `worker ${w.name}`];
    for (let n = 0; clock.now() < horizon; n++) {
      await later(between(w.thinkMs));
      const prompt = between(w.input);
      const cacheRead = n === 0 ? 0 : Math.round(prompt * w.cacheRead);
      const usage: MessagesUsage = { input_tokens: prompt - cacheRead, cache_creation_input_tokens: n === 0 ? 0 : null, cache_read_input_tokens: cacheRead, output_tokens: between(w.output) };
      const latency = between(w.latencyMs);
      // The gateway cannot know the cache hit before the answer: it estimates the whole prompt and max_tokens.
      const estimate: Demand = { inputTokens: prompt, outputTokens: w.maxTokens };
      let held: string | undefined;
      const { ticket, waitedMs } = await queue.acquire(laneScopes, estimate, { onWait: (wait) => (held = `${wait.scope.startsWith('key') ? 'key' : 'worker'} ${wait.limit}`) });
      if (clock.now() > horizon) return;
      const actual = actualDemand(usage);
      const u = used[wi]!;
      u.requests++;
      u.inputTokens += actual.inputTokens;
      u.outputTokens += actual.outputTokens;
      u.waits.push(waitedMs);
      if (held !== undefined) u.waitedOn[held] = (u.waitedOn[held] ?? 0) + 1;
      await later(latency);
      queue.settle(ticket, actual);
    }
  };
  const lanes = workers.flatMap((w, wi) => Array.from({ length: w.lanes }, (_, li) => lane(wi, li)));
  const done = Promise.all(lanes);
  await clock.runAll();
  await done;

  const perMinutes = (total: number, perMinute: number) => total / (perMinute * minutes);
  const sum = (f: (u: (typeof used)[number]) => number) => used.reduce((a, u) => a + f(u), 0);
  const admittedFor: Record<keyof Limits, (u: (typeof used)[number]) => number> = {
    requestsPerMinute: (u) => u.requests,
    tokensPerMinute: (u) => u.inputTokens + u.outputTokens,
    inputTokensPerMinute: (u) => u.inputTokens,
    outputTokensPerMinute: (u) => u.outputTokens,
  };
  return {
    mode,
    keyUtilisation: Object.fromEntries(Object.entries(keyLimits).map(([k, rate]) => [k, perMinutes(sum(admittedFor[k as LimitKey]), rate)])) as Record<LimitKey, number>,
    workers: workers.map((w, wi) => {
      const u = used[wi]!;
      const own = Object.entries(w.limits).map(([k, rate]) => [k, perMinutes(admittedFor[k as keyof Limits](u), rate)]);
      return { name: w.name, requests: u.requests, inputTokens: u.inputTokens, outputTokens: u.outputTokens, waitP50Ms: quantile(u.waits, 0.5), waitP95Ms: quantile(u.waits, 0.95), ownUtilisation: Object.fromEntries(own), waitedOn: u.waitedOn };
    }),
  };
}

/** `reserve()` on a key and a worker (four buckets) that always admit, and that always refuse, against one bucket's bare `take`. */
function measureReserve(options: BenchOptions) {
  const n = 100_000;
  const demand: Demand = { inputTokens: 1_200, outputTokens: 1_024 };
  const scopes = [key, 'worker marie'];
  const roomy = new RateLimiter({ [key]: { requestsPerMinute: 1e15, inputTokensPerMinute: 1e15, outputTokensPerMinute: 1e15 }, 'worker marie': { inputTokensPerMinute: 1e15 } });
  const full = new RateLimiter({ [key]: { requestsPerMinute: 1, inputTokensPerMinute: 1_000, outputTokensPerMinute: 1_000 }, 'worker marie': { inputTokensPerMinute: 1_000 } });
  full.reserve(scopes, demand, 0);
  const bucket = new TokenBucket(1e15);
  let t = 0;
  const ops = {
    'TokenBucket.take (baseline)': () => {
      for (let i = 0; i < n; i++) bucket.take(1, t++);
    },
    'reserve(), admitted': () => {
      for (let i = 0; i < n; i++) roomy.reserve(scopes, demand, t++);
    },
    'reserve(), refused': () => {
      for (let i = 0; i < n; i++) full.reserve(scopes, demand, 1);
    },
  };
  const timing = timeInterleaved(ops, { warmup: 3, budgetMs: options.quick ? 1_000 : 6_000, min: 5, max: 60 });
  const opsPerSecond = (name: keyof typeof ops) => n / (timing[name]!.cpu.median / 1000);
  const baseline = opsPerSecond('TokenBucket.take (baseline)');
  return {
    iterations: n,
    timing,
    opsPerSecond: Object.fromEntries(Object.keys(ops).map((k) => [k, opsPerSecond(k as keyof typeof ops)])),
    /** Ops/s over the bare take's: the share of a single bucket's speed that reserve() keeps. */
    vsTake: { admitted: opsPerSecond('reserve(), admitted') / baseline, refused: opsPerSecond('reserve(), refused') / baseline },
  };
}

function print(report: { sims: SimResult[]; keyRatio: Record<LimitKey, number>; throughput: ReturnType<typeof measureReserve>; machine: Record<string, unknown>; config: { virtualMinutes: number } }): void {
  const m = report.machine as { node: string; cpus: number; cpuModel: string; loadAverage: number[] };
  const pct = (x: number | undefined) => (x === undefined ? '–' : `${(x * 100).toFixed(1)}%`);
  const [shared, split] = report.sims as [SimResult, SimResult];
  log(`\n== limiter (${m.node}, ${m.cpus}× ${m.cpuModel}, load average ${m.loadAverage[0]}) ==`);
  log(`${workers.length} workers on ${key}, ${report.config.virtualMinutes} virtual minutes, oversubscribed. Utilisation = admitted, as the answers used it, / (rate × time);`);
  log(`the buckets start full, so the most any limit can reach is ${pct(1 + 1 / report.config.virtualMinutes)}.\n`);
  log('Key limits');
  log(table(['limit', 'rate', 'shared', 'static split', 'shared / split'], (Object.keys(keyLimits) as LimitKey[]).map((k) => [limitLabel[k], String(keyLimits[k]), pct(shared.keyUtilisation[k]), pct(split.keyUtilisation[k]), ratio(report.keyRatio[k])])));
  log('\nPer worker (wait = acquire to admission, virtual seconds; own = the worker\'s own limits; last held by = the bucket onWait named last, per wait)');
  log(
    table(
      ['worker', 'mode', 'requests', 'input tokens', 'output tokens', 'wait p50 s', 'wait p95 s', 'own limits', 'last held by'],
      report.sims.flatMap((s) =>
        s.workers.map((w) => [w.name, s.mode, String(w.requests), String(w.inputTokens), String(w.outputTokens), (w.waitP50Ms / 1000).toFixed(1), (w.waitP95Ms / 1000).toFixed(1), Object.entries(w.ownUtilisation).map(([k, v]) => `${limitLabel[k as keyof Limits]} ${pct(v)}`).join(', ') || '–', Object.entries(w.waitedOn).map(([b, n]) => `${b} ${n}`).join(', ') || '–']),
      ),
    ),
  );
  const t = report.throughput;
  log(`\nreserve() throughput (${t.iterations.toLocaleString('en')} calls a run; CPU medians)`);
  log(table(['operation', 'ops/s', 'CPU ms', 'wall ms', 'vs take'], Object.entries(t.opsPerSecond).map(([name, ops]) => [name, Math.round(ops).toLocaleString('en'), ms(t.timing[name]!.cpu.median), ms(t.timing[name]!.wall.median), ratio(ops / t.opsPerSecond['TokenBucket.take (baseline)']!)])));
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** mulberry32: a small seeded PRNG, so every run simulates the same traffic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

function log(line: string): void {
  process.stdout.write(line + '\n');
}
