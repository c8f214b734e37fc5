import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expectation } from '../../src/compiler/plan-schema.ts';
import { checkExpectations, type NodeFacts, type RunFacts } from '../../src/expect/check-expectations.ts';
import { planHash } from '../../src/runtime/plan-hash.ts';
import { compileText } from '../support/workspace.ts';

const base: Expectation = { name: 'e', line: 3, task: 't', status: 'done', contains: [], excludes: [] };

function facts(node: Partial<NodeFacts> | undefined, files: Record<string, string> = {}, run: Partial<RunFacts> = {}): RunFacts {
  const nodes = new Map<string, NodeFacts>(node ? [['t', { status: 'done', costUsd: 0.1, ...node }]] : []);
  return { status: 'done', costUsd: 0.5, nodes, readFile: (_n, p) => files[p], ...run };
}

describe('checkExpectations', () => {
  it('checks the status of the named task, and says what it was instead', () => {
    const [out] = checkExpectations([{ ...base, status: 'done' }], facts({ status: 'skipped' }));
    expect(out!.passed).toBe(false);
    expect(out!.checks).toEqual([{ kind: 'status', passed: false, expected: 'done', actual: 'skipped' }]);
  });

  it('reads the file instead of the result when `file` is given, and fails every read of a file that was not written', () => {
    const e = { ...base, file: 'out.md', contains: ['Hello'], excludes: ['TODO'], matches: '^Hello$' };
    const written = checkExpectations([e], facts({ text: 'no greeting here' }, { 'out.md': 'Intro\nHello\nEnd' }))[0]!;
    expect(written.passed).toBe(true);
    expect(written.checks.map((c) => c.actual)).toEqual(['done', '15 characters', 'found in out.md', 'absent from out.md', '"Hello" in out.md']);

    const missing = checkExpectations([e], facts({ text: 'Hello' }))[0]!;
    expect(missing.passed).toBe(false);
    expect(missing.checks.filter((c) => !c.passed).map((c) => c.kind)).toEqual(['file', 'contains', 'excludes', 'matches']);
    expect(missing.checks.at(-1)!.actual).toBe('no text: out.md was not written');
  });

  it('shows the text around a phrase that must not be there', () => {
    const text = `${'x'.repeat(200)} the ankle sprain healed ${'y'.repeat(200)}`;
    const [out] = checkExpectations([{ ...base, excludes: ['sprain'] }], facts({ text }));
    const check = out!.checks[1]!;
    expect(check.passed).toBe(false);
    expect(check.actual).toMatch(/^in the result: …x+ the ankle sprain healed y+…$/);
  });

  it('without a task, checks the run: its status and total cost', () => {
    const e: Expectation = { name: 'run', line: 1, status: 'done', contains: [], excludes: [], costUnderUsd: 0.25 };
    const [out] = checkExpectations([e], facts(undefined, {}, { status: 'failed', costUsd: 0.5 }));
    expect(out!.checks).toEqual([
      { kind: 'status', passed: false, expected: 'run done', actual: 'failed' },
      { kind: 'cost', passed: false, expected: 'cost under $0.25', actual: '$0.50' },
    ]);
  });

  it('a task the run never had fails, naming that', () => {
    const [out] = checkExpectations([base], facts(undefined));
    expect(out!.checks[0]).toEqual({ kind: 'status', passed: false, expected: 'done', actual: 'not in the run' });
  });

  it('for any text and phrases: contains holds exactly for the phrases in it, excludes for the others, and the block passes only if all do', () => {
    const word = fc.stringMatching(/^[a-c]{1,3}$/);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '\n') }), fc.array(word, { maxLength: 4 }), fc.array(word, { maxLength: 4 }), (text, contains, excludes) => {
        const [out] = checkExpectations([{ ...base, contains, excludes }], facts({ text }));
        const got = out!.checks.slice(1);
        expect(got.map((c) => c.passed)).toEqual([...contains.map((p) => text.includes(p)), ...excludes.map((p) => !text.includes(p))]);
        expect(out!.passed).toBe(out!.checks.every((c) => c.passed));
      }),
    );
  });

  it('cost-under is strict, for any spend and limit', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0.0001, max: 10, noNaN: true }), (spent, limit) => {
        const [out] = checkExpectations([{ ...base, costUnderUsd: limit }], facts({ costUsd: spent }));
        expect(out!.checks.at(-1)!.passed).toBe(spent < limit);
      }),
    );
  });
});

describe('expect blocks in the plan', () => {
  const workflow = (expects: string) => `workflow w {
  worker marie { }
  task evaluate {
    worker  = marie
    prompt  = "Write evaluation.md."
    outputs = ["evaluation.md"]
  }
${expects}
}
`;

  it('compile to the plan with their line, defaults and resolved task', () => {
    const { plan } = compileText(workflow('  expect written {\n    task = evaluate\n    file = "evaluation.md"\n    contains = "Strengths"\n  }\n  expect cheap { cost-under = $2 }'));
    expect(plan!.expects).toEqual([
      { name: 'written', line: 8, task: 'evaluate', status: 'done', file: 'evaluation.md', contains: ['Strengths'], excludes: [] },
      { name: 'cheap', line: 13, status: 'done', contains: [], excludes: [], costUnderUsd: 2 },
    ]);
  });

  it('leave the plan hash alone, so adding one keeps a run resumable', () => {
    const without = compileText(workflow('')).plan!;
    const withOne = compileText(workflow('  expect cheap { cost-under = $2 }')).plan!;
    expect(withOne.expects).toHaveLength(1);
    expect(planHash(withOne)).toBe(planHash(without));
  });

  it('name a node, not a worker, and share the namespace with everything else', () => {
    const wrong = compileText(workflow('  expect e { task = marie }'));
    expect(wrong.diagnostics.map((d) => [d.code, d.message])).toContainEqual(['SW0203', '`marie` is a worker, not a task, decompose or synthesize node']);
    const clash = compileText(workflow('  expect evaluate { status = done }'));
    expect(clash.diagnostics.map((d) => d.message)).toContain('`evaluate` is already declared as a task');
  });

  it('cannot expect the run to be skipped, or read what a skipped task never wrote', () => {
    const run = compileText(workflow('  expect e { status = skipped }'));
    expect(run.diagnostics.map((d) => d.code)).toEqual(['SW0704']);
    const read = compileText(workflow('  expect e {\n    task = evaluate\n    status = skipped\n    contains = "x"\n  }'));
    expect(read.diagnostics.map((d) => [d.code, d.message])).toEqual([['SW0704', 'expect `e` reads `contains` of a task it expects to be skipped']]);
  });
});
