import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleByCode } from '../../src/diagnostics/rules.ts';
import type { CompileResult } from '../../src/compiler/compile.ts';
import { seeded } from '../support/property.ts';
import { compileText, repoRoot } from '../support/workspace.ts';

const workflows = ['student-review', 'code-review', 'campaign-launch', 'studio-week'].map((name) =>
  readFileSync(`${repoRoot}workflows/${name}.swarm`, 'utf8'),
);

/** What must hold for any input: diagnostics, never an exception, each well-formed and in range. */
function expectWellFormed(text: string, result: CompileResult): void {
  for (const d of result.diagnostics) {
    expect(ruleByCode(d.code), d.code).toBeDefined();
    expect(d.message.length).toBeGreaterThan(0);
    const source = result.sources.get(d.file);
    expect(source, d.file).toBeDefined();
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    expect(d.span.end).toBeLessThanOrEqual(source!.length);
  }
  expect(result.sources.get('test.swarm')).toBe(text);
  if (result.plan) expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
}

function check(text: string): void {
  expectWellFormed(text, compileText(text));
}

/** A real workflow with one edit: a slice deleted, duplicated or replaced by random text. */
const mutated = fc
  .tuple(fc.constantFrom(...workflows), fc.nat(), fc.nat(), fc.constantFrom('delete', 'duplicate', 'replace', 'insert'), fc.string({ unit: 'binary', maxLength: 20 }))
  .map(([text, a, b, how, noise]) => {
    const start = a % (text.length + 1);
    const end = Math.min(text.length, start + (b % 80));
    const slice = text.slice(start, end);
    const middle = { delete: '', duplicate: slice + slice, replace: noise, insert: slice + noise }[how];
    return text.slice(0, start) + middle + text.slice(end);
  });

const tokens = ['workflow', 'task', 'worker', 'w', '{', '}', '[', ']', '(', ')', '=', ',', '"x"', '"""\n a\n """', '5m', '50/min', '$1', '40k', 'true', 'file', 'env', '#c\n', '${a.result}', '"${', '\n', ' ', 'after', 'prompt', '-', '$', '"'];
const tokenSoup = fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((parts) => parts.join(' '));

describe('compile on any input', () => {
  it('returns located diagnostics for random text and never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), check), seeded(300));
  });

  it('survives random bytes decoded as text', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => check(new TextDecoder().decode(bytes))), seeded(300));
  });

  it('survives random sequences of the language’s own tokens', () => {
    fc.assert(fc.property(tokenSoup, check), seeded(500));
  });

  it('survives every small edit of the shipped workflows', () => {
    fc.assert(fc.property(mutated, check), seeded(300));
  });

  it('survives deep nesting and huge lines', () => {
    check('workflow w {' + ' a {'.repeat(3000) + '}'.repeat(3000) + '}');
    check('workflow w { x = ' + '['.repeat(2000) + ']'.repeat(2000) + ' }');
    check('workflow w { task t { worker = w prompt = "' + 'x'.repeat(1_000_000) + '" } worker w {} }');
    check('"'.repeat(10_000));
    check('workflow w { ' + 'task t { } '.repeat(2000) + '}');
  });
});
