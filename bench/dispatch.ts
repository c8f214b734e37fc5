/**
 * Dispatch overhead: 1,000 tasks across 3 workers (`parallel = 4`) through the real runner,
 * worker processes and file queue, with an agent that answers at once, against the cost of
 * spawning that agent with no queue at all.
 *
 * Targets (from the issue): at least 500 tasks/s, and a median of at most 10 ms from a task
 * becoming ready (`task:queued`) to its result being recorded (`task:done`).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Executor } from '../src/worker/executor.ts';
import { runClaude } from '../src/worker/claude-run.ts';
import { nullExecutor } from './fixtures/null-worker.ts';
import { compileWorkflow, percentile, timedRun, treeCpuMs, type TimedRun } from './fixtures/timed-run.ts';
import { benchDir, machineInfo, ms, ratio, repoDir, table, writeResults, type Benchmark, type BenchOptions } from './lib.ts';

const workers = ['w1', 'w2', 'w3'];
const parallel = 4;
/** Tasks the runner keeps on the queue or running at once: the scheduler's cap. */
const inFlight = workers.length * parallel;
const target = { tasksPerSecond: 500, p50Ms: 10 };

type Agent = 'none' | 'sh' | 'node';
const standIns: Record<Exclude<Agent, 'none'>, string> = {
  sh: join(benchDir, 'fixtures', 'instant-claude.sh'),
  node: join(benchDir, 'fixtures', 'instant-claude.mjs'),
};
const agentLabel: Record<Agent, string> = { none: 'no agent (null worker)', sh: 'sh stand-in', node: 'node stand-in' };

export const dispatchBenchmark: Benchmark = {
  name: 'dispatch',
  description: '1,000 instant tasks through runner, workers and file queue vs bare spawns',
  run,
};

interface RunnerResult {
  name: string;
  agent: Agent;
  shape: 'mixed' | 'chain';
  tasks: number;
  wallMs: number;
  /** From `runWorkflow` being called to the first claim: worker processes starting. */
  startupMs: number;
  /** From every worker having claimed its first task to the last `task:done`, and the tasks done in it. */
  busyMs: number;
  tasksPerSecond: number;
  /** All tasks over the whole `runWorkflow` call, worker start and stop included. */
  wholeRunTasksPerSecond: number;
  latency: { p50: number; p99: number; max: number };
  /** Tasks queued once every worker had claimed its first: start-up waits left out. */
  steady: { tasks: number; p50: number; p99: number; mean: number; toWorkerP50: number; agentP50: number; backP50: number };
  /** CPU of every process per task done once the workers were up; and over the whole run, start-up included. */
  cpuMsPerTask: number;
  cpuMsPerTaskWithStartup: number;
  /** The runner's own process (this one) over the same stretch: CPU per task, and CPU over wall time. */
  runnerCpuMsPerTask: number;
  runnerBusy: number;
}

interface FloorResult {
  name: string;
  agent: Exclude<Agent, 'none'>;
  via: 'execa' | 'child_process';
  width: number;
  runs: number;
  wallMs: number;
  p50: number;
  p99: number;
  tasksPerSecond: number;
  cpuMsPerTask: number;
}

async function run(options: BenchOptions): Promise<void> {
  const machine = machineInfo();
  const tasks = options.sizes?.[0] ?? (options.quick ? 200 : 1_000);
  const chain = options.quick ? 30 : 100;
  const nodeTasks = options.quick ? 50 : 200;
  const dir = mkdtempSync(join(tmpdir(), 'swarm-bench-dispatch-'));
  // `#!/usr/bin/env node` in the Node stand-in finds the project's Node first.
  const env = { PATH: `${join(repoDir, 'node_modules', '.bin')}:${process.env['PATH'] ?? '/usr/bin:/bin'}`, ANTHROPIC_API_KEY: 'sk-bench-dispatch', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' };
  try {
    const floors: FloorResult[] = [];
    const runs: RunnerResult[] = [];
    const runner = async (agent: Agent, shape: 'mixed' | 'chain', count: number) => {
      const r = await runThroughRunner(dir, env, agent, shape, count);
      log(`  runner, ${agentLabel[agent]}, ${shape} ${count}: ${r.tasksPerSecond.toFixed(0)} tasks/s, p50 ${ms(r.steady.p50)} ms, p99 ${ms(r.steady.p99)} ms`);
      runs.push(r);
    };
    const floor = async (agent: Exclude<Agent, 'none'>, via: FloorResult['via'], width: number, count: number) => {
      const f = await spawnFloor(dir, env, agent, via, width, count);
      log(`  floor, ${f.name}: ${f.tasksPerSecond.toFixed(0)} spawns/s, p50 ${ms(f.p50)} ms`);
      floors.push(f);
    };
    log(`${tasks} tasks (${inFlight} in flight: ${workers.length} workers × parallel ${parallel}), chains of ${chain}, ${nodeTasks} with the Node stand-in`);
    await floor('sh', 'execa', 1, tasks);
    await floor('sh', 'execa', inFlight, tasks);
    await floor('sh', 'child_process', 1, tasks);
    await runner('sh', 'mixed', tasks);
    await runner('sh', 'chain', chain);
    await runner('none', 'mixed', tasks);
    await runner('none', 'chain', chain);
    await floor('node', 'execa', 1, Math.min(nodeTasks, 100));
    await floor('node', 'execa', inFlight, nodeTasks);
    await runner('node', 'mixed', nodeTasks);

    const report = buildReport(runs, floors, options, { ...machine, loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100) });
    print(report);
    log(`\nwrote ${relative(process.cwd(), writeResults('dispatch', report))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `mixed`: 70% independent tasks, 30% in chains of three whose links sit on different
 * workers, every worker with `parallel = 4`. `chain`: one task after another, so only one is
 * ever in flight and nothing waits behind another task.
 */
export function dispatchWorkflow(tasks: number, shape: 'mixed' | 'chain'): string {
  const lines = ['workflow dispatch {'];
  for (const w of workers) lines.push(`  worker ${w} {`, `    parallel = ${parallel}`, '  }');
  for (let i = 0; i < tasks; i++) {
    const upstream = shape === 'chain' ? (i > 0 ? i - 1 : undefined) : i % 10 >= 8 ? i - 1 : undefined;
    lines.push(`  task t${i} {`, `    worker = ${workers[i % workers.length]}`);
    if (upstream !== undefined) lines.push(`    after  = [t${upstream}]`);
    lines.push(`    prompt = "Task ${i}."`, '  }');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

let runCount = 0;

async function runThroughRunner(dir: string, env: Record<string, string>, agent: Agent, shape: 'mixed' | 'chain', count: number): Promise<RunnerResult> {
  const name = `${agent}-${shape}-${count}-${++runCount}`;
  const file = join(dir, `${name}.swarm`);
  const plan = compileWorkflow(dispatchWorkflow(count, shape), file);
  const executor: Executor | undefined = agent === 'none' ? nullExecutor() : undefined;
  const run = await timedRun(plan, file, {
    env,
    runsDir: join(dir, 'runs'),
    runId: name,
    ...(executor ? { executor } : {}),
    ...(agent === 'none' ? {} : { workerArgs: ['--claude', standIns[agent]] }),
  });
  return summarise(name, agent, shape, run);
}

function summarise(name: string, agent: Agent, shape: 'mixed' | 'chain', run: TimedRun): RunnerResult {
  const t = run.tasks;
  const lastDone = Math.max(...t.map((x) => x.done));
  const firstClaim = Math.min(...t.map((x) => x.started));
  const steady = t.filter((x) => x.queued >= run.warm.at);
  const latency = t.map((x) => x.done - x.queued);
  const steadyLatency = steady.map((x) => x.done - x.queued);
  return {
    name,
    agent,
    shape,
    tasks: t.length,
    wallMs: run.returnedAt - run.calledAt,
    startupMs: firstClaim - run.calledAt,
    busyMs: lastDone - run.warm.at,
    tasksPerSecond: run.warm.tasksDone / ((lastDone - run.warm.at) / 1000),
    wholeRunTasksPerSecond: t.length / ((run.returnedAt - run.calledAt) / 1000),
    latency: { p50: percentile(latency, 0.5), p99: percentile(latency, 0.99), max: Math.max(...latency) },
    steady: {
      tasks: steady.length,
      p50: percentile(steadyLatency, 0.5),
      p99: percentile(steadyLatency, 0.99),
      mean: steadyLatency.reduce((a, b) => a + b, 0) / steadyLatency.length,
      toWorkerP50: percentile(steady.map((x) => x.started - x.queued), 0.5),
      agentP50: percentile(steady.map((x) => x.agentMs), 0.5),
      backP50: percentile(steady.map((x) => x.done - x.started - x.agentMs), 0.5),
    },
    cpuMsPerTask: run.warm.cpuMs / run.warm.tasksDone,
    cpuMsPerTaskWithStartup: run.cpuMs / t.length,
    runnerCpuMsPerTask: run.warm.runnerCpuMs / run.warm.tasksDone,
    runnerBusy: run.warm.runnerCpuMs / (lastDone - run.warm.at),
  };
}

/**
 * The floor under any runner: the same stand-in started `count` times from this process with
 * no queue, `width` at a time. `execa` is the worker's own `runClaude`; `child_process` is a
 * bare `spawn`, to show what execa adds.
 */
async function spawnFloor(dir: string, env: Record<string, string>, agent: Exclude<Agent, 'none'>, via: FloorResult['via'], width: number, count: number): Promise<FloorResult> {
  const command = standIns[agent];
  const home = join(dir, `home-${agent}`);
  mkdirSync(home, { recursive: true });
  const once = async () => {
    if (via === 'child_process') return bareSpawn(command, dir);
    const outcome = await runClaude({ prompt: 'Task 0.', model: 'sonnet' }, { cwd: dir, apiKey: env['ANTHROPIC_API_KEY'], env, home, claudePath: command, timeoutMs: 60_000 });
    if (!outcome.ok) throw new Error(`the ${agent} stand-in did not answer as the CLI does: ${outcome.message}`);
  };
  await once();
  const times: number[] = [];
  let next = 0;
  const cpuBefore = treeCpuMs();
  const start = performance.now();
  const lane = async () => {
    while (next < count) {
      next++;
      const t = performance.now();
      await once();
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  const wallMs = performance.now() - start;
  const cpuMs = treeCpuMs() - cpuBefore;
  const name = `${agent === 'sh' ? 'sh' : 'node'} stand-in, ${via === 'execa' ? 'runClaude (execa)' : 'bare child_process.spawn'}, ${width === 1 ? 'back to back' : `${width} at a time`}`;
  return { name, agent, via, width, runs: count, wallMs, p50: percentile(times, 0.5), p99: percentile(times, 0.99), tasksPerSecond: count / (wallMs / 1000), cpuMsPerTask: cpuMs / count };
}

function bareSpawn(command: string, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.resume();
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}

function buildReport(runs: RunnerResult[], floors: FloorResult[], options: BenchOptions, machine: Record<string, unknown>) {
  const find = (agent: Agent, shape: 'mixed' | 'chain') => runs.find((r) => r.agent === agent && r.shape === shape)!;
  const floor = (agent: 'sh' | 'node', via: FloorResult['via'], width: number) => floors.find((f) => f.agent === agent && f.via === via && f.width === width)!;
  const sh = find('sh', 'mixed');
  const none = find('none', 'mixed');
  const node = find('node', 'mixed');
  const ratios = {
    /** Runner throughput over the bare spawn rate at the same width: the share of the floor it reaches. */
    throughputVsSpawnFloor: { sh: sh.tasksPerSecond / floor('sh', 'execa', inFlight).tasksPerSecond, node: node.tasksPerSecond / floor('node', 'execa', inFlight).tasksPerSecond },
    /** One task at a time, ready to done, over one bare spawn: what the queue adds to a task nothing waits behind. */
    chainP50VsSpawnP50: find('sh', 'chain').steady.p50 / floor('sh', 'execa', 1).p50,
    /** CPU per task through the runner over CPU per bare spawn. */
    cpuVsSpawnFloor: { sh: sh.cpuMsPerTask / floor('sh', 'execa', inFlight).cpuMsPerTask, node: node.cpuMsPerTask / floor('node', 'execa', inFlight).cpuMsPerTask },
    /** The worker's runClaude (execa) over a bare spawn of the same script, back to back. */
    execaVsBareSpawn: floor('sh', 'execa', 1).p50 / floor('sh', 'child_process', 1).p50,
    /** Mean loaded latency over Little's law's in-flight / throughput: near 1 when the runner keeps its 12 in flight, so latency is set by throughput. */
    littleLaw: { sh: sh.steady.mean / ((inFlight / sh.tasksPerSecond) * 1000), none: none.steady.mean / ((inFlight / none.tasksPerSecond) * 1000) },
  };
  const targets = {
    tasksPerSecond: { target: `≥ ${target.tasksPerSecond} tasks/s (sh stand-in, mixed)`, sh: sh.tasksPerSecond, none: none.tasksPerSecond, met: sh.tasksPerSecond >= target.tasksPerSecond },
    p50: { target: `p50 ready→done ≤ ${target.p50Ms} ms (sh stand-in, mixed)`, sh: sh.steady.p50, none: none.steady.p50, chain: find('sh', 'chain').steady.p50, met: sh.steady.p50 <= target.p50Ms },
  };
  return {
    benchmark: 'dispatch',
    machine,
    config: {
      quick: options.quick,
      workers: workers.length,
      parallel,
      inFlight,
      standIns: Object.fromEntries(Object.entries(standIns).map(([k, v]) => [k, relative(repoDir, v)])),
      cpuMethod: '/proc/self/stat utime+stime+cutime+cstime: this process and every process it reaped (workers, their agents)',
      units: 'times in ms',
    },
    runs,
    floors,
    ratios,
    targets,
  };
}

function print(report: ReturnType<typeof buildReport>): void {
  const m = report.machine as { node: string; cpus: number; cpuModel: string; loadAverage: number[]; loadAverageAtEnd: number[] };
  log(`\n== dispatch: runner, worker processes and file queue with an instant agent (${m.node}, ${m.cpus}× ${m.cpuModel}, load average ${m.loadAverage[0]} at start, ${m.loadAverageAtEnd[0]} at end) ==`);
  log(`${report.config.workers} workers × parallel ${report.config.parallel}; latency = task:queued → task:done as the runner saw them, for tasks queued once every worker was up\n`);
  const label = (r: RunnerResult) => `${agentLabel[r.agent]}, ${r.shape}`;
  log('Through the runner (tasks/s = tasks done from the moment every worker was up to the last task:done; whole run = all tasks over the runWorkflow call)');
  log(
    table(
      ['run', 'tasks', 'wall s', 'start-up ms', 'tasks/s', 'whole run', 'p50 ms', 'p99 ms', 'max ms'],
      report.runs.map((r) => [label(r), String(r.tasks), (r.wallMs / 1000).toFixed(1), ms(r.startupMs), r.tasksPerSecond.toFixed(0), r.wholeRunTasksPerSecond.toFixed(0), ms(r.steady.p50), ms(r.steady.p99), ms(r.latency.max)]),
    ),
  );
  log(`\nCPU (all processes, per task done once every worker was up; with start-up = whole run over all tasks; CPU-bound = ${cpus().length} CPUs × 1000 / CPU ms per task,\nthe most this machine could do; runner = the runner process alone, per task and as CPU over wall time: near 100% it would be the bottleneck)`);
  log(
    table(
      ['run', 'CPU ms/task', 'with start-up', 'CPU-bound tasks/s', 'runner ms/task', 'runner busy'],
      report.runs.map((r) => [label(r), ms(r.cpuMsPerTask), ms(r.cpuMsPerTaskWithStartup), ((cpus().length * 1000) / r.cpuMsPerTask).toFixed(0), ms(r.runnerCpuMsPerTask), `${(r.runnerBusy * 100).toFixed(0)}%`]),
    ),
  );
  log('\nWhere a task\'s time goes (medians, ms): to worker = task:queued → task:start (runner writes the task file, the worker sees it, claims it, tells the runner); agent = the worker\'s execution_time; back = the rest (result file written, seen, journaled)');
  log(table(['run', 'to worker', 'agent', 'back', 'sum of medians', 'p50'], report.runs.map((r) => [label(r), ms(r.steady.toWorkerP50), ms(r.steady.agentP50), ms(r.steady.backP50), ms(r.steady.toWorkerP50 + r.steady.agentP50 + r.steady.backP50), ms(r.steady.p50)])));
  log('\nBaseline: the stand-in spawned from this process with no queue (spawns/s over the whole batch; p50/p99 of one spawn to exit)');
  log(table(['floor', 'spawns', 'spawns/s', 'p50 ms', 'p99 ms', 'CPU ms/spawn'], report.floors.map((f) => [f.name, String(f.runs), f.tasksPerSecond.toFixed(0), ms(f.p50), ms(f.p99), ms(f.cpuMsPerTask)])));
  const r = report.ratios;
  log('\nRatios');
  log(
    table(
      ['ratio', 'sh', 'node'],
      [
        [`runner tasks/s / spawn floor at ${inFlight} wide`, ratio(r.throughputVsSpawnFloor.sh), ratio(r.throughputVsSpawnFloor.node)],
        [`runner CPU per task / spawn floor's`, ratio(r.cpuVsSpawnFloor.sh), ratio(r.cpuVsSpawnFloor.node)],
        ['chain p50 / one bare spawn (back to back)', ratio(r.chainP50VsSpawnP50), '–'],
        ['runClaude (execa) p50 / bare spawn p50', ratio(r.execaVsBareSpawn), '–'],
        [`loaded mean latency / (${inFlight} in flight ÷ tasks/s)`, ratio(r.littleLaw.sh), '–'],
      ],
    ),
  );
  const t = report.targets;
  log(`\nTarget ${t.tasksPerSecond.target}: ${t.tasksPerSecond.sh.toFixed(0)} tasks/s (no agent: ${t.tasksPerSecond.none.toFixed(0)}) → ${t.tasksPerSecond.met ? 'MET' : 'NOT MET'}`);
  log(`Target ${t.p50.target}: ${ms(t.p50.sh)} ms (no agent: ${ms(t.p50.none)} ms; one at a time: ${ms(t.p50.chain)} ms) → ${t.p50.met ? 'MET' : 'NOT MET'}`);
}

function log(line: string): void {
  process.stdout.write(line + '\n');
}
