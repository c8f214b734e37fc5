/**
 * Prompt caching across the tasks of a worker: each shipped workflow with authored answers runs
 * through the real runner, worker processes and Claude Code CLI against the stand-in, whose
 * prompt cache follows the API's rules (minimum length, lookback, lifetime). From the run's
 * results it reports, per worker, the share of input tokens read from the cache over every
 * task after the worker's first, and over all its tasks.
 *
 * Baseline, in the same run: the same workflow with each task's note put back at the end of the
 * system prompt (where swarm wrote it before), so the system prompt differs per task.
 * Target: at least 80% read from the cache after each worker's first task.
 */
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { copyProject } from '../scripts/project-copy.ts';
import { compile } from '../src/compiler/compile.ts';
import { nodeHost } from '../src/compiler/node-host.ts';
import type { Plan } from '../src/compiler/plan-schema.ts';
import { authoredResponders, responderFor } from '../src/model-server/authored/index.ts';
import { startModelServer } from '../src/model-server/server.ts';
import { resolveInputs } from '../src/runtime/render-template.ts';
import { runWorkflow } from '../src/runner/run-workflow.ts';
import { cacheShares, firstRequestShares, type Share, type TaskSpend, type WorkerShare } from './fixtures/cache-share.ts';
import { startPerTaskSystemProxy } from './fixtures/per-task-system-proxy.ts';
import { machineInfo, ratio, table, writeResults, type Benchmark, type BenchOptions } from './lib.ts';

const target = 0.8;
type Variant = 'stable' | 'per-task-system';

export const cacheBenchmark: Benchmark = {
  name: 'cache',
  description: 'input tokens read from the prompt cache per worker, shipped workflows through the real CLI',
  run,
};

interface VariantRun {
  workflow: string;
  variant: Variant;
  status: string;
  /** Opening requests: each task's first request, the one a previous task's cache can serve. */
  workers: (WorkerShare & { firstRequests: Share; models: Record<string, string> })[];
  /** Whether every task's usage in the results equals the sum of what the server reported for its requests. */
  resultsMatchServer: boolean;
}

async function run(options: BenchOptions): Promise<void> {
  const machine = machineInfo();
  const workflows = Object.keys(authoredResponders).slice(0, options.quick ? 1 : undefined);
  const runs: VariantRun[] = [];
  for (const workflow of workflows) {
    for (const variant of ['stable', 'per-task-system'] as const) {
      const r = await runVariant(workflow, variant);
      runs.push(r);
      process.stdout.write(`${workflow} (${variant}): ${r.status}${r.resultsMatchServer ? '' : ', results differ from the server'}\n`);
    }
  }
  const rows = workflows.flatMap((workflow) => {
    const stable = runs.find((r) => r.workflow === workflow && r.variant === 'stable')!;
    const base = runs.find((r) => r.workflow === workflow && r.variant === 'per-task-system')!;
    return stable.workers.map((w) => {
      const b = base.workers.find((x) => x.worker === w.worker)!;
      return {
        workflow,
        worker: w.worker,
        tasks: w.tasks.length,
        afterFirst: w.tasks.length > 1 ? w.afterFirst.share : undefined,
        baselineAfterFirst: b.tasks.length > 1 ? b.afterFirst.share : undefined,
        openingAfterFirst: w.tasks.length > 1 ? w.firstRequests.share : undefined,
        baselineOpeningAfterFirst: b.tasks.length > 1 ? b.firstRequests.share : undefined,
        all: w.all.share,
        baselineAll: b.all.share,
      };
    });
  });
  const pct = (n: number | undefined) => (n === undefined ? '–' : `${(n * 100).toFixed(1)}%`);
  const times = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '–' : ratio(a / b));
  process.stdout.write(
    '\n' +
      table(
        ['workflow / worker', 'tasks', 'after 1st', 'baseline', 'ratio', 'opening req.', 'baseline', 'ratio', 'all tasks', 'baseline', 'ratio', `≥ ${pct(target)}`],
        rows.map((r) => [
          `${r.workflow} / ${r.worker}`,
          String(r.tasks),
          pct(r.afterFirst),
          pct(r.baselineAfterFirst),
          times(r.afterFirst, r.baselineAfterFirst),
          pct(r.openingAfterFirst),
          pct(r.baselineOpeningAfterFirst),
          times(r.openingAfterFirst, r.baselineOpeningAfterFirst),
          pct(r.all),
          pct(r.baselineAll),
          times(r.all, r.baselineAll),
          r.afterFirst === undefined ? '–' : r.afterFirst >= target ? 'yes' : 'NO',
        ]),
      ) +
      '\n',
  );
  // The API caches per model: a task on another model than the worker's others starts cold.
  for (const r of runs.filter((x) => x.variant === 'stable')) {
    for (const w of r.workers) {
      const models = new Set(Object.values(w.models));
      if (models.size > 1) process.stdout.write(`${r.workflow} / ${w.worker}: tasks on ${[...models].join(' and ')} (${Object.entries(w.models).map(([t, m]) => `${t} ${m}`).join(', ')}); each model has a cache of its own\n`);
    }
  }
  const report = {
    benchmark: 'cache',
    machine: { ...machine, loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100) },
    config: {
      quick: options.quick,
      target,
      share: 'cache_read_input_tokens / (input_tokens + cache_creation_input_tokens + cache_read_input_tokens), summed over the tasks, from the run results (sub-agents included)',
      baseline: "the same run with each task's <swarm-task> note also appended to the system prompt's last block, as swarm sent it before",
      cli: 'Claude Code 2.1.197 (node_modules/.bin/claude)',
    },
    rows,
    runs,
  };
  process.stdout.write(`\nwrote ${relative(process.cwd(), writeResults('cache', report))}\n`);
}

async function runVariant(workflow: string, variant: Variant): Promise<VariantRun> {
  const copy = copyProject(`swarm-bench-cache-${workflow}-`, { cassettes: false });
  const workflowFile = join(copy, 'workflows', `${workflow}.swarm`);
  const plan = compile(readFileSync(workflowFile, 'utf8'), workflowFile, nodeHost).plan;
  if (!plan) throw new Error(`${workflowFile} does not compile`);
  const inputs = resolveInputs(plan, {});
  if (!inputs.ok) throw new Error(inputs.problems.join('\n'));
  const server = await startModelServer({ respond: responderFor(plan) });
  const proxy = variant === 'per-task-system' ? await startPerTaskSystemProxy(server.url) : undefined;
  const starts: string[] = [];
  try {
    const keys = Object.fromEntries(plan.workers.flatMap((w) => (w.apiKeyEnv ? [[w.apiKeyEnv, 'sk-bench-cache']] : [])));
    const outcome = await runWorkflow({
      plan,
      workflowFile,
      inputs: inputs.values,
      runsDir: join(copy, 'runs'),
      runId: `cache-${variant}`,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ANTHROPIC_BASE_URL: proxy?.url ?? server.url, ANTHROPIC_API_KEY: 'sk-bench-cache', ...keys },
      onEvent: (e) => {
        if (e.type === 'task:start' && !starts.includes(e.task)) starts.push(e.task);
      },
    });
    const openings = firstRequests(server.messages());
    // Tasks side by side start together; the one whose first request the server saw first is the one that wrote the cache.
    const arrival = [...openings.keys()];
    const order = (task: string) => (arrival.includes(task) ? arrival.indexOf(task) : arrival.length + starts.indexOf(task));
    const spends: TaskSpend[] = [...outcome.results].map(([task, result]) => ({ task, worker: workerOf(plan, task), started: order(task), usage: result.usage }));
    const shares = cacheShares(spends);
    const firsts = firstRequestShares(shares, openings);
    const workers = shares.map((w) => ({ ...w, firstRequests: firsts.get(w.worker)!, models: Object.fromEntries(w.tasks.map((t) => [t, modelOf(plan, t)])) }));
    return { workflow, variant, status: outcome.status, workers, resultsMatchServer: spends.every((s) => sameInput(s.usage, serverUsage(server.messages(), s.task))) };
  } finally {
    await proxy?.close();
    await server.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

function workerOf(plan: Plan, task: string): string {
  const node = plan.nodes.find((n) => n.id === task);
  return node?.kind === 'task' ? node.worker : '?';
}

function modelOf(plan: Plan, task: string): string {
  return plan.nodes.find((n) => n.id === task)?.model ?? '?';
}

type Counts = TaskSpend['usage'];

function serverUsage(requests: { headers: Record<string, unknown>; usage?: Counts }[], task: string): Counts {
  const sum: Counts = { input_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  for (const r of requests) {
    if (r.headers['x-swarm-task'] !== task || !r.usage) continue;
    sum.input_tokens += r.usage.input_tokens;
    sum.cache_creation_input_tokens += r.usage.cache_creation_input_tokens;
    sum.cache_read_input_tokens += r.usage.cache_read_input_tokens;
  }
  return sum;
}

/** Each task's opening request (main thread, first attempt, first turn), by task: where a cross-task hit shows. */
function firstRequests(requests: { headers: Record<string, unknown>; subagent?: boolean; body: unknown; usage?: Counts }[]): Map<string, Counts> {
  const found = new Map<string, Counts>();
  for (const r of requests) {
    const task = r.headers['x-swarm-task'];
    const messages = (r.body as { messages?: { role?: string }[] } | undefined)?.messages ?? [];
    if (typeof task !== 'string' || r.subagent || r.headers['x-swarm-attempt'] !== '1' || !r.usage || messages.some((m) => m.role === 'assistant')) continue;
    if (!found.has(task)) found.set(task, r.usage);
  }
  return found;
}

function sameInput(a: Counts, b: Counts): boolean {
  return a.input_tokens === b.input_tokens && a.cache_creation_input_tokens === b.cache_creation_input_tokens && a.cache_read_input_tokens === b.cache_read_input_tokens;
}
