import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { parseInputArgs, renderArtifacts, renderFindings, renderTemplate, resolveInputs, TemplateError } from '../../src/runtime/render-template.ts';
import { seeded } from '../support/property.ts';
import { compileText } from '../support/workspace.ts';

const source = `workflow w {
  input student {
    type    = string
    default = "Emma Rodriguez"
  }
  input count {
    type = number
  }
  input detailed {
    type    = boolean
    default = false
  }
  worker a {}
  task first {
    worker = a
    prompt = "Review \${student}: \${count} lessons, detailed=\${detailed}"
  }
  task second {
    worker = a
    after  = [first]
    prompt = """
      Summary: \${first.result}
      Findings:
      \${first.findings}
      Files:
      \${first.artifacts}
      """
  }
}
`;

function compiled(): Plan {
  const result = compileText(source);
  if (result.plan === undefined) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.plan;
}

const plan = compiled();
const prompt = (id: string) => plan.nodes.find((n) => n.id === id)!.prompt;
const first = { result: 'She is ready for Level 3.', findings: ['Turnout improved', 'Needs work on\nspotting'], artifacts: ['out/evaluation.md', '/abs/notes.md'] };

describe('renderTemplate', () => {
  it('fills inputs with their values as text', () => {
    const text = renderTemplate(prompt('first'), { inputs: { student: 'Liam Chen', count: 12, detailed: true }, results: new Map() });
    expect(text).toBe('Review Liam Chen: 12 lessons, detailed=true');
  });

  it('fills an upstream result, its findings as a bullet list and its artifacts one path per line', () => {
    const text = renderTemplate(prompt('second'), { inputs: {}, results: new Map([['first', first]]), runDir: '/runs/r1' });
    expect(text).toBe(
      [
        'Summary: She is ready for Level 3.',
        'Findings:',
        '- Turnout improved',
        '- Needs work on',
        '  spotting',
        'Files:',
        '/runs/r1/out/evaluation.md',
        '/abs/notes.md',
      ].join('\n'),
    );
  });

  it('keeps artifact paths relative to the run directory when none is given', () => {
    expect(renderArtifacts(['out/a.md', '/x/b.md'])).toBe('out/a.md\n/x/b.md');
  });

  it('says (none) for empty findings and artifacts', () => {
    expect(renderFindings([])).toBe('(none)');
    expect(renderArtifacts([], '/runs/r1')).toBe('(none)');
  });

  it('keeps shell metacharacters, quotes and dollar signs verbatim', () => {
    const nasty = fc.string({ unit: fc.constantFrom(...'$`"\'\\;|&<>(){}*?!~#\n %ab'.split('')) });
    fc.assert(
      fc.property(nasty, nasty, (text, value) => {
        const out = renderTemplate([{ text }, { input: 'x' }, { node: 'n', field: 'result' }], {
          inputs: { x: value },
          results: new Map([['n', { result: value, findings: [], artifacts: [] }]]),
        });
        expect(out).toBe(text + value + value);
      }),
      seeded(200),
    );
    expect(renderTemplate([{ text: 'rm -rf $(ls) `id` && echo "$HOME" > /dev/null' }], { inputs: {}, results: new Map() })).toBe(
      'rm -rf $(ls) `id` && echo "$HOME" > /dev/null',
    );
  });

  it('throws for a hole with nothing to fill it', () => {
    expect(() => renderTemplate([{ input: 'missing' }], { inputs: {}, results: new Map() })).toThrow(TemplateError);
    expect(() => renderTemplate([{ node: 'first', field: 'result' }], { inputs: {}, results: new Map() })).toThrow(/first\.result/);
  });
});

describe('resolveInputs', () => {
  it('applies defaults under the given values', () => {
    expect(resolveInputs(plan, { count: 3 })).toEqual({ ok: true, values: { student: 'Emma Rodriguez', count: 3, detailed: false } });
    expect(resolveInputs(plan, { count: 3, student: 'Liam' })).toMatchObject({ ok: true, values: { student: 'Liam' } });
  });

  it('reports a missing required input, a wrong type and an unknown name, all at once', () => {
    expect(resolveInputs(plan, {})).toEqual({ ok: false, problems: ['Missing required input `count` (number): pass `--input count=…`'] });
    expect(resolveInputs(plan, { count: 'three', studnet: 'x' })).toEqual({
      ok: false,
      problems: ['Unknown input `studnet`: did you mean `student`?', 'Expected input `count` to be a number, got "three"'],
    });
  });
});

describe('parseInputArgs', () => {
  it('converts values to the declared types', () => {
    expect(parseInputArgs(plan, ['count=12', 'detailed=true', 'student=Liam Chen'])).toEqual({
      ok: true,
      values: { count: 12, detailed: true, student: 'Liam Chen' },
    });
    expect(parseInputArgs(plan, ['count=-1.5e2', 'detailed=false'])).toEqual({ ok: true, values: { count: -150, detailed: false } });
  });

  it('keeps a string exactly, with = signs, spaces and an empty value', () => {
    expect(parseInputArgs(plan, ['student=a=b; $(c) '])).toEqual({ ok: true, values: { student: 'a=b; $(c) ' } });
    expect(parseInputArgs(plan, ['student='])).toEqual({ ok: true, values: { student: '' } });
  });

  it('says what it expected and what it got', () => {
    expect(parseInputArgs(plan, ['count=abc'])).toEqual({ ok: false, problems: ['Expected `--input count` to be a number, got `abc`'] });
    expect(parseInputArgs(plan, ['count='])).toEqual({ ok: false, problems: ['Expected `--input count` to be a number, got ``'] });
    expect(parseInputArgs(plan, ['count=Infinity'])).toMatchObject({ ok: false });
    expect(parseInputArgs(plan, ['detailed=yes'])).toEqual({ ok: false, problems: ['Expected `--input detailed` to be a boolean, got `yes`'] });
    expect(parseInputArgs(plan, ['count'])).toEqual({ ok: false, problems: ['Expected `--input` as NAME=value, got `count`'] });
    expect(parseInputArgs(plan, ['=3'])).toEqual({ ok: false, problems: ['Expected `--input` as NAME=value, got `=3`'] });
    expect(parseInputArgs(plan, ['count=1', 'count=2'])).toEqual({ ok: false, problems: ['`--input count` is given more than once'] });
  });

  it('names the inputs the workflow takes when a name is far off', () => {
    expect(parseInputArgs(plan, ['zzz=1'])).toEqual({
      ok: false,
      problems: ['Unknown input `zzz`: the workflow takes `student`, `count`, `detailed`'],
    });
  });
});
