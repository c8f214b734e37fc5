import { z } from 'zod';
import type { Usage } from '../queue/protocol.ts';
import type { ClaudeRun } from './claude-process.ts';

/** The object `claude -p --output-format json` prints (2.1.197); unknown fields are kept. */
export const claudeResultSchema = z.looseObject({
  type: z.literal('result'),
  subtype: z.string(),
  is_error: z.boolean(),
  api_error_status: z.number().nullable().optional(),
  duration_ms: z.number().optional(),
  num_turns: z.number().int().min(0).default(0),
  result: z.string().optional(),
  session_id: z.string().optional(),
  total_cost_usd: z.number().min(0).default(0),
  usage: z
    .looseObject({
      input_tokens: z.number().default(0),
      output_tokens: z.number().default(0),
      cache_creation_input_tokens: z.number().default(0),
      cache_read_input_tokens: z.number().default(0),
    })
    .optional(),
  permission_denials: z.array(z.looseObject({ tool_name: z.string().optional() })).default([]),
  structured_output: z.unknown().optional(),
  terminal_reason: z.string().optional(),
});

export type ClaudeResult = z.infer<typeof claudeResultSchema>;

const structuredSchema = z.looseObject({
  summary: z.string().optional(),
  findings: z.array(z.string()).optional(),
  artifacts: z.array(z.string()).optional(),
});

export type ClaudeOutcome =
  | { ok: true; result: string; findings: string[]; artifacts: string[]; usage: Usage; costUsd: number; turns: number; sessionId?: string; denials: string[] }
  | { ok: false; kind: string; message: string; retryable: boolean; status?: number; usage?: Usage; costUsd?: number };

/**
 * What a CLI run amounts to. Never throws: output that is not the CLI's JSON is a `cli-error`
 * quoting what the CLI said. 429 and 529 are rate limits, retryable; so are 5xx, timeouts and
 * crashes; a refused key, a bad request or the turn limit are not.
 */
export function interpretClaude(run: ClaudeRun): ClaudeOutcome {
  if (run.spawnError !== undefined) return { ok: false, kind: 'spawn-failed', message: `cannot start the Claude Code CLI: ${run.spawnError}`, retryable: false };
  if (run.timedOut) return { ok: false, kind: 'timeout', message: 'the task ran past its timeout; the CLI and its tools were ended', retryable: true };
  if (run.aborted) return { ok: false, kind: 'killed', message: 'the task was stopped', retryable: true };
  const parsed = parseLastJson(run.stdout);
  if (!parsed) {
    const said = (run.stderr.trim() || run.stdout.trim()).split('\n').slice(-3).join(' ').slice(0, 400);
    const how = run.signal ? `was killed by ${run.signal}` : `exited ${run.exitCode}`;
    return { ok: false, kind: 'cli-error', message: `the Claude Code CLI ${how} without a result${said ? `: ${said}` : ''}`, retryable: true };
  }
  const r = parsed;
  const usage = usageOf(r);
  const spent = { usage, costUsd: r.total_cost_usd };
  if (r.is_error || r.subtype !== 'success') {
    const status = r.api_error_status ?? undefined;
    const text = (r.result ?? '').slice(0, 400);
    if (r.subtype === 'error_max_turns') return { ok: false, kind: 'max-turns', message: `the task used its ${r.num_turns} turns without finishing`, retryable: false, ...spent };
    if (status === 429 || status === 529) {
      const limit = status === 429 ? 'the API rate limit (429)' : 'the API overloaded (529)';
      return { ok: false, kind: 'rate-limited', status, message: `hit ${limit}${text ? `: ${text}` : ''}`, retryable: true, ...spent };
    }
    if (status !== undefined) return { ok: false, kind: 'api-error', status, message: `the API answered ${status}${text ? `: ${text}` : ''}`, retryable: status >= 500 || status === 408, ...spent };
    return { ok: false, kind: 'cli-error', message: `the CLI reported ${r.subtype}${text ? `: ${text}` : ''}`, retryable: true, ...spent };
  }
  const structured = structuredSchema.safeParse(r.structured_output);
  const s = structured.success ? structured.data : {};
  return {
    ok: true,
    result: s.summary ?? r.result ?? '',
    findings: s.findings ?? [],
    artifacts: s.artifacts ?? [],
    usage,
    costUsd: r.total_cost_usd,
    turns: r.num_turns,
    ...(r.session_id ? { sessionId: r.session_id } : {}),
    denials: r.permission_denials.map((d) => d.tool_name ?? 'a tool'),
  };
}

/** The CLI prints one JSON object; anything it logged before it is skipped. */
function parseLastJson(stdout: string): ClaudeResult | undefined {
  const lines = stdout.trim().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (!line.startsWith('{')) continue;
    try {
      const parsed = claudeResultSchema.safeParse(JSON.parse(line));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON: keep looking upwards.
    }
  }
  return undefined;
}

function usageOf(r: ClaudeResult): Usage {
  const u = r.usage;
  return {
    input_tokens: u?.input_tokens ?? 0,
    output_tokens: u?.output_tokens ?? 0,
    cache_creation_input_tokens: u?.cache_creation_input_tokens ?? 0,
    cache_read_input_tokens: u?.cache_read_input_tokens ?? 0,
  };
}
