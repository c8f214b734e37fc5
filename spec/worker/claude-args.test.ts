import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claudeArgs, claudeSpecSchema, cliJsonSchema } from '../../src/worker/claude-args.ts';
import { findingsJsonSchema } from '../../src/worker/claude-result.ts';
import { seeded } from '../support/property.ts';

const base = ['-p', '--output-format', 'json', '--model', 'sonnet', '--setting-sources', '', '--strict-mcp-config'];

describe('claudeArgs', () => {
  it('builds the minimal argv: print mode, JSON result, hermetic settings, nothing saved, prompt last', () => {
    expect(claudeArgs({ prompt: 'say hi', model: 'sonnet' })).toEqual([...base, '--no-session-persistence', '--', 'say hi']);
  });

  it('passes every option as the flag Claude Code 2.1.197 takes', () => {
    const agents = { reviewer: { description: 'Reviews drafts', prompt: 'You review.', tools: ['Read'], model: 'haiku' } };
    const args = claudeArgs({
      prompt: 'go',
      model: 'claude-sonnet-5',
      systemPrompt: 'You are Marie.',
      appendSystemPrompt: 'Be brief.',
      tools: ['Read', 'Write', 'Agent'],
      allowedTools: ['Write', 'Edit(notes/**)', 'Bash(git log:*)'],
      disallowedTools: ['WebFetch'],
      agents,
      permissionMode: 'acceptEdits',
      maxTurns: 12,
      maxBudgetUsd: 0.5,
      addDirs: ['/srv/shared', '/srv/more'],
      sessionId: '2b9c6a40-8f0e-4b3b-9d43-0f6b1f6d2a11',
      jsonSchema: findingsJsonSchema,
      fallbackModel: 'haiku',
    });
    expect(args).toEqual([
      '-p', '--output-format', 'json', '--model', 'claude-sonnet-5', '--setting-sources', '', '--strict-mcp-config',
      '--system-prompt', 'You are Marie.',
      '--append-system-prompt', 'Be brief.',
      '--tools', 'Read,Write,Agent',
      '--allowedTools', 'Write', 'Edit(notes/**)', 'Bash(git log:*)',
      '--disallowedTools', 'WebFetch',
      '--agents', JSON.stringify(agents),
      '--permission-mode', 'acceptEdits',
      '--max-turns', '12',
      '--max-budget-usd', '0.5',
      '--add-dir', '/srv/shared', '--add-dir', '/srv/more',
      '--session-id', '2b9c6a40-8f0e-4b3b-9d43-0f6b1f6d2a11',
      '--json-schema', JSON.stringify(cliJsonSchema(findingsJsonSchema)),
      '--fallback-model', 'haiku',
      '--', 'go',
    ]);
  });

  it('offers no tools at all with an empty list', () => {
    expect(claudeArgs({ prompt: 'p', model: 'm', tools: [] })).toContain('--tools');
    const args = claudeArgs({ prompt: 'p', model: 'm', tools: [] });
    expect(args[args.indexOf('--tools') + 1]).toBe('');
  });

  it('drops the $schema declaration, which makes the CLI silently ignore --json-schema', () => {
    expect(findingsJsonSchema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    const args = claudeArgs({ prompt: 'p', model: 'm', jsonSchema: findingsJsonSchema });
    const passed = JSON.parse(args[args.indexOf('--json-schema') + 1]!) as Record<string, unknown>;
    expect(passed['$schema']).toBeUndefined();
    expect(passed).toMatchObject({ type: 'object', required: ['findings'], properties: { findings: { type: 'array', items: { type: 'string' } } } });
  });

  it('rejects what cannot be an argument: an empty prompt, a NUL, a bad agent name or session id', () => {
    expect(() => claudeArgs({ prompt: '', model: 'm' })).toThrow('the prompt is empty');
    expect(() => claudeArgs({ prompt: 'a\0b', model: 'm' })).toThrow('NUL');
    expect(claudeSpecSchema.safeParse({ prompt: 'p', model: 'm', agents: { 'has space': { description: 'd', prompt: 'p' } } }).success).toBe(false);
    expect(claudeSpecSchema.safeParse({ prompt: 'p', model: 'm', sessionId: 'not-a-uuid' }).success).toBe(false);
    expect(claudeSpecSchema.safeParse({ prompt: 'p', model: 'm', maxTurns: 0 }).success).toBe(false);
  });

  const prompt = fc.string({ minLength: 1, unit: 'grapheme' }).filter((s) => !s.includes('\0'));
  const toolLists = fc.option(fc.array(fc.constantFrom('Read', 'Write', 'Bash', 'Agent', 'Edit(src/**)'), { maxLength: 4 }), { nil: undefined });

  it('puts any prompt, unchanged, as the last argument after `--`, whatever else is set', () => {
    fc.assert(
      fc.property(prompt, toolLists, toolLists, fc.array(fc.string({ minLength: 1 }).filter((s) => !s.includes('\0')), { maxLength: 2 }), (p, tools, allowed, dirs) => {
        const args = claudeArgs({ prompt: p, model: 'sonnet', ...(tools && { tools }), ...(allowed && { allowedTools: allowed }), addDirs: dirs });
        expect(args.at(-1)).toBe(p);
        expect(args.at(-2)).toBe('--');
        expect(args.indexOf('--')).toBe(args.length - 2);
      }),
      seeded(300),
    );
  });

  it('passes shell metacharacters through as plain text, since there is no shell', () => {
    const p = '$(touch pwned) ; rm -rf x && `echo` | cat > out \'"\\';
    expect(claudeArgs({ prompt: p, model: 'm' }).at(-1)).toBe(p);
  });
});
