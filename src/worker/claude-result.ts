import { z } from 'zod';

const tokens = z.number().nonnegative();

/** Token counts of the main conversation's API calls: sub-agents' calls are only in `modelUsage`. */
export const claudeUsageSchema = z.looseObject({
  input_tokens: tokens.default(0),
  output_tokens: tokens.default(0),
  cache_creation_input_tokens: tokens.default(0),
  cache_read_input_tokens: tokens.default(0),
});

/** Per model, every API call of the run, sub-agents included (and the only figures an over-budget run reports). */
const modelUsageSchema = z.looseObject({
  inputTokens: tokens.default(0),
  outputTokens: tokens.default(0),
  cacheReadInputTokens: tokens.default(0),
  cacheCreationInputTokens: tokens.default(0),
  costUSD: z.number().default(0),
});

/** A tool call the CLI refused to run. The run still succeeds (exit 0): the caller decides. */
export const permissionDenialSchema = z.looseObject({
  tool_name: z.string(),
  tool_use_id: z.string().optional(),
  tool_input: z.unknown().optional(),
});

/**
 * The one object `claude -p --output-format json` prints (2.1.197). An API error still says
 * `subtype: "success"`, with `is_error: true` and `api_error_status`; `--json-schema` puts the
 * value of the model's StructuredOutput call in `structured_output` (and its JSON in `result`);
 * max turns and max budget have their own subtypes and no `result`, but an `errors` list.
 */
export const claudeResultSchema = z.looseObject({
  type: z.literal('result'),
  subtype: z.string(),
  is_error: z.boolean(),
  api_error_status: z.number().nullable().optional(),
  duration_ms: z.number().optional(),
  num_turns: z.number().default(0),
  result: z.string().optional(),
  stop_reason: z.string().nullable().optional(),
  session_id: z.string().optional(),
  total_cost_usd: z.number().default(0),
  usage: claudeUsageSchema.default({ input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }),
  modelUsage: z.record(z.string(), modelUsageSchema).default({}),
  permission_denials: z.array(permissionDenialSchema).default([]),
  terminal_reason: z.string().optional(),
  structured_output: z.unknown().optional(),
  errors: z.array(z.string()).optional(),
});

export type ClaudeResult = z.infer<typeof claudeResultSchema>;

/** What a worker asks for with `--json-schema`: findings, and the files it wrote. */
export const findingsSchema = z.object({
  summary: z.string().optional().describe('Your final answer in prose: what you did and found. Downstream tasks read this.'),
  findings: z.array(z.string()).describe('What you found or concluded, one finding per item.'),
  artifacts: z.array(z.string()).optional().describe('Paths of the files you wrote, relative to the working directory.'),
});

/** `findingsSchema` as JSON Schema, for `--json-schema` (claudeArgs removes the `$schema` the CLI rejects). */
export const findingsJsonSchema = z.toJSONSchema(findingsSchema) as Record<string, unknown>;

export const failureKinds = [
  'timeout',
  'killed',
  'rate-limited',
  'api-error',
  'max-turns',
  'budget-exceeded',
  'no-structured-output',
  'cli-error',
  'spawn-failed',
  'invalid-spec',
] as const;

const usage = z.object({ inputTokens: tokens, outputTokens: tokens, cacheCreationInputTokens: tokens, cacheReadInputTokens: tokens });
const modelSpend = usage.extend({ costUsd: z.number() });

export const claudeSuccessSchema = z.object({
  ok: z.literal(true),
  result: z.string(),
  /** The StructuredOutput value, when `--json-schema` was given. */
  structured: z.unknown().optional(),
  /** The structured `summary`, when the value has one. */
  summary: z.string().optional(),
  findings: z.array(z.string()),
  artifacts: z.array(z.string()),
  usage,
  costUsd: z.number(),
  /** Usage and cost per model id: a sub-agent on another model shows as its own entry. */
  models: z.record(z.string(), modelSpend),
  turns: z.number(),
  sessionId: z.string().optional(),
  permissionDenials: z.array(permissionDenialSchema),
});

export const claudeFailureSchema = z.object({
  ok: z.literal(false),
  kind: z.enum(failureKinds),
  /** Whether the same run may succeed if started again (after a wait, for `rate-limited`). */
  retryable: z.boolean(),
  message: z.string(),
  /** The API's HTTP status, for `rate-limited` and `api-error`. */
  status: z.number().optional(),
  exitCode: z.number().nullable().optional(),
  signal: z.string().optional(),
  /** A failed run can still have spent tokens, e.g. one that ran out of turns. */
  usage: usage.optional(),
  costUsd: z.number().optional(),
  models: z.record(z.string(), modelSpend).optional(),
  permissionDenials: z.array(permissionDenialSchema).optional(),
});

export const claudeOutcomeSchema = z.discriminatedUnion('ok', [claudeSuccessSchema, claudeFailureSchema]);

export type ClaudeOutcome = z.infer<typeof claudeOutcomeSchema>;
export type ClaudeSuccess = z.infer<typeof claudeSuccessSchema>;
export type ClaudeFailure = z.infer<typeof claudeFailureSchema>;
export type FailureKind = (typeof failureKinds)[number];

/** How one CLI process ended, as the runner saw it. */
export interface ClaudeExit {
  exitCode: number | null | undefined;
  stdout: string;
  stderr: string;
  /** The runner's own timeout fired and ended the process group. */
  timedOut?: boolean;
  /** The caller's AbortSignal ended the process group. */
  aborted?: boolean;
  /** The signal that ended the process, if one did. */
  signal?: string | null;
  /** Why the process could not be started at all. */
  spawnError?: string;
  /** `--json-schema` was passed, so a run without `structured_output` has failed. */
  expectStructured?: boolean;
}

// Enough to say what went wrong, short enough for a journal line.
function tail(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 500 ? `…${trimmed.slice(-500)}` : trimmed;
}

/** The result object, or why there is none. Tolerates lines before it (warnings, debug output). */
export function parseClaudeResult(stdout: string): { ok: true; value: ClaudeResult } | { ok: false; error: string } {
  const candidates = [stdout, ...stdout.split('\n').filter((line) => line.trimStart().startsWith('{')).reverse()];
  for (const text of candidates) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue;
    }
    const parsed = claudeResultSchema.safeParse(json);
    if (parsed.success) return { ok: true, value: parsed.data };
  }
  return { ok: false, error: stdout.trim() === '' ? 'printed nothing on stdout' : 'printed no result object' };
}

// The top-level `usage` leaves sub-agents out (and is all zeros after a budget stop): the
// per-model figures, when there are any, are the whole run's.
function usageOf(r: ClaudeResult): z.infer<typeof usage> {
  const models = Object.values(r.modelUsage);
  if (models.length === 0) {
    return {
      inputTokens: r.usage.input_tokens,
      outputTokens: r.usage.output_tokens,
      cacheCreationInputTokens: r.usage.cache_creation_input_tokens,
      cacheReadInputTokens: r.usage.cache_read_input_tokens,
    };
  }
  const sum = (pick: (m: (typeof models)[number]) => number) => models.reduce((n, m) => n + pick(m), 0);
  return {
    inputTokens: sum((m) => m.inputTokens),
    outputTokens: sum((m) => m.outputTokens),
    cacheCreationInputTokens: sum((m) => m.cacheCreationInputTokens),
    cacheReadInputTokens: sum((m) => m.cacheReadInputTokens),
  };
}

function modelsOf(r: ClaudeResult): Record<string, z.infer<typeof modelSpend>> {
  return Object.fromEntries(
    Object.entries(r.modelUsage).map(([model, m]) => [
      model,
      { inputTokens: m.inputTokens, outputTokens: m.outputTokens, cacheCreationInputTokens: m.cacheCreationInputTokens, cacheReadInputTokens: m.cacheReadInputTokens, costUsd: m.costUSD },
    ]),
  );
}

function retryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status >= 500;
}

/**
 * Sorts how a CLI run ended into a typed outcome. Never throws: every stdout, however
 * broken, is a success or a failure with a kind. A denied tool is not a failure: the
 * denials are listed on the success for the caller to judge.
 */
export function claudeOutcome(exit: ClaudeExit): ClaudeOutcome {
  const code = { exitCode: exit.exitCode ?? null, ...(exit.signal ? { signal: exit.signal } : {}) };
  if (exit.spawnError !== undefined) return { ok: false, kind: 'spawn-failed', retryable: false, message: `could not start claude: ${exit.spawnError}`, ...code };
  if (exit.timedOut) return { ok: false, kind: 'timeout', retryable: true, message: 'claude did not finish in time; its process group was ended', ...code };
  if (exit.aborted) return { ok: false, kind: 'killed', retryable: false, message: 'claude was stopped by the runner', ...code };
  if (exit.signal) return { ok: false, kind: 'killed', retryable: true, message: `claude was killed by ${exit.signal}`, ...code };
  const parsed = parseClaudeResult(exit.stdout);
  if (!parsed.ok) {
    const said = tail(exit.stderr) || tail(exit.stdout);
    return { ok: false, kind: 'cli-error', retryable: false, message: `claude exited ${exit.exitCode ?? '?'} and ${parsed.error}${said ? `: ${said}` : ''}`, ...code };
  }
  const r = parsed.value;
  const spent = { usage: usageOf(r), costUsd: r.total_cost_usd, models: modelsOf(r), permissionDenials: r.permission_denials };
  const said = r.result ?? r.errors?.join('; ') ?? r.subtype;
  if (r.subtype === 'error_max_turns') return { ok: false, kind: 'max-turns', retryable: false, message: said, ...code, ...spent };
  if (r.subtype === 'error_max_budget_usd') return { ok: false, kind: 'budget-exceeded', retryable: false, message: said, ...code, ...spent };
  const status = r.api_error_status ?? undefined;
  if (r.is_error && (status === 429 || status === 529)) {
    const which = status === 429 ? 'rate limited' : 'overloaded';
    return { ok: false, kind: 'rate-limited', retryable: true, status, message: `API ${which} (${status}): ${said}`, ...code, ...spent };
  }
  if (r.is_error && status !== undefined) {
    return { ok: false, kind: 'api-error', retryable: retryableStatus(status), status, message: `API error ${status}: ${said}`, ...code, ...spent };
  }
  if (r.is_error || exit.exitCode !== 0) {
    return { ok: false, kind: 'cli-error', retryable: false, message: `claude reported ${r.subtype}: ${said}`, ...code, ...spent };
  }
  const structured = findingsSchema.safeParse(r.structured_output);
  if (exit.expectStructured && r.structured_output === undefined) {
    return { ok: false, kind: 'no-structured-output', retryable: true, message: 'the model never called StructuredOutput, so there are no findings', ...code, ...spent };
  }
  return {
    ok: true,
    result: r.result ?? '',
    ...(r.structured_output !== undefined && { structured: r.structured_output }),
    ...(structured.success && structured.data.summary !== undefined && { summary: structured.data.summary }),
    findings: structured.success ? structured.data.findings : [],
    artifacts: structured.success ? (structured.data.artifacts ?? []) : [],
    usage: spent.usage,
    costUsd: spent.costUsd,
    models: spent.models,
    turns: r.num_turns,
    ...(r.session_id !== undefined && { sessionId: r.session_id }),
    permissionDenials: r.permission_denials,
  };
}
