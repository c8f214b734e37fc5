/**
 * What Claude Code accepts, kept in one place. Tool names are those the Claude Code CLI
 * (2.1.197, checked against a local Messages API stand-in) offers the model.
 */
export const knownTools = [
  'Agent',
  'Bash',
  'CronCreate',
  'CronDelete',
  'CronList',
  'Edit',
  'EnterWorktree',
  'ExitWorktree',
  'Glob',
  'Grep',
  'NotebookEdit',
  'Read',
  'ReportFindings',
  'ScheduleWakeup',
  'SendMessage',
  'Skill',
  // `Task` is the CLI's other name for `Agent`, the sub-agent tool.
  'Task',
  'TaskCreate',
  'TaskGet',
  'TaskList',
  'TaskOutput',
  'TaskStop',
  'TaskUpdate',
  'WebFetch',
  'WebSearch',
  'Workflow',
  'Write',
] as const;

/** Names older Claude Code versions had; 2.1.197 drops them from `--tools` without a word. */
export const retiredTools = ['TodoWrite', 'ExitPlanMode', 'EnterPlanMode', 'AskUserQuestion', 'BashOutput', 'KillShell', 'LS', 'MultiEdit', 'NotebookRead', 'LSP', 'ToolSearch'];

/** Model aliases the CLI resolves itself, and what they resolve to. */
export const modelAliases: Record<string, string> = {
  haiku: 'claude-haiku-4-5-20251001',
  sonnet: 'claude-sonnet-5',
  opus: 'claude-opus-4-8',
  fable: 'claude-fable-5',
  opusplan: 'claude-sonnet-5',
  best: 'claude-opus-4-8',
};

export interface ModelInfo {
  id: string;
  /** When set, the model is deprecated and retires on this date. */
  retires?: string;
}

export const knownModels: ModelInfo[] = [
  { id: 'claude-haiku-4-5-20251001' },
  { id: 'claude-haiku-4-5' },
  { id: 'claude-sonnet-5' },
  { id: 'claude-opus-4-8' },
  { id: 'claude-fable-5' },
  { id: 'claude-opus-4-1' },
  { id: 'claude-sonnet-4-5', retires: '2026-11-30' },
  { id: 'claude-sonnet-4-5-20250929', retires: '2026-11-30' },
];

/** Sub-agent files may also say `inherit`: use the parent worker's model. */
export const agentModelValues = ['inherit', ...Object.keys(modelAliases)];

export const permissionModes = ['default', 'acceptEdits', 'auto', 'bypassPermissions', 'dontAsk', 'plan'] as const;
export const priorities = ['low', 'normal', 'high', 'critical'] as const;
export const inputTypes = ['string', 'number', 'boolean'] as const;
export const queueKinds = ['file', 'redis'] as const;

/** Where workers run: child processes here, or one container per worker. */
export const executorKinds = ['local', 'docker'] as const;
/** How an `expect` block may want a task, or the whole run, to end. */
export const expectStatuses = ['done', 'failed', 'skipped'] as const;

/** Node fields that `${node.field}` may read. */
export const nodeFields = ['result', 'findings', 'artifacts'] as const;

export function toolName(spec: string): string {
  const paren = spec.indexOf('(');
  return (paren < 0 ? spec : spec.slice(0, paren)).trim();
}

export function isKnownTool(spec: string): boolean {
  const name = toolName(spec);
  // MCP tools are named by their server; swarm cannot know them in advance.
  return name.startsWith('mcp__') || (knownTools as readonly string[]).includes(name);
}

export function resolveModel(name: string): ModelInfo | undefined {
  // `sonnet[1m]` asks for the same model with the 1M-token context window.
  const base = name.replace(/\[1m\]$/, '');
  const id = modelAliases[base] ?? base;
  return knownModels.find((m) => m.id === id);
}

export const allModelNames = [...Object.keys(modelAliases), ...knownModels.map((m) => m.id)];

/**
 * Rough token count of a text: about four characters a token for English prose, the rule of
 * thumb Anthropic documents. Used only for limit checks and estimates, never for billing.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Characters Claude Code 2.1.197 sends with every request before any of swarm's text, measured
 * against the stand-in server: its system prompt per model family, and its tool definitions.
 * These are lower bounds, so a limit reported as too small is too small for certain.
 */
const cliSystemChars: Record<string, number> = { haiku: 25_698, sonnet: 25_698, opus: 5_652, fable: 10_038 };
const defaultToolsChars = 62_857;
const toolChars: Record<string, number> = { Bash: 11_991, Workflow: 20_823 };
const otherToolChars = 1_100;

function family(model: string): string {
  const id = resolveModel(model)?.id ?? model;
  return Object.keys(cliSystemChars).find((f) => id.includes(f)) ?? 'opus';
}

/** The least number of tokens Claude Code adds to each request for this model and tool list. */
export function cliOverheadTokens(model: string, tools: readonly string[] | undefined): number {
  const system = cliSystemChars[family(model)] ?? cliSystemChars['opus']!;
  const toolText = tools === undefined ? defaultToolsChars : tools.reduce((sum, t) => sum + (toolChars[toolName(t)] ?? otherToolChars), 0);
  return Math.floor((system + toolText) / 4);
}

export const builtinDefaults = {
  model: 'sonnet',
  timeoutMs: 10 * 60_000,
  retries: 1,
  priority: 'normal',
  parallel: 1,
  permissionMode: 'acceptEdits',
  maxTasks: 10,
  /** Consecutive failures of one kind that stop a worker. */
  circuitBreaker: 3,
} as const;
