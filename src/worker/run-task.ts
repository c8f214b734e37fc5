import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plan, PlanWorker } from '../compiler/plan-schema.ts';
import { RunLayout } from '../queue/layout.ts';
import type { ResultDraft, Task } from '../queue/protocol.ts';
import { renderTemplate } from '../runtime/render-template.ts';
import type { RunInfo } from '../runner/run-files.ts';
import { checkArtifacts } from './artifacts.ts';
import { claudeArgs, type AgentSpec } from './claude-invocation.ts';
import { interpretClaude, type ClaudeOutcome } from './claude-outcome.ts';
import { spawnClaude } from './claude-process.ts';
import type { WorkerMessage } from './executor.ts';
import type { TaskRunner } from './worker-loop.ts';

/** A worker's own Claude Code config directory for one run: outside the run directory, removed when the run ends. */
export function claudeHome(runId: string, worker: string): string {
  return join(tmpdir(), `swarm-claude-${runId}-${worker}`);
}

export const bundledClaude = fileURLToPath(new URL('../../node_modules/.bin/claude', import.meta.url));

/** What the model is asked to return at the end, through the CLI's structured output. */
export const resultSchema = {
  type: 'object',
  properties: {
    summary: { type: 'string', description: 'Your final answer: what you did and found, in prose. Downstream tasks read this.' },
    findings: { type: 'array', items: { type: 'string' }, description: 'Each finding or recommendation, one sentence each.' },
    artifacts: { type: 'array', items: { type: 'string' }, description: 'Paths of the files you wrote, relative to the working directory.' },
  },
  required: ['summary', 'findings'],
} as const;

/**
 * Runs a task with the real Claude Code CLI: the worker's system prompt, model, tools and
 * sub-agents; the task's working directory; its own API key; its timeout. Turns whatever
 * happens into a result draft; only a bug in swarm throws.
 */
export function claudeTaskRunner(options: {
  env: Readonly<Record<string, string | undefined>>;
  claudePath?: string;
  log?: (line: string) => void;
  /** Tells the runner about each CLI process group (over IPC), so it outlives no worker. */
  notify?: (message: WorkerMessage) => void;
}): TaskRunner {
  return async ({ task, plan, info, worker, runDir, signal }) => {
    const layout = new RunLayout(runDir);
    const taskDir = layout.artifactsDir(worker.name, task.task_id);
    mkdirSync(taskDir, { recursive: true });
    const workspace = worker.workspace === undefined ? undefined : resolve(info.base_dir, worker.workspace);
    const writable = workspace !== undefined && !worker.readonly;
    const cwd = writable ? workspace : taskDir;
    const home = claudeHome(info.run_id, worker.name);
    mkdirSync(home, { recursive: true });

    const started = Date.now();
    const args = claudeArgs({
      prompt: task.description,
      model: task.model ?? worker.model,
      system: worker.system ? renderTemplate(worker.system.template, { inputs: info.inputs, results: new Map() }) : undefined,
      appendSystem: protocolNote(worker, task, cwd, taskDir, workspace),
      tools: task.tools ?? worker.tools,
      agents: agentsOf(plan, worker, info),
      permissionMode: worker.permissionMode,
      maxTurns: task.max_turns ?? worker.maxTurns,
      readDirs: workspace !== undefined && !writable ? [workspace] : [],
      jsonSchema: resultSchema,
    });
    const run = await spawnClaude({
      command: options.claudePath ?? bundledClaude,
      args,
      cwd,
      env: claudeEnv(options.env, home),
      timeoutMs: task.timeout * 1000,
      signal,
      onGroup: (pid, state) => options.notify?.({ type: state === 'started' ? 'cli:started' : 'cli:ended', task: task.task_id, pid }),
    });
    const outcome = interpretClaude(run);
    const timing = { started_at: new Date(started).toISOString(), finished_at: new Date().toISOString(), execution_time: (Date.now() - started) / 1000 };
    if (!outcome.ok) return { ...failureDraft(outcome), ...timing };

    const check = await checkArtifacts({ cwd, roots: writable ? [taskDir, workspace] : [taskDir], declared: task.outputs ?? [], reported: outcome.artifacts });
    const base = {
      ...timing,
      result: outcome.result,
      findings: outcome.findings,
      artifacts: check.artifacts,
      usage: outcome.usage,
      cost_usd: outcome.costUsd,
      num_turns: outcome.turns,
      session_id: outcome.sessionId,
      model: task.model ?? worker.model,
    };
    if (outcome.denials.length > 0) {
      return { ...base, status: 'failed', error: { kind: 'permission-denied', message: `Claude Code denied ${outcome.denials.join(', ')}; allow the tool in the worker's \`tools\``, retryable: false } };
    }
    if (check.escaping.length > 0) {
      return { ...base, status: 'failed', error: { kind: 'bad-artifact', message: `refused paths outside the task's directories: ${check.escaping.join(', ')}`, retryable: false } };
    }
    if (check.missing.length > 0) {
      return { ...base, status: 'failed', error: { kind: 'missing-output', message: `the task did not write ${check.missing.join(', ')} in ${cwd}`, retryable: true } };
    }
    return { ...base, status: 'complete' };
  };
}

function failureDraft(outcome: Extract<ClaudeOutcome, { ok: false }>): ResultDraft {
  const error: NonNullable<ResultDraft['error']> = { kind: outcome.kind, message: outcome.message, retryable: outcome.retryable };
  if (outcome.status !== undefined) error.status = outcome.status;
  return { status: 'failed', error, ...(outcome.usage ? { usage: outcome.usage } : {}), ...(outcome.costUsd !== undefined ? { cost_usd: outcome.costUsd } : {}) };
}

function agentsOf(plan: Plan, worker: PlanWorker, info: RunInfo): Record<string, AgentSpec> {
  const agents: Record<string, AgentSpec> = {};
  for (const name of worker.agents) {
    const agent = plan.agents.find((a) => a.name === name);
    if (!agent) continue;
    agents[name] = {
      description: agent.description,
      prompt: renderTemplate(agent.prompt, { inputs: info.inputs, results: new Map() }),
      ...(agent.tools ? { tools: agent.tools } : {}),
      ...(agent.model ? { model: agent.model } : {}),
    };
  }
  return agents;
}

/** Where to work and what to hand back: the part of the system prompt swarm adds to the worker's own. */
function protocolNote(worker: PlanWorker, task: Task, cwd: string, taskDir: string, workspace: string | undefined): string {
  const lines = [`You are ${worker.name}, a worker in a swarm run, on task \`${task.task_id}\`.`, `Your working directory is ${cwd}.`];
  if (workspace !== undefined && cwd !== workspace) lines.push(`Read the material in ${workspace} (read-only). Write every file you produce in ${taskDir}.`);
  if (task.outputs && task.outputs.length > 0) lines.push(`The task must produce: ${task.outputs.join(', ')} (relative to the working directory).`);
  lines.push('When you are done, return your summary, findings and the files you wrote through the structured output.');
  return lines.join('\n');
}

/**
 * The CLI's environment: the worker process's own (already cut down to one key by the runner),
 * a config directory of its own, and swarm's settings: no telemetry, and no retries of its own,
 * because retries and their backoff are the runner's.
 */
export function claudeEnv(parent: Readonly<Record<string, string | undefined>>, home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(parent)) if (v !== undefined) env[k] = v;
  return { ...env, HOME: home, CLAUDE_CONFIG_DIR: join(home, '.claude'), CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', CLAUDE_CODE_MAX_RETRIES: '0' };
}
