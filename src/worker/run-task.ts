import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Plan, PlanWorker } from '../compiler/plan-schema.ts';
import { RunLayout } from '../queue/layout.ts';
import type { ResultDraft, Task, Usage } from '../queue/protocol.ts';
import { renderTemplate } from '../runtime/render-template.ts';
import type { RunInfo } from '../runner/run-files.ts';
import { checkArtifacts } from './artifacts.ts';
import type { ClaudeAgent, ClaudeSpec } from './claude-args.ts';
import { findingsJsonSchema, type ClaudeFailure, type ClaudeSuccess } from './claude-result.ts';
import { runClaude } from './claude-run.ts';
import { taskHeaders } from '../cassette/exchange-key.ts';
import type { WorkerMessage } from './executor.ts';
import type { TaskRunner } from './worker-loop.ts';

/** A worker's own Claude Code config directory for one run: outside the run directory, removed when the run ends. */
export function claudeHome(runId: string, worker: string): string {
  return join(tmpdir(), `swarm-claude-${runId}-${worker}`);
}

/** Where a task runs: its working directory, and what it may read and write. */
export interface TaskPlace {
  /** The CLI's cwd: the writable workspace, else the task's own artifact directory. */
  cwd: string;
  /** `results/<worker>/<task-id>/`. */
  taskDir: string;
  /** The worker's workspace, resolved against the workflow's directory. */
  workspace?: string;
  writable: boolean;
}

export function taskPlace(runDir: string, info: Pick<RunInfo, 'base_dir'>, worker: PlanWorker, task: Pick<Task, 'task_id'>): TaskPlace {
  const taskDir = new RunLayout(runDir).artifactsDir(worker.name, task.task_id);
  const workspace = worker.workspace === undefined ? undefined : resolve(info.base_dir, worker.workspace);
  const writable = workspace !== undefined && !worker.readonly;
  return { cwd: writable ? workspace : taskDir, taskDir, ...(workspace !== undefined && { workspace }), writable };
}

/**
 * What the CLI is told for one task: the worker's system prompt with swarm's protocol note
 * appended, its model, tools and sub-agents, and the structured output the findings come from.
 * The system prompt and sub-agents are the same for every task of a worker, so the API's prompt
 * cache (which Claude Code marks at the end of the system prompt) hits from the second task on;
 * what belongs to one task (its id, directories, outputs) ends its prompt instead.
 * `tools` both offers the tools and lets them run unasked, which print mode cannot do
 * otherwise; a read-only workspace is added for reading, with writes into it refused.
 */
export function taskClaudeSpec(plan: Plan, info: RunInfo, worker: PlanWorker, task: Task, place: TaskPlace): ClaudeSpec {
  const tools = (task.tools ?? worker.tools)?.map(cliToolName);
  const readOnly = place.workspace !== undefined && !place.writable ? place.workspace : undefined;
  const agents = agentsOf(plan, worker, info);
  const maxTurns = task.max_turns ?? worker.maxTurns;
  return {
    prompt: `${task.description}\n\n${taskNote(task, place)}`,
    model: task.model ?? worker.model,
    ...(worker.system && { systemPrompt: renderTemplate(worker.system.template, { inputs: info.inputs, results: new Map() }) }),
    appendSystemPrompt: protocolNote(worker),
    ...(tools && { tools, allowedTools: tools }),
    ...(Object.keys(agents).length > 0 && { agents }),
    permissionMode: worker.permissionMode as ClaudeSpec['permissionMode'],
    ...(maxTurns !== undefined && { maxTurns }),
    // `//` starts an absolute path in a permission rule.
    ...(readOnly !== undefined && { addDirs: [readOnly], disallowedTools: [`Edit(/${readOnly}/**)`, `Write(/${readOnly}/**)`] }),
    jsonSchema: findingsJsonSchema,
  };
}

/**
 * Runs a task with the real Claude Code CLI (through `runClaude`): the worker's own API key
 * and config directory, the task's timeout, and every CLI process reported to the runner over
 * IPC so none outlives a worker that dies. Turns whatever happens into a result draft; only a
 * bug in swarm throws.
 */
export function claudeTaskRunner(options: {
  env: Readonly<Record<string, string | undefined>>;
  claudePath?: string;
  log?: (line: string) => void;
  notify?: (message: WorkerMessage) => void;
}): TaskRunner {
  return async ({ task, plan, info, worker, runDir, signal }) => {
    const place = taskPlace(runDir, info, worker, task);
    mkdirSync(place.taskDir, { recursive: true });
    const started = Date.now();
    const outcome = await runClaude(taskClaudeSpec(plan, info, worker, task, place), {
      cwd: place.cwd,
      apiKey: options.env['ANTHROPIC_API_KEY'],
      // Every API call carries its task and attempt, so a cassette can be keyed by them.
      env: { ...options.env, ANTHROPIC_CUSTOM_HEADERS: taskHeaders(options.env['ANTHROPIC_CUSTOM_HEADERS'], task.task_id, task.attempt) },
      home: claudeHome(info.run_id, worker.name),
      timeoutMs: task.timeout * 1000,
      signal,
      ...(options.claudePath !== undefined && { claudePath: options.claudePath }),
      onProcess: ({ pid, marker, state }) => options.notify?.({ type: state === 'started' ? 'cli:started' : 'cli:ended', task: task.task_id, pid, marker }),
    });
    const timing = { started_at: new Date(started).toISOString(), finished_at: new Date().toISOString(), execution_time: (Date.now() - started) / 1000 };
    if (!outcome.ok) {
      if (outcome.stderr.trim() !== '') options.log?.(`${task.task_id}: claude said on stderr: ${outcome.stderr.trim().slice(-500)}`);
      return { ...failureDraft(outcome), ...timing };
    }
    return { ...(await successDraft(outcome, task, place)), ...timing, model: task.model ?? worker.model };
  };
}

async function successDraft(outcome: ClaudeSuccess, task: Task, place: TaskPlace): Promise<ResultDraft> {
  const roots = place.writable && place.workspace !== undefined ? [place.taskDir, place.workspace] : [place.taskDir];
  const check = await checkArtifacts({ cwd: place.cwd, roots, declared: task.outputs ?? [], reported: outcome.artifacts });
  const base = {
    // With structured output, `result` is the value's JSON: the summary is the prose downstream tasks read.
    result: outcome.summary ?? (outcome.structured !== undefined ? outcome.findings.join('\n') : outcome.result),
    findings: outcome.findings,
    artifacts: check.artifacts,
    ...spend(outcome),
    num_turns: outcome.turns,
    ...(outcome.sessionId !== undefined && { session_id: outcome.sessionId }),
  };
  if (outcome.permissionDenials.length > 0) {
    const denied = [...new Set(outcome.permissionDenials.map((d) => d.tool_name))].join(', ');
    return { ...base, status: 'failed', error: { kind: 'permission-denied', message: `Claude Code denied ${denied}; allow the tool in the worker's \`tools\``, retryable: false } };
  }
  if (check.escaping.length > 0) {
    return { ...base, status: 'failed', error: { kind: 'bad-artifact', message: `refused paths outside the task's directories: ${check.escaping.join(', ')}`, retryable: false } };
  }
  if (check.missing.length > 0) {
    return { ...base, status: 'failed', error: { kind: 'missing-output', message: `the task did not write ${check.missing.join(', ')} in ${place.cwd}`, retryable: true } };
  }
  return { ...base, status: 'complete' };
}

function failureDraft(outcome: ClaudeFailure): ResultDraft {
  const error: NonNullable<ResultDraft['error']> = { kind: outcome.kind, message: outcome.message, retryable: outcome.retryable };
  if (outcome.status !== undefined) error.status = outcome.status;
  return { status: 'failed', error, ...spend(outcome) };
}

/** Tokens and cost in the result file's words, sub-agents included, and per model. */
function spend(outcome: Pick<ClaudeSuccess, 'usage' | 'costUsd' | 'models'> | Partial<Pick<ClaudeFailure, 'usage' | 'costUsd' | 'models'>>): Pick<ResultDraft, 'usage' | 'cost_usd' | 'models'> {
  const usage = (u: ClaudeSuccess['usage']): Usage => ({
    input_tokens: u.inputTokens,
    output_tokens: u.outputTokens,
    cache_creation_input_tokens: u.cacheCreationInputTokens,
    cache_read_input_tokens: u.cacheReadInputTokens,
  });
  const models = outcome.models && Object.keys(outcome.models).length > 0 ? Object.fromEntries(Object.entries(outcome.models).map(([model, m]) => [model, { ...usage(m), cost_usd: m.costUsd }])) : undefined;
  return {
    ...(outcome.usage && { usage: usage(outcome.usage) }),
    ...(outcome.costUsd !== undefined && { cost_usd: outcome.costUsd }),
    ...(models && { models }),
  };
}

// The sub-agent tool is `Agent` to the CLI 2.1; `Task` is its older name, still common in workflows.
function cliToolName(tool: string): string {
  return tool === 'Task' ? 'Agent' : tool;
}

function agentsOf(plan: Plan, worker: PlanWorker, info: RunInfo): Record<string, ClaudeAgent> {
  const agents: Record<string, ClaudeAgent> = {};
  for (const name of worker.agents) {
    const agent = plan.agents.find((a) => a.name === name);
    if (!agent) continue;
    agents[name] = {
      description: agent.description,
      prompt: renderTemplate(agent.prompt, { inputs: info.inputs, results: new Map() }),
      ...(agent.tools && { tools: agent.tools.map(cliToolName) }),
      ...(agent.model && { model: agent.model }),
    };
  }
  return agents;
}

/**
 * What swarm adds to the worker's system prompt: the same text for every task of the worker,
 * byte for byte, since anything that varies there costs the cache the whole system prompt.
 */
export function protocolNote(worker: Pick<PlanWorker, 'name'>): string {
  return [
    `You are ${worker.name}, a worker in a swarm run.`,
    `Each task's message ends with a <${noteTag}> block: the task's id, your working directory for it, where to read and where to write, and the files the task must produce.`,
    'When you are done, return your summary, findings and the files you wrote through the structured output.',
  ].join('\n');
}

/** The tag of the block that ends each task's prompt. */
export const noteTag = 'swarm-task';

/**
 * Where this task works and what it must produce, put after the task's own prompt, so a
 * cassette's `said` and a replay miss show the prompt first.
 */
export function taskNote(task: Pick<Task, 'task_id' | 'outputs'>, place: TaskPlace): string {
  const lines = [`<${noteTag} id="${task.task_id}">`, `Your working directory is ${place.cwd}.`];
  if (place.workspace !== undefined && !place.writable) lines.push(`Read the material in ${place.workspace} (read-only). Write every file you produce in ${place.taskDir}.`);
  if (task.outputs && task.outputs.length > 0) lines.push(`The task must produce: ${task.outputs.join(', ')} (relative to the working directory).`);
  lines.push(`</${noteTag}>`);
  return lines.join('\n');
}
