import { z } from 'zod';

/** Permission modes of Claude Code 2.1.197. As root, `bypassPermissions` exits 1 unless `IS_SANDBOX=1`. */
export const permissionModes = ['acceptEdits', 'auto', 'bypassPermissions', 'default', 'dontAsk', 'plan'] as const;

const noNul = (what: string) => z.string().refine((s) => !s.includes('\0'), `${what} cannot hold a NUL character (argv strings end at NUL)`);
const toolName = noNul('a tool name').pipe(z.string().min(1));

/** A sub-agent in the CLI's own `--agents` format. */
export const claudeAgentSchema = z.strictObject({
  description: noNul('an agent description').pipe(z.string().min(1)),
  prompt: noNul('an agent prompt').pipe(z.string().min(1)),
  /** The CLI offers a sub-agent only the tools that are also in the session's `tools`. */
  tools: z.array(toolName).optional(),
  model: z.string().min(1).optional(),
});

/** Everything one `claude -p` run is told, before it becomes argv. */
export const claudeSpecSchema = z.strictObject({
  prompt: noNul('the prompt').pipe(z.string().min(1, 'the prompt is empty')),
  /** Always passed: the CLI's default is `claude-opus-4-8` with a 1M context. */
  model: z.string().min(1),
  /** Replaces the CLI's default system prompt. */
  systemPrompt: noNul('the system prompt').optional(),
  appendSystemPrompt: noNul('the appended system prompt').optional(),
  /** `--tools`: what the model is offered at all; `[]` offers none. Absent: the CLI's default set. */
  tools: z.array(toolName).optional(),
  /** `--allowedTools`: which calls run without asking; rules like `Edit(src/**)` or `Bash(git *)`. */
  allowedTools: z.array(toolName).optional(),
  disallowedTools: z.array(toolName).optional(),
  agents: z.record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'agent names are letters, digits, - and _'), claudeAgentSchema).optional(),
  permissionMode: z.enum(permissionModes).optional(),
  maxTurns: z.number().int().positive().optional(),
  maxBudgetUsd: z.number().positive().optional(),
  /** Extra directories the tools may read and write besides the working directory. */
  addDirs: z.array(noNul('a directory').pipe(z.string().min(1))).optional(),
  /** Keeps the session (resumable with the same config dir and cwd); absent: nothing is saved. */
  sessionId: z.uuid().optional(),
  /** A JSON Schema the answer must match; the CLI offers the model a `StructuredOutput` tool with it. */
  jsonSchema: z.record(z.string(), z.unknown()).optional(),
  fallbackModel: z.string().min(1).optional(),
});

export type ClaudeSpec = z.input<typeof claudeSpecSchema>;
export type ClaudeAgent = z.infer<typeof claudeAgentSchema>;

/**
 * The CLI silently drops the StructuredOutput tool when the schema declares draft 2020-12 (as
 * `z.toJSONSchema` does by default), so the declaration goes: its validator assumes its own draft.
 */
export function cliJsonSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

/**
 * The argv for `claude`, never a shell string. Options come first and the prompt last, after
 * `--`: variadic options such as `--tools` would otherwise swallow it, and a prompt starting
 * with `-` would be read as a flag. Settings files are ignored (`--setting-sources ""`) and MCP
 * config too (`--strict-mcp-config`), so a run depends on nothing but these arguments.
 * Throws on a spec the schema rejects: the caller validates with `claudeSpecSchema` first.
 */
export function claudeArgs(input: ClaudeSpec): string[] {
  const spec = claudeSpecSchema.parse(input);
  const args = ['-p', '--output-format', 'json', '--model', spec.model, '--setting-sources', '', '--strict-mcp-config'];
  const add = (flag: string, value: string | undefined) => {
    if (value !== undefined) args.push(flag, value);
  };
  add('--system-prompt', spec.systemPrompt);
  add('--append-system-prompt', spec.appendSystemPrompt);
  add('--tools', spec.tools?.join(','));
  // One argv item per rule: a rule such as `Bash(git log:*)` may hold spaces or commas itself.
  if (spec.allowedTools?.length) args.push('--allowedTools', ...spec.allowedTools);
  if (spec.disallowedTools?.length) args.push('--disallowedTools', ...spec.disallowedTools);
  if (spec.agents && Object.keys(spec.agents).length > 0) add('--agents', JSON.stringify(spec.agents));
  add('--permission-mode', spec.permissionMode);
  add('--max-turns', spec.maxTurns?.toString());
  add('--max-budget-usd', spec.maxBudgetUsd?.toString());
  for (const dir of spec.addDirs ?? []) add('--add-dir', dir);
  if (spec.sessionId) add('--session-id', spec.sessionId);
  else args.push('--no-session-persistence');
  if (spec.jsonSchema) add('--json-schema', JSON.stringify(cliJsonSchema(spec.jsonSchema)));
  add('--fallback-model', spec.fallbackModel);
  args.push('--', spec.prompt);
  return args;
}
