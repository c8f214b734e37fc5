import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claudeArgs } from '../../src/worker/claude-invocation.ts';
import { interpretClaude } from '../../src/worker/claude-outcome.ts';
import type { ClaudeRun } from '../../src/worker/claude-process.ts';
import { seeded } from '../support/property.ts';

const usage = { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 100, cache_read_input_tokens: 50 };

function run(stdout: string, extra: Partial<ClaudeRun> = {}): ClaudeRun {
  return { exitCode: 0, signal: undefined, stdout, stderr: '', timedOut: false, aborted: false, ...extra };
}

function cliResult(fields: Record<string, unknown>): string {
  return JSON.stringify({ type: 'result', subtype: 'success', is_error: false, num_turns: 2, result: 'text', session_id: 's1', total_cost_usd: 0.02, usage, permission_denials: [], ...fields }) + '\n';
}

describe('interpretClaude', () => {
  it('takes summary, findings and artifacts from the structured output', () => {
    const o = interpretClaude(run(cliResult({ structured_output: { summary: 'Ready for Level 4', findings: ['a', 'b'], artifacts: ['eval.md'] } })));
    expect(o).toEqual({ ok: true, result: 'Ready for Level 4', findings: ['a', 'b'], artifacts: ['eval.md'], usage, costUsd: 0.02, turns: 2, sessionId: 's1', denials: [] });
  });

  it('falls back to the result text when the model gave no structured output', () => {
    const o = interpretClaude(run(cliResult({})));
    expect(o).toMatchObject({ ok: true, result: 'text', findings: [], artifacts: [] });
  });

  it('lists the tools the CLI denied, though the run itself succeeded', () => {
    const o = interpretClaude(run(cliResult({ permission_denials: [{ tool_name: 'Bash', tool_use_id: 'x', tool_input: {} }] })));
    expect(o).toMatchObject({ ok: true, denials: ['Bash'] });
  });

  it.each([
    [429, 'rate-limited', true, '429'],
    [529, 'rate-limited', true, '529'],
    [500, 'api-error', true, '500'],
    [401, 'api-error', false, '401'],
    [400, 'api-error', false, '400'],
  ])('an API error %i is %s (retryable: %s) and says which', (status, kind, retryable, says) => {
    const o = interpretClaude(run(cliResult({ is_error: true, api_error_status: status, result: 'API Error' }), { exitCode: 1 }));
    expect(o).toMatchObject({ ok: false, kind, retryable, status, usage });
    expect(!o.ok && o.message).toContain(says);
  });

  it('the turn limit is final', () => {
    expect(interpretClaude(run(cliResult({ subtype: 'error_max_turns', is_error: true }), { exitCode: 1 }))).toMatchObject({ ok: false, kind: 'max-turns', retryable: false });
  });

  it('a timeout, an abort and a missing binary are told apart', () => {
    expect(interpretClaude(run('', { timedOut: true, exitCode: undefined, signal: 'SIGTERM' }))).toMatchObject({ ok: false, kind: 'timeout', retryable: true });
    expect(interpretClaude(run('', { aborted: true }))).toMatchObject({ ok: false, kind: 'killed' });
    expect(interpretClaude(run('', { spawnError: 'ENOENT', exitCode: undefined }))).toMatchObject({ ok: false, kind: 'spawn-failed', retryable: false });
  });

  it('output that is not the CLI result is a cli-error quoting what the CLI said', () => {
    const o = interpretClaude(run('', { exitCode: 1, stderr: 'Error: something broke\n' }));
    expect(o).toMatchObject({ ok: false, kind: 'cli-error', retryable: true });
    expect(!o.ok && o.message).toContain('something broke');
  });

  it('never throws, whatever the CLI printed', () => {
    const stdout = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => cliResult({ structured_output: v })),
      fc.dictionary(fc.string(), fc.jsonValue()).map((d) => JSON.stringify({ type: 'result', ...d })),
    );
    fc.assert(
      fc.property(stdout, fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }), (out, code) => {
        const o = interpretClaude(run(out, { exitCode: code }));
        expect(typeof o.ok).toBe('boolean');
        if (!o.ok) expect(o.message.length).toBeGreaterThan(0);
      }),
      seeded(500),
    );
  });
});

describe('claudeArgs', () => {
  const base = { model: 'sonnet', agents: {}, permissionMode: 'acceptEdits', readDirs: [] };

  it('passes any prompt as one argument, verbatim: no shell ever sees it', () => {
    fc.assert(
      fc.property(fc.string(), (prompt) => {
        const args = claudeArgs({ ...base, prompt });
        expect(args.slice(-2)).toEqual(['--', prompt]);
      }),
      seeded(300),
    );
    const nasty = '$(touch PWNED); rm -rf / && `id` "quoted" \'single\'';
    expect(claudeArgs({ ...base, prompt: nasty })).toContain(nasty);
  });

  it('offers and allows the same tools, naming the sub-agent tool as the API does', () => {
    const args = claudeArgs({ ...base, prompt: 'x', tools: ['Read', 'Task'] });
    expect(args[args.indexOf('--tools') + 1]).toBe('Read,Agent');
    expect(args[args.indexOf('--allowedTools') + 1]).toBe('Read,Agent');
  });

  it('hands sub-agents over in the CLI format and keeps user settings out', () => {
    const agents = { critic: { description: 'Reviews', prompt: 'You review.', tools: ['Read'], model: 'haiku' } };
    const args = claudeArgs({ ...base, prompt: 'x', agents });
    expect(JSON.parse(args[args.indexOf('--agents') + 1]!)).toEqual(agents);
    expect(args[args.indexOf('--setting-sources') + 1]).toBe('');
    expect(args).toContain('--no-session-persistence');
  });

  it('adds a read-only workspace for reading and denies writes into it', () => {
    const args = claudeArgs({ ...base, prompt: 'x', readDirs: ['/srv/studio'] });
    expect(args[args.indexOf('--add-dir') + 1]).toBe('/srv/studio');
    expect(args).toContain('Edit(//srv/studio/**)');
    expect(args).toContain('Write(//srv/studio/**)');
  });
});
