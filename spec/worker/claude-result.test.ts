import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claudeOutcome, claudeOutcomeSchema, parseClaudeResult, type ClaudeExit } from '../../src/worker/claude-result.ts';
import { seeded } from '../support/property.ts';

/** Result objects printed by the real CLI 2.1.197 against the stand-in (uuid removed). */
function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
}

const exited = (stdout: string, exitCode: number, more: Partial<ClaudeExit> = {}): ClaudeExit => ({ exitCode, stdout, stderr: '', ...more });

describe('claudeOutcome on real CLI output', () => {
  it('reads a success: result text, usage, cost, turns and session', () => {
    expect(claudeOutcome(exited(fixture('success'), 0))).toEqual({
      ok: true,
      result: 'Hello from the stand-in.',
      findings: [],
      artifacts: [],
      // The CLI marks the last user message for caching, so the whole prompt is a cache write.
      usage: { inputTokens: 0, outputTokens: 6, cacheCreationInputTokens: 7263, cacheReadInputTokens: 0 },
      costUsd: 0.02732625,
      models: { 'claude-sonnet-5': { inputTokens: 0, outputTokens: 6, cacheCreationInputTokens: 7263, cacheReadInputTokens: 0, costUsd: 0.02732625 } },
      turns: 1,
      sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      permissionDenials: [],
    });
  });

  it('lists a denied tool on a success: the CLI exits 0 and the caller decides', () => {
    const outcome = claudeOutcome(exited(fixture('denied'), 0));
    expect(outcome).toMatchObject({ ok: true, result: 'Could not.', permissionDenials: [{ tool_name: 'Bash', tool_input: { command: 'touch x' } }] });
  });

  it('takes findings, artifacts and summary from the structured output', () => {
    const outcome = claudeOutcome(exited(fixture('structured'), 0, { expectStructured: true }));
    expect(outcome).toMatchObject({
      ok: true,
      structured: { summary: 'All good.', findings: ['a', 'b'], artifacts: ['report.md'] },
      summary: 'All good.',
      findings: ['a', 'b'],
      artifacts: ['report.md'],
    });
  });

  it('fails a run that was asked for structured output and gave none, as retryable', () => {
    expect(claudeOutcome(exited(fixture('success'), 0, { expectStructured: true }))).toMatchObject({ ok: false, kind: 'no-structured-output', retryable: true });
  });

  it.each([
    ['rate-limited', 429, 'rate-limited', true, "rate limit of 50 requests per minute"],
    ['overloaded', 529, 'rate-limited', true, 'Overloaded'],
    ['server-error', 500, 'api-error', true, 'Internal server error'],
    ['unauthorized', 401, 'api-error', false, 'Invalid API key'],
  ] as const)('sorts the %s result (API %i) as %s, retryable %s', (name, status, kind, retryable, says) => {
    const outcome = claudeOutcome(exited(fixture(name), 1));
    expect(outcome).toMatchObject({ ok: false, kind, retryable, status, exitCode: 1 });
    expect(outcome.ok || outcome.message).toContain(says);
  });

  it('sorts max turns and max budget, keeping what they spent', () => {
    expect(claudeOutcome(exited(fixture('max-turns'), 1))).toMatchObject({
      ok: false,
      kind: 'max-turns',
      retryable: false,
      message: 'Reached maximum number of turns (1)',
      usage: { outputTokens: expect.any(Number) },
      permissionDenials: [],
    });
    const budget = claudeOutcome(exited(fixture('max-budget'), 1));
    expect(budget).toMatchObject({ ok: false, kind: 'budget-exceeded', retryable: false, message: 'Reached maximum budget ($0.001)' });
    // The top-level usage of an over-budget run is all zeros; the per-model figures are not.
    expect(!budget.ok && budget.usage!.cacheCreationInputTokens).toBeGreaterThan(0);
  });
});

describe('claudeOutcome on process failures', () => {
  it('reports output that is no result as cli-error, quoting stderr', () => {
    const outcome = claudeOutcome({ exitCode: 1, stdout: '', stderr: '--dangerously-skip-permissions cannot be used with root/sudo privileges for security reasons\n' });
    expect(outcome).toEqual({
      ok: false,
      kind: 'cli-error',
      retryable: false,
      exitCode: 1,
      message: 'claude exited 1 and printed nothing on stdout: --dangerously-skip-permissions cannot be used with root/sudo privileges for security reasons',
    });
  });

  it('puts the runner’s timeout and abort before whatever was printed', () => {
    expect(claudeOutcome(exited(fixture('success'), 143, { timedOut: true }))).toMatchObject({ ok: false, kind: 'timeout', retryable: true });
    expect(claudeOutcome(exited('', 143, { aborted: true }))).toMatchObject({ ok: false, kind: 'killed', retryable: false });
    expect(claudeOutcome({ exitCode: null, stdout: '', stderr: '', signal: 'SIGKILL' })).toMatchObject({ ok: false, kind: 'killed', retryable: true, signal: 'SIGKILL' });
    expect(claudeOutcome({ exitCode: undefined, stdout: '', stderr: '', spawnError: 'spawn /nope ENOENT' })).toMatchObject({ ok: false, kind: 'spawn-failed', retryable: false });
  });

  it('finds the result object after other lines', () => {
    const parsed = parseClaudeResult(`warning: something\n${JSON.stringify(JSON.parse(fixture('success')))}\n`);
    expect(parsed.ok && parsed.value.result).toBe('Hello from the stand-in.');
  });

  it('never throws, and always gives a valid outcome, whatever stdout holds', () => {
    const realish = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ type: 'result', subtype: 'success', is_error: false, result: v })),
      fc.dictionary(fc.constantFrom('type', 'subtype', 'is_error', 'usage', 'modelUsage', 'permission_denials', 'structured_output', 'api_error_status', 'num_turns'), fc.jsonValue()).map((o) => JSON.stringify({ type: 'result', ...o })),
      fc.constantFrom(fixture('success'), fixture('rate-limited')).chain((f) => fc.nat(f.length).map((n) => f.slice(0, n))),
    );
    fc.assert(
      fc.property(realish, fc.option(fc.integer({ min: -1, max: 255 }), { nil: undefined }), fc.boolean(), (stdout, exitCode, expectStructured) => {
        const outcome = claudeOutcome({ exitCode, stdout, stderr: '', expectStructured });
        expect(claudeOutcomeSchema.safeParse(outcome).success).toBe(true);
      }),
      seeded(500),
    );
  });
});
