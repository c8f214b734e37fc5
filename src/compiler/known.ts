/**
 * What Claude Code accepts, kept in one place. Tool names are those the Claude Code CLI
 * (2.1.197, checked against a local Messages API stand-in) offers the model.
 */
export const knownTools = [
  'Agent',
  'Bash',
  'BashOutput',
  'Edit',
  'ExitPlanMode',
  'Glob',
  'Grep',
  'KillShell',
  'MultiEdit',
  'NotebookEdit',
  'Read',
  'Skill',
  'SlashCommand',
  'Task',
  'TodoWrite',
  'WebFetch',
  'WebSearch',
  'Write',
] as const;

/** Model aliases the CLI resolves itself, and what they resolve to. */
export const modelAliases: Record<string, string> = {
  haiku: 'claude-haiku-4-5-20251001',
  sonnet: 'claude-sonnet-5',
  opus: 'claude-opus-4-8',
  fable: 'claude-fable-5',
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

export const permissionModes = ['default', 'acceptEdits', 'bypassPermissions', 'dontAsk', 'plan'] as const;
export const priorities = ['low', 'normal', 'high', 'critical'] as const;
export const inputTypes = ['string', 'number', 'boolean'] as const;
export const queueKinds = ['file', 'redis'] as const;

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
  const id = modelAliases[name] ?? name;
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
 * Tokens Claude Code sends with every request before any of swarm's text: its own system
 * prompt and tool definitions (measured with the CLI against the stand-in server).
 */
export const cliOverheadTokens = 18_000;

export const builtinDefaults = {
  model: 'sonnet',
  timeoutMs: 10 * 60_000,
  retries: 1,
  priority: 'normal',
  parallel: 1,
  permissionMode: 'acceptEdits',
  maxTasks: 10,
} as const;
