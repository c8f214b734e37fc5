import { dirname, join } from 'node:path';
import { z } from 'zod';
import { nodeFields, priorities } from '../compiler/known.ts';
import { estimatePlan } from '../cost/estimate.ts';
import { planEstimateSchema } from '../cost/estimate-schema.ts';
import { loadHistory, type History } from '../cost/history.ts';
import type { Plan, PlanNode, Template } from '../compiler/plan-schema.ts';
import { maskSecrets } from '../diagnostics/secrets.ts';
import { taskSchema } from '../queue/protocol.ts';
import type { InputValues } from '../runtime/events.ts';
import { compareRank } from '../runtime/ready-queue.ts';
import { renderTemplate, resolveInputs } from '../runtime/render-template.ts';
import { createScheduler, RunSetupError } from '../runtime/scheduler.ts';
import { taskHeaders } from '../cassette/exchange-key.ts';
import { claudeArgs, claudeSpecSchema } from '../worker/claude-args.ts';
import { claudeEnv, secretLike } from '../worker/claude-env.ts';
import { claudeHome, taskClaudeSpec, taskPlace } from '../worker/run-task.ts';
import { taskFileFor } from './dispatch.ts';
import type { ModelChoice } from './model-source.ts';
import type { RunInfo } from './run-files.ts';
import { workerEnv } from './worker-env.ts';

const inputValue = z.union([z.string(), z.number(), z.boolean()]);
const reference = z.object({ node: z.string(), field: z.enum(nodeFields) }).strict();

export const dryRunTaskSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['task', 'decompose', 'synthesize']),
    wave: z.number().int().min(1),
    worker: z.string().optional(),
    after: z.array(z.string()),
    priority: z.enum(priorities).optional(),
    timeout_seconds: z.number().positive().optional(),
    retries: z.number().int().min(0).optional(),
    /** Inputs filled in; each upstream field still to come is a placeholder (see `placeholder`). */
    prompt: z.string(),
    /** The upstream fields the prompt waits for. */
    awaits: z.array(reference),
    cwd: z.string().optional(),
    /** The `claude` binary, and the arguments a worker passes it: whole, never abbreviated. */
    command: z.string().optional(),
    argv: z.array(z.string()).optional(),
    /** What swarm sets or passes on to the CLI, keys as `<from VAR>`, never their values. */
    env: z.record(z.string(), z.string()).optional(),
    /** Other harmless variables the CLI inherits from the runner (locale, PATH, proxies), by name. */
    inherits: z.array(z.string()).optional(),
    /** Why this node would not run as shown. */
    problem: z.string().optional(),
  })
  .strict();

/** What `swarm run --dry-run` shows: the plan as a run would carry it out, with nothing started. */
export const dryRunSchema = z
  .object({
    type: z.literal('dry-run'),
    workflow: z.string(),
    file: z.string(),
    /** The run directory a run would make; `<run-id>` stands for an id not chosen yet. */
    run_dir: z.string(),
    inputs: z.array(z.object({ name: z.string(), value: inputValue, source: z.enum(['given', 'default']) }).strict()),
    model: z.object({ mode: z.enum(['live', 'record', 'replay']), cassette: z.string().optional() }).strict(),
    workers: z.array(z.object({ name: z.string(), model: z.string(), parallel: z.number().int().min(1), api_key_env: z.string(), api_key_set: z.boolean() }).strict()),
    /** Nodes by dependency depth: those of one wave can run together, within each worker's `parallel`. */
    waves: z.array(
      z.object({
        wave: z.number().int().min(1),
        nodes: z.array(z.string()),
        workers: z.array(z.object({ worker: z.string(), parallel: z.number().int().min(1), tasks: z.array(z.string()) }).strict()),
      }).strict(),
    ),
    tasks: z.array(dryRunTaskSchema),
    /** What the run is likely to cost, and which budgets it puts at risk (see `estimatePlan`). */
    cost: planEstimateSchema,
    /** What would stop the run from starting. */
    problems: z.array(z.string()),
  })
  .strict();

export type DryRun = z.infer<typeof dryRunSchema>;
export type DryRunTask = z.infer<typeof dryRunTaskSchema>;

export interface DryRunOptions {
  plan: Plan;
  /** The workflow file, absolute. */
  workflowFile: string;
  /** Inputs given on the command line; the plan's defaults fill the rest. */
  given: InputValues;
  runsDir: string;
  /** @default `<run-id>`, a visible stand-in */
  runId?: string;
  /** The runner's environment: only the names of its keys reach the result. */
  env: Readonly<Record<string, string | undefined>>;
  model: ModelChoice;
  claudePath: string;
  /** Earlier runs' spend, for the cost estimate. @default read from the journals in `runsDir` */
  history?: History;
}

/** How an upstream field the run has not produced yet appears in a prompt. */
export function placeholder(node: string, field: (typeof nodeFields)[number]): string {
  return `<${field} of ${node}>`;
}
export const placeholderPattern = new RegExp(`<(?:${nodeFields.join('|')}) of [A-Za-z0-9_/-]+>`, 'g');

/**
 * The plan of a run that is not started: waves, and per task the prompt, working directory,
 * environment and argv the worker would use, built by the worker's own code, and the cost
 * estimate (from the journals in `runsDir` unless `history` is given: the one read it does).
 * Keys appear as the names of their variables; any secret value found anywhere is masked.
 */
export function dryRun(options: DryRunOptions): { ok: true; dryRun: DryRun } | { ok: false; problems: string[] } {
  const { plan } = options;
  const inputs = resolveInputs(plan, options.given);
  if (!inputs.ok) return inputs;
  const runId = options.runId ?? '<run-id>';
  const info: RunInfo = { run_id: runId, workflow_file: options.workflowFile, base_dir: dirname(options.workflowFile), inputs: inputs.values, created_at: new Date(0).toISOString() };
  const context: Context = { ...options, info, runDir: join(options.runsDir, runId), env: environmentFor(options.env, options.model), nodes: new Map(plan.nodes.map((n) => [n.id, n])), waves: waves(plan) };
  const order = dispatchOrder(plan);
  const tasks = plan.order.map((id) => taskEntry(context, id)).sort((a, b) => a.wave - b.wave || order(a.id, b.id));
  const value: DryRun = {
    type: 'dry-run',
    workflow: plan.workflow.name,
    file: options.workflowFile,
    run_dir: context.runDir,
    inputs: plan.inputs.map((i) => ({ name: i.name, value: inputs.values[i.name]!, source: i.name in options.given ? ('given' as const) : ('default' as const) })),
    model: options.model.mode === 'live' ? { mode: 'live' } : { mode: options.model.mode, cassette: options.model.cassette },
    workers: plan.workers.map((w) => {
      const keyEnv = w.apiKeyEnv ?? 'ANTHROPIC_API_KEY';
      return { name: w.name, model: w.model, parallel: w.parallel, api_key_env: keyEnv, api_key_set: Boolean(options.env[keyEnv]) };
    }),
    waves: groupWaves(plan, tasks),
    tasks,
    cost: estimatePlan(plan, options.history ?? loadHistory(options.runsDir), { inputs: inputs.values }),
    problems: [...setupProblems(plan, inputs.values), ...tasks.flatMap((t) => (t.problem ? [`${t.id}: ${t.problem}`] : []))],
  };
  return { ok: true, dryRun: redact(value, redactor(options.env)) };
}

interface Context extends DryRunOptions {
  info: RunInfo;
  runDir: string;
  /** The runner's environment as the model source would change it. */
  env: Record<string, string | undefined>;
  nodes: Map<string, PlanNode>;
  waves: Map<string, number>;
}

/** One node as its worker would get it: the task file the runner writes, then the worker's own spec and environment. */
function taskEntry(context: Context, id: string): DryRunTask {
  const { plan, info, runDir } = context;
  const runId = info.run_id;
  const node = context.nodes.get(id)!;
  const prompt = renderTemplate(withPlaceholders(node.prompt), { inputs: info.inputs, results: new Map() });
  const base = { id, kind: node.kind, wave: context.waves.get(id)!, after: node.after, prompt, awaits: uniqueReads(node.prompt) };
  if (node.kind !== 'task') return base;
  const worker = plan.workers.find((w) => w.name === node.worker)!;
  const task = taskSchema.parse(taskFileFor({ task: id, worker: worker.name, attempt: 1, prompt, node, requeued: false }, runId, 0));
  const place = taskPlace(runDir, info, worker, task);
  const spec = claudeSpecSchema.safeParse(taskClaudeSpec(plan, info, worker, task, place));
  const key = context.model.mode === 'replay' ? '<stand-in: a replay needs no key>' : `<from ${worker.apiKeyEnv ?? 'ANTHROPIC_API_KEY'}>`;
  const processEnv = workerEnv(context.env, key);
  const cli = claudeEnv({ ...processEnv, ANTHROPIC_CUSTOM_HEADERS: taskHeaders(processEnv['ANTHROPIC_CUSTOM_HEADERS'], id, 1) }, { apiKey: processEnv['ANTHROPIC_API_KEY'], home: claudeHome(runId, worker.name) });
  // Locale, PATH and proxies are the runner's own and only named; what swarm sets or an Anthropic setting is shown.
  const shown = (name: string) => name === 'HOME' || name.startsWith('ANTHROPIC_') || name.startsWith('CLAUDE_');
  return {
    ...base,
    worker: worker.name,
    priority: node.priority,
    timeout_seconds: task.timeout,
    retries: node.retries,
    cwd: place.cwd,
    env: Object.fromEntries(Object.entries(cli).filter(([name]) => shown(name)).sort(([a], [b]) => a.localeCompare(b))),
    inherits: Object.keys(cli).filter((name) => !shown(name)).sort(),
    ...(spec.success
      ? { command: context.claudePath, argv: claudeArgs(spec.data) }
      : { problem: `the CLI would refuse this task: ${spec.error.issues.map((i) => `${i.path.join('.') || 'spec'}: ${i.message}`).join('; ')}` }),
  };
}

/** Depth in the dependency graph, from 1: a node runs after every node of a lower wave it depends on. */
function waves(plan: Plan): Map<string, number> {
  const after = new Map(plan.nodes.map((n) => [n.id, n.after]));
  const wave = new Map<string, number>();
  for (const id of plan.order) wave.set(id, 1 + Math.max(0, ...after.get(id)!.map((a) => wave.get(a) ?? 0)));
  return wave;
}

/** `tasks` in dispatch order within each wave. */
function groupWaves(plan: Plan, tasks: readonly DryRunTask[]): DryRun['waves'] {
  const count = Math.max(0, ...tasks.map((t) => t.wave));
  return Array.from({ length: count }, (_, i) => {
    const inWave = tasks.filter((t) => t.wave === i + 1);
    const workers = plan.workers
      .map((w) => ({ worker: w.name, parallel: w.parallel, tasks: inWave.filter((t) => t.worker === w.name).map((t) => t.id) }))
      .filter((w) => w.tasks.length > 0);
    return { wave: i + 1, nodes: inWave.map((t) => t.id), workers };
  });
}

/** The order the scheduler hands out ready tasks: priority, longer chain, plan order. */
function dispatchOrder(plan: Plan): (a: string, b: string) => number {
  const ranks = new Map(plan.nodes.map((node, index) => [node.id, { requeued: false, priority: node.kind === 'task' ? node.priority : ('normal' as const), chain: node.chain, index }]));
  return (a, b) => compareRank(ranks.get(a)!, ranks.get(b)!);
}

// The scheduler refuses what this version cannot run; asking it keeps the two from drifting apart.
function setupProblems(plan: Plan, inputs: InputValues): string[] {
  try {
    createScheduler(plan, { inputs });
    return [];
  } catch (error) {
    if (error instanceof RunSetupError) return error.problems;
    throw error;
  }
}

function withPlaceholders(template: Template): Template {
  return template.map((part) => ('node' in part ? { text: placeholder(part.node, part.field) } : part));
}

function uniqueReads(template: Template): DryRunTask['awaits'] {
  const seen = new Map<string, DryRunTask['awaits'][number]>();
  for (const part of template) if ('node' in part) seen.set(`${part.node}.${part.field}`, { node: part.node, field: part.field });
  return [...seen.values()];
}

/** The runner's environment as the chosen model source changes it, with stand-ins for what is not known yet. */
function environmentFor(env: Readonly<Record<string, string | undefined>>, model: ModelChoice): Record<string, string | undefined> {
  if (model.mode === 'live') return { ...env };
  if (model.mode === 'record') return { ...env, ANTHROPIC_BASE_URL: `<recording proxy in front of ${env['ANTHROPIC_BASE_URL'] ?? 'https://api.anthropic.com'}>` };
  return { ...env, ANTHROPIC_BASE_URL: `<replay server for ${model.cassette}>` };
}

// Values shorter than this are too common to hide everywhere they occur (a `1`, a `true`).
const minSecretLength = 8;

/** Hides every value of a secret-looking variable wherever it occurs, then anything shaped like a key. */
function redactor(env: Readonly<Record<string, string | undefined>>): (text: string) => string {
  const secrets = Object.entries(env)
    .filter((e): e is [string, string] => secretLike.test(e[0]) && (e[1]?.length ?? 0) >= minSecretLength)
    .sort((a, b) => b[1].length - a[1].length);
  return (text) => maskSecrets(secrets.reduce((out, [name, value]) => out.replaceAll(value, `<${name}>`), text));
}

function redact<T>(value: T, hide: (text: string) => string): T {
  if (typeof value === 'string') return hide(value) as T;
  if (Array.isArray(value)) return value.map((v) => redact(v, hide)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, hide)])) as T;
  return value;
}
