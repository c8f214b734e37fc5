import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Plan, PlanNode } from '../compiler/plan-schema.ts';
import { FileQueue } from '../queue/file-queue.ts';
import { planIdOf } from '../queue/protocol.ts';
import { isoAt, RunEmitter, type InputValues, type RunEvent, type RunStatus, type TaskResult } from '../runtime/events.ts';
import { Journal, journalPath } from '../runtime/journal.ts';
import { replay } from '../runtime/replay.ts';
import { status, type RunStatusReport } from '../runtime/run-status.ts';
import { createScheduler, type Scheduler } from '../runtime/scheduler.ts';
import { startRunGateway } from './run-gateway.ts';
import { startRunnerNode, type Approver } from './runner-nodes.ts';
import type { DispatchedTask } from '../runtime/task-state.ts';
import { estimatePlan, expectedTaskCost } from '../cost/estimate.ts';
import { loadHistory } from '../cost/history.ts';
import type { Executor, WorkerProcess } from '../worker/executor.ts';
import { localExecutor } from '../worker/local-executor.ts';
import { claudeHome } from '../worker/run-task.ts';
import { dispatchTasks, settleResult } from './dispatch.ts';
import { readRunFiles, writeRunFiles } from './run-files.ts';
import { Wakeup } from './wakeup.ts';
import { startModel, type ModelChoice } from './model-source.ts';
import { apiKeyFor, workerEnv } from './worker-env.ts';

export interface RunWorkflowOptions {
  plan: Plan;
  /** The workflow file, absolute: paths in the plan are relative to its directory. */
  workflowFile: string;
  inputs: InputValues;
  /** Where run directories go, e.g. `.swarm/runs` beside the workflow. */
  runsDir: string;
  /** Continue this run instead of starting one. */
  resume?: string;
  /** The new run's id, instead of a timestamp and random suffix; it must not exist yet. */
  runId?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** @default localExecutor() */
  executor?: Executor;
  /**
   * How long a claim lives without renewal: a worker that dies mid-task loses its task this
   * long after its last renewal.
   * @default 30000
   */
  leaseMs?: number;
  /** Extra `swarm worker` arguments, such as `--claude PATH`. */
  workerArgs?: string[];
  /** Ctrl-C: stop the workers cleanly and end the run as `interrupted`. */
  signal?: AbortSignal;
  /** Every run event, as it is journaled. */
  onEvent?: (event: RunEvent) => void;
  /** Things a person should read that are not run events: quarantined files, worker restarts. */
  onNotice?: (message: string) => void;
  /** Scheduler knobs for tests: a jitter source, backoff lengths. */
  scheduler?: Pick<Parameters<typeof createScheduler>[1], 'random' | 'backoff' | 'rateLimitBackoff'>;
  /** Where the model's answers come from (see `chooseModel`). @default live: the API in `env` */
  model?: ModelChoice;
  /** The run's budget in dollars, over the workflow's `budget`: `--budget`. A resume may raise it. */
  budgetUsd?: number;
  /**
   * Asked before a decompose node with `approve = true` splices its plan in; without it such a
   * plan is rejected, so nothing a person was meant to see runs unseen.
   */
  approve?: Approver;
  /** What one attempt of a task is expected to cost, checked against its budgets before dispatch. */
  estimateUsd?: (node: PlanNode) => number;
}

export interface RunOutcome {
  runId: string;
  runDir: string;
  status: RunStatus;
  report: RunStatusReport;
  /** Every artifact of every done task, absolute. */
  artifacts: string[];
  /** What each done task reported, by task id. */
  results: ReadonlyMap<string, TaskResult>;
}

/** A run that cannot start: the message says why, and nothing was run. */
export class RunStartError extends Error {
  override name = 'RunStartError';
}

const maxRestarts = 5;

/**
 * Runs a plan to the end: one worker process per worker, tasks fed to the queue in
 * dependency order, results read back, every state change journaled before it is acted on.
 */
export async function runWorkflow(options: RunWorkflowOptions): Promise<RunOutcome> {
  if (options.model === undefined || options.model.mode === 'live') return runPlan(options);
  // The recorder and the replay server need the run's directory, so its id is settled here.
  const runId = options.resume ?? options.runId ?? newRunId();
  const model = await startModel(options.model, { plan: options.plan, runDir: join(options.runsDir, runId), baseDir: dirname(options.workflowFile), env: options.env });
  if (model.notice) options.onNotice?.(model.notice);
  try {
    return await runPlan({ ...options, env: model.env, ...(options.resume === undefined && { runId }) });
  } finally {
    await model.close();
  }
}

async function runPlan(options: RunWorkflowOptions): Promise<RunOutcome> {
  const { plan } = options;
  const keys = new Map(plan.workers.map((w) => [w.name, apiKeyFor(w.apiKeyEnv, options.env)]));
  const missing = [...keys].filter(([, k]) => k.problem).map(([w, k]) => `worker \`${w}\`: ${k.problem}`);
  if (missing.length > 0) throw new RunStartError(missing.join('\n'));

  const emitter = new RunEmitter();
  // Notices go to the caller and into the run's own log, so they outlive the terminal.
  const notice = (message: string) => {
    options.onNotice?.(message);
    try {
      mkdirSync(join(runDir, 'logs'), { recursive: true });
      appendFileSync(join(runDir, 'logs', 'runner.log'), `${new Date().toISOString()} ${message}\n`);
    } catch {
      // The log is a convenience; the journal is the record.
    }
  };
  const now = () => Date.now();
  const runId = options.resume ?? options.runId ?? newRunId();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(runId)) throw new RunStartError(`Expected a run id of letters, digits, \`.\`, \`_\` and \`-\`, got \`${runId}\``);
  const runDir = join(options.runsDir, runId);
  let scheduler: Scheduler;
  let journal: Journal;
  const estimateUsd = options.estimateUsd ?? budgetEstimate(plan, options);
  const schedulerOptions = {
    ...options.scheduler,
    runDir,
    emitter,
    ...(options.budgetUsd !== undefined && { budgetUsd: options.budgetUsd }),
    ...(estimateUsd !== undefined && { estimateUsd }),
  };
  if (options.resume !== undefined) {
    const existing = readRunFiles(runDir);
    const resumed = Journal.resume(journalPath(runDir));
    for (const warning of resumed.warnings) notice(warning);
    journal = resumed.journal;
    journal.listen(emitter);
    if (options.onEvent) emitter.onAny(options.onEvent);
    ({ scheduler } = replay(existing.plan, resumed.events, { ...schedulerOptions, now: now() }));
  } else {
    mkdirSync(runDir, { recursive: true });
    // The journal first: creating it fails on an existing run, before anything of it is overwritten.
    journal = Journal.create(journalPath(runDir));
    await writeRunFiles(runDir, plan, { run_id: runId, workflow_file: options.workflowFile, base_dir: dirname(options.workflowFile), inputs: options.inputs, created_at: isoAt(now()) });
    journal.listen(emitter);
    if (options.onEvent) emitter.onAny(options.onEvent);
    scheduler = createScheduler(plan, { ...schedulerOptions, inputs: options.inputs });
    scheduler.begin(now(), runId);
  }

  // Every API call of every worker goes through the run's gateway: limits, backoff, budgets, the usage ledger.
  const gateway = await startRunGateway({
    plan,
    runDir,
    upstream: options.env['ANTHROPIC_BASE_URL'] ?? 'https://api.anthropic.com',
    keys: new Map([...keys].map(([w, k]) => [w, k.key])),
    ...(options.env['ANTHROPIC_API_KEY'] !== undefined && { runnerKey: options.env['ANTHROPIC_API_KEY'] }),
    scheduler: () => scheduler,
    emitter,
    inputs: scheduler.inputs,
    onNotice: notice,
  });
  const env = { ...options.env, ANTHROPIC_BASE_URL: gateway.url };
  const wakeup = new Wakeup();
  const queue = new FileQueue(runDir, { onQuarantine: ({ path, reason }) => notice(`quarantined ${path}: ${reason}`) });
  const inbox: Parameters<typeof settleResult>[1][] = [];
  const results = await queue.watchResults((result) => {
    inbox.push(result);
    wakeup.wake();
  });
  const executor = options.executor ?? localExecutor();
  // A worker without a network reaches the gateway through a socket of its own. Socket paths
  // are short (108 bytes at most), so they live in a temporary directory, not the run's.
  const socketDir = executor.needsGatewaySocket ? mkdtempSync(join(tmpdir(), 'swarm-gw-')) : undefined;
  const sockets = new Map<string, string>();
  if (socketDir !== undefined) {
    for (const w of plan.workers) {
      const path = join(socketDir, `${w.name}.sock`);
      await gateway.listenSocket(path);
      sockets.set(w.name, path);
    }
  }
  const leaseMs = options.leaseMs ?? 30_000;
  const workers = new Map<string, WorkerProcess>();
  const restarts = new Map<string, number>();
  let stopping = false;
  let fatal: Error | undefined;
  const start = (worker: string) => {
    const proc = executor.start({
      worker,
      runDir,
      env: workerEnv(env, keys.get(worker)!.key),
      logFile: join(runDir, 'logs', `${worker}.log`),
      ...(sockets.has(worker) && { gatewaySocket: sockets.get(worker)! }),
      args: ['--lease', String(leaseMs), ...(options.workerArgs ?? [])],
    });
    proc.onMessage((m) => {
      // A task written into the queue by hand is the worker's to run, not the plan's to track.
      // The running plan, with spliced tasks: a task written into the queue by hand is the worker's own.
      const id = m.type === 'task:claimed' ? planIdOf(m.task) : undefined;
      if (m.type === 'task:claimed' && scheduler.plan.nodes.some((n) => n.id === id)) scheduler.started(id!, { now: m.at, attempt: m.attempt, owner: m.owner });
      if (m.type === 'notice') notice(`worker ${worker}: ${m.message}`);
    });
    void proc.exited.then((exit) => {
      if (stopping) return;
      const count = (restarts.get(worker) ?? 0) + 1;
      restarts.set(worker, count);
      const how = exit.signal ? `killed by ${exit.signal}` : `exited ${exit.code}`;
      if (count > maxRestarts) {
        fatal = new Error(`worker \`${worker}\` ${how} ${count} times; see ${join(runDir, 'logs', `${worker}.log`)}`);
      } else {
        notice(`worker ${worker} ${how}; restarting it (${count} of ${maxRestarts})`);
        workers.set(worker, start(worker));
      }
      wakeup.wake();
    });
    return proc;
  };
  for (const w of plan.workers) workers.set(w.name, start(w.name));

  // Lapsed leases are looked for at a third of the lease: a dead worker's task goes out again soon after.
  const reclaimEvery = Math.max(50, Math.floor(leaseMs / 3));
  let nextReclaim = 0;
  const reclaim = setInterval(() => wakeup.wake(), reclaimEvery);
  const onAbort = () => wakeup.wake();
  options.signal?.addEventListener('abort', onAbort);
  let outcome: RunStatus = 'failed';
  const unsent: Parameters<typeof dispatchTasks>[2] = [];
  // Decompose and synthesize nodes run here; their reports wait for the loop, like result files.
  const runnerReports: ((now: number) => void)[] = [];
  const nodeSignal = new AbortController();
  const runnerNode = (d: DispatchedTask) =>
    startRunnerNode(d, {
      plan: () => scheduler.plan,
      scheduler: () => scheduler,
      runDir,
      inputs: scheduler.inputs,
      baseUrl: gateway.url,
      apiKey: options.env['ANTHROPIC_API_KEY'],
      allowedRoots: plan.workers.flatMap((w) => (w.workspace === undefined ? [] : [resolve(dirname(options.workflowFile), w.workspace)])),
      approve: options.approve ?? (async () => false),
      settle: (apply) => {
        runnerReports.push(apply);
        wakeup.wake();
      },
      onNotice: notice,
      signal: nodeSignal.signal,
    });
  try {
    for (;;) {
      if (options.signal?.aborted) {
        outcome = 'interrupted';
        break;
      }
      if (fatal) throw fatal;
      for (const result of inbox.splice(0)) await settleResult(scheduler, result, queue, now(), gateway.budgetStop);
      for (const apply of runnerReports.splice(0)) apply(now());
      // Claims are re-read only on the reclaim tick: every pass would cost a scan per result.
      const due = now() >= nextReclaim;
      if (due) nextReclaim = now() + reclaimEvery;
      for (const r of due ? await queue.reclaimExpired(now()) : []) {
        notice(`${r.taskId}: the lease of ${r.owner ?? 'its worker'} lapsed; queued again`);
        scheduler.requeue(planIdOf(r.taskId), { now: now(), reason: r.reason === 'lease-expired' ? 'lease lapsed' : 'claim without lease' });
      }
      await dispatchTasks(scheduler, queue, unsent, now(), runId, runnerNode);
      if (scheduler.isFinished()) {
        const finished = scheduler.summary().outcome;
        outcome = finished === 'running' ? 'failed' : finished;
        break;
      }
      const wakeAt = scheduler.nextWakeAt();
      // A task file still held by a finished claim is retried shortly; nothing else polls.
      const delay = unsent.length > 0 ? 50 : wakeAt === undefined ? undefined : Math.max(0, wakeAt - now());
      await wakeup.wait(delay);
    }
  } finally {
    clearInterval(reclaim);
    options.signal?.removeEventListener('abort', onAbort);
    stopping = true;
    nodeSignal.abort(new Error('the run is stopping'));
    await Promise.all([...workers.values()].map((w) => w.stop()));
    await results.close();
    // Results that landed while the workers stopped are not lost: settle them before the end.
    for (const result of inbox.splice(0)) await settleResult(scheduler, result, queue, now(), gateway.budgetStop);
    await queue.close();
    await executor.cleanup?.(runId).catch((error: unknown) => notice(`could not remove the run's containers: ${(error as Error).message}`));
    await gateway.close();
    if (socketDir !== undefined) rmSync(socketDir, { recursive: true, force: true });
    if (outcome === 'interrupted' || fatal === undefined) scheduler.end(now(), outcome);
    journal.close();
    // The CLI's config directories hold its session state; they go with the workers.
    for (const w of plan.workers) rmSync(claudeHome(runId, w.name), { recursive: true, force: true });
  }
  const events = Journal.resume(journalPath(runDir));
  events.journal.close();
  const report = status(plan, events.events);
  const done = scheduler.results();
  const artifacts = [...done.values()].flatMap((r) => r.artifacts);
  return { runId, runDir, status: outcome, report, artifacts, results: done };
}

/**
 * Where budgets apply, what each task is expected to cost: from earlier runs in the same runs
 * directory when there are any, else from its prompt sizes (see `estimatePlan`).
 */
function budgetEstimate(plan: Plan, options: RunWorkflowOptions): ((node: PlanNode) => number) | undefined {
  const budgeted =
    options.budgetUsd !== undefined || plan.budgetUsd !== undefined || plan.workers.some((w) => w.budgetUsd !== undefined) || plan.nodes.some((n) => n.kind === 'task' && n.budgetUsd !== undefined);
  if (!budgeted) return undefined;
  const estimate = estimatePlan(plan, loadHistory(options.runsDir), { inputs: options.inputs });
  // A task spliced in by a decompose node is not in the estimate: its plan was checked against its budget.
  const known = new Set(estimate.tasks.map((t) => t.id));
  return (node) => (known.has(node.id) ? expectedTaskCost(estimate, node.id) : 0);
}

function newRunId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
