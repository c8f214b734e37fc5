import { describe, expect, it } from 'vitest';
import type { AttributeNode, StringNode, ValueNode } from '../../src/language/ast.ts';
import { parse } from '../../src/language/parse.ts';

function value(source: string): ValueNode {
  const { ast, diagnostics } = parse(`workflow w { x = ${source} }`, 't.swarm');
  expect(diagnostics).toEqual([]);
  return (ast.blocks[0]!.body[0] as AttributeNode).value;
}

function text(source: string): string {
  const v = value(source) as StringNode;
  return v.parts.map((p) => (p.type === 'Text' ? p.value : `<${p.path.map((i) => i.name).join('.')}>`)).join('');
}

function codes(source: string): string[] {
  return parse(source, 't.swarm').diagnostics.map((d) => `${d.code}@${d.span.start}`);
}

describe('literals', () => {
  it.each([
    ['12', { type: 'Number', value: 12 }],
    ['-3', { type: 'Number', value: -3 }],
    ['40k', { type: 'Number', value: 40_000 }],
    ['1.5M', { type: 'Number', value: 1_500_000 }],
    ['500ms', { type: 'Duration', ms: 500 }],
    ['1h30m', { type: 'Duration', ms: 5_400_000 }],
    ['2d', { type: 'Duration', ms: 172_800_000 }],
    ['50/min', { type: 'Rate', amount: 50, unit: 'min' }],
    ['40k/min', { type: 'Rate', amount: 40_000, unit: 'min' }],
    ['2/s', { type: 'Rate', amount: 2, unit: 's' }],
    ['$0.25', { type: 'Money', usd: 0.25 }],
    ['true', { type: 'Bool', value: true }],
    ['trueish', { type: 'Ref', name: 'trueish' }],
    ['follow-up', { type: 'Ref', name: 'follow-up' }],
  ])('reads %s', (source, expected) => {
    expect(value(source)).toMatchObject(expected);
  });

  it('keeps the spelling of numbers for the formatter', () => {
    expect(value('40k')).toMatchObject({ raw: '40k' });
  });

  it.each([['30m1h'], ['5x'], ['300/week'], ['5.'], ['$']])('rejects %s as one bad literal', (source) => {
    const diagnostics = parse(`workflow w { x = ${source} }`, 't.swarm').diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual([source === '$' ? 'SW0001' : 'SW0006']);
  });
});

describe('strings', () => {
  it('cooks escapes and finds interpolations', () => {
    expect(text('"a\\"b\\\\c\\n\\t\\$x \\${y} ${s} ${e.result}"')).toBe('a"b\\c\n\t$x ${y} <s> <e.result>');
  });

  it('locates each interpolated name in the source', () => {
    const source = 'workflow w { x = "see ${evaluate.result}" }';
    const v = (parse(source, 't.swarm').ast.blocks[0]!.body[0] as AttributeNode).value as StringNode;
    const part = v.parts[1]!;
    expect(part.type).toBe('Interpolation');
    if (part.type !== 'Interpolation') return;
    expect(source.slice(part.span.start, part.span.end)).toBe('${evaluate.result}');
    expect(part.path.map((p) => source.slice(p.span.start, p.span.end))).toEqual(['evaluate', 'result']);
  });

  it('removes the common indentation of a text block, counting the closing line', () => {
    expect(text('"""\n    first\n      second\n    """')).toBe('first\n  second');
    expect(text('"""\n    first\n      second\n  """')).toBe('  first\n    second');
    expect(text('"""\n  a\n\n  b\n  """')).toBe('a\n\nb');
    expect(text('"""\r\n  a\r\n  """')).toBe('a');
    expect(text('"""inline"""')).toBe('inline');
  });

  it('reports bad escapes and interpolations where they are', () => {
    expect(codes('workflow w { x = "\\q ${} ${a b}" }')).toEqual(['SW0003@18', 'SW0005@21', 'SW0005@25']);
  });
});

describe('recovery', () => {
  it('reports every independent syntax error in one pass and keeps the rest of the file', () => {
    const source = [
      'workflow w {',
      '  task a {',
      '    prompt "missing equals"',
      '    worker = marie',
      '  }',
      '  task b {',
      '    tools = [Read Write]',
      '  }',
      '  task c {',
      '    timeout = 5x',
      '  }',
      '}',
    ].join('\n');
    const { ast, diagnostics } = parse(source, 't.swarm');
    expect(diagnostics.map((d) => d.code)).toEqual(['SW0004', 'SW0004', 'SW0006']);
    const tasks = ast.blocks[0]!.body;
    expect(tasks.map((t) => (t.type === 'Block' ? t.label?.name : ''))).toEqual(['a', 'b', 'c']);
  });

  it('stops at a depth no workflow needs, instead of overflowing the stack', () => {
    const { diagnostics } = parse('workflow w {' + ' a {'.repeat(500) + '}'.repeat(501), 't.swarm');
    expect(diagnostics.map((d) => d.message)).toEqual(['blocks, lists and calls nest at most 64 deep']);
  });

  it('accepts any layout: one line, Windows line endings, tabs', () => {
    for (const source of ['workflow w { task t { worker = a prompt = "x" } }', 'workflow w {\r\n\ttask t {\r\n\t\tworker = a\r\n\t}\r\n}\r\n']) {
      expect(parse(source, 't.swarm').diagnostics).toEqual([]);
    }
  });
});
