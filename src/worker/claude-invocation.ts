/** A sub-agent in the CLI's own `--agents` format. */
export interface AgentSpec {
  description: string;
  prompt: string;
  tools?: string[];
  model?: string;
}

export interface ClaudeInvocation {
  /** Passed as one argument: quotes, `$(…)` and `;` reach the model as written. */
  prompt: string;
  model: string;
  /** Replaces Claude Code's default system prompt. */
  system?: string;
  appendSystem?: string;
  /** The tools the model is offered; absent: the CLI's defaults. */
  tools?: string[];
  agents: Record<string, AgentSpec>;
  permissionMode: string;
  maxTurns?: number;
  /** Directories the task may read beyond its working directory (a read-only workspace). */
  readDirs: string[];
  jsonSchema?: object;
}

/**
 * The argument array for `claude -p` (never a shell string). The prompt goes last, after `--`,
 * so one starting with a dash (an upstream result can) is never read as options. `--tools`
 * sets what the model is offered and `--allowedTools` lets the same tools run without asking,
 * which print mode cannot do; `--setting-sources ""` keeps user and project settings (and
 * their agents) out, so a run depends only on the workflow.
 */
export function claudeArgs(spec: ClaudeInvocation): string[] {
  const args = ['-p', '--output-format', 'json', '--model', spec.model, '--setting-sources', '', '--no-session-persistence'];
  if (spec.system !== undefined) args.push('--system-prompt', spec.system);
  if (spec.appendSystem !== undefined) args.push('--append-system-prompt', spec.appendSystem);
  if (spec.tools !== undefined) {
    // The sub-agent tool is `Agent` to the model; `Task` is its older name in the CLI.
    const tools = spec.tools.map((t) => (t === 'Task' ? 'Agent' : t));
    args.push('--tools', tools.join(','), '--allowedTools', tools.join(','));
  }
  if (Object.keys(spec.agents).length > 0) args.push('--agents', JSON.stringify(spec.agents));
  args.push('--permission-mode', spec.permissionMode);
  if (spec.maxTurns !== undefined) args.push('--max-turns', String(spec.maxTurns));
  for (const dir of spec.readDirs) {
    args.push('--add-dir', dir);
    // Added so the task can read it; writes there stay refused.
    args.push('--disallowedTools', `Edit(/${dir}/**)`, `Write(/${dir}/**)`);
  }
  if (spec.jsonSchema !== undefined) args.push('--json-schema', JSON.stringify(spec.jsonSchema));
  args.push('--', spec.prompt);
  return args;
}
