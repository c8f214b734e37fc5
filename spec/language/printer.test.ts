import { describe, expect, it } from 'vitest';
import { format } from '../../src/language/format.ts';
import { parse } from '../../src/language/parse.ts';
import { print } from '../../src/language/printer.ts';

const lines = (...l: string[]) => l.join('\n') + '\n';

/** Formats, and checks that formatting the result changes nothing. */
function fmt(text: string): string {
  const result = format(text, 'test.swarm');
  expect(result.diagnostics).toEqual([]);
  expect(format(result.text!, 'test.swarm').text).toBe(result.text);
  return result.text!;
}

describe('format: golden examples', () => {
  it('indents, aligns and sorts a messy file into the canonical order', () => {
    const messy = lines(
      '# The header stays on top.',
      '',
      'workflow   demo{',
      'description="A demo"   # what it is',
      '  task b { prompt = "hi" worker=w',
      '  }',
      'budget=$5',
      '    # about the worker',
      '  worker w {',
      '  tools=[Read,Write]',
      '  model = sonnet',
      '     x-unknown = 1',
      '  }',
      '  input   topic{default="x"',
      '  type=string}',
      '  }',
    );
    expect(fmt(messy)).toBe(
      lines(
        '# The header stays on top.',
        '',
        'workflow demo {',
        '  description = "A demo" # what it is',
        '  budget      = $5',
        '',
        '  input topic {',
        '    type    = string',
        '    default = "x"',
        '  }',
        '',
        '  # about the worker',
        '  worker w {',
        '    model     = sonnet',
        '    tools     = [Read, Write]',
        '    x-unknown = 1',
        '  }',
        '',
        '  task b {',
        '    worker = w',
        '    prompt = "hi"',
        '  }',
        '}',
      ),
    );
  });

  it('keeps every comment: header, header line, leading, trailing, inside a value, footers', () => {
    const source = lines(
      '# Title',
      '',
      '',
      '# Second paragraph of the header',
      'workflow w { # on the header line',
      '  # leading comment of budget',
      '',
      '  budget = $1 # trailing',
      '',
      '  tools = [',
      '    Read, # inside a list',
      '    Write,',
      '  ]',
      '  defaults {',
      '    # only a footer here',
      '  }',
      '',
      '  task t {',
      '    worker = w',
      '',
      '',
      '    # end of the task',
      '  } # after the brace',
      '  # end of the workflow',
      '}',
      '# end of the file',
    );
    expect(fmt(source)).toBe(
      lines(
        '# Title',
        '',
        '# Second paragraph of the header',
        'workflow w { # on the header line',
        '  # leading comment of budget',
        '',
        '  budget = $1 # trailing',
        '  # inside a list',
        '  tools = [Read, Write]',
        '',
        '  defaults {',
        '    # only a footer here',
        '  }',
        '',
        '  task t {',
        '    worker = w',
        '',
        '    # end of the task',
        '  } # after the brace',
        '  # end of the workflow',
        '}',
        '# end of the file',
      ),
    );
  });

  it('aligns `=` in runs that end at a comment line and after a multi-line value, as terraform fmt does', () => {
    const source = lines(
      'workflow w {',
      '  task t {',
      '    worker = w',
      '    max-turns = 4',
      '    prompt = """',
      '      Do it.',
      '      """',
      '    model = opus',
      '    x = 1',
      '    # a comment line breaks the run',
      '    long-unknown-name = 2',
      '    y = 3',
      '  }',
      '}',
    );
    expect(fmt(source)).toBe(
      lines(
        'workflow w {',
        '  task t {',
        '    worker = w',
        '    prompt = """',
        '      Do it.',
        '      """',
        '    model     = opus',
        '    max-turns = 4',
        '    x         = 1',
        '    # a comment line breaks the run',
        '    long-unknown-name = 2',
        '    y                 = 3',
        '  }',
        '}',
      ),
    );
  });

  it('wraps lists longer than 100 columns one item a line, with a trailing comma', () => {
    const source = lines(
      'workflow w {',
      '  worker marie {',
      '    tools = [Read, Write, Edit, Grep, Glob, Bash, Task, WebFetch, WebSearch, NotebookEdit, TodoWrite, Agent]',
      '    agents = [a, b]',
      '    x = [[1, 2], [alpha-beta-gamma-delta, alpha-beta-gamma-delta, alpha-beta-gamma-delta, alpha-beta-gamma-delta], []]',
      '    y = [file("a.md"), """',
      '    text',
      '    """]',
      '  }',
      '}',
    );
    expect(fmt(source)).toBe(
      lines(
        'workflow w {',
        '  worker marie {',
        '    tools = [',
        ...['Read', 'Write', 'Edit', 'Grep', 'Glob', 'Bash', 'Task', 'WebFetch', 'WebSearch', 'NotebookEdit', 'TodoWrite', 'Agent'].map((t) => `      ${t},`),
        '    ]',
        '    agents = [a, b]',
        '    x      = [',
        '      [1, 2],',
        '      [',
        '        alpha-beta-gamma-delta,',
        '        alpha-beta-gamma-delta,',
        '        alpha-beta-gamma-delta,',
        '        alpha-beta-gamma-delta,',
        '      ],',
        '      [],',
        '    ]',
        '    y = [',
        '      file("a.md"),',
        '      """',
        '        text',
        '        """,',
        '    ]',
        '  }',
        '}',
      ),
    );
  });

  it('keeps a list that fits in exactly 100 columns on one line', () => {
    const start = `  x = [${Array.from({ length: 10 }, (_, i) => `item-0${i}`).join(', ')}, `;
    const line = start + 'z'.repeat(99 - start.length) + ']';
    expect(line).toHaveLength(100);
    expect(fmt(lines('a {', line, '}'))).toBe(lines('a {', line, '}'));
    expect(fmt(lines('a {', line.replace(']', 'z]'), '}')).split('\n')).toHaveLength(16);
  });

  it('re-indents text blocks and re-escapes strings minimally', () => {
    const source = lines(
      'workflow w {',
      '  task t {',
      '    prompt = """',
      '\t\tTabs then ${x} and \\${literal}.',
      '\t\t  Indented by two more.',
      '',
      '\t\tA \\""" quote run, four ""\\"" and a trailing quote"',
      '\t\t"""',
      '    worker = "line one\\nline two"',
      '    keep = """',
      '        leading spaces kept',
      '      """',
      '    q = "tab\\there \\"quoted\\" back\\\\slash \\$${x}"',
      '  }',
      '}',
    );
    expect(fmt(source)).toBe(
      lines(
        'workflow w {',
        '  task t {',
        '    worker = """',
        '      line one',
        '      line two',
        '      """',
        '    prompt = """',
        '      Tabs then ${x} and \\${literal}.',
        '        Indented by two more.',
        '',
        '      A ""\\" quote run, four ""\\"" and a trailing quote"',
        '      """',
        '    keep = """',
        '        leading spaces kept',
        '      """',
        '    q = "tab\\there \\"quoted\\" back\\\\slash $${x}"',
        '  }',
        '}',
      ),
    );
  });

  it('reads Windows line endings and tab indentation, and writes LF and spaces', () => {
    const source = 'workflow w {\r\n\ttask t {\r\n\t\tworker = w # crlf\r\n\t\tprompt = """\r\n\t\t\tLine one.\r\n\t\t\tLine two.\r\n\t\t\t"""\r\n\t}\r\n}\r\n';
    expect(fmt(source)).toBe(
      lines('workflow w {', '  task t {', '    worker = w # crlf', '    prompt = """', '      Line one.', '      Line two.', '      """', '  }', '}'),
    );
  });

  it('prints empty blocks on one line, and a file of only comments as is', () => {
    expect(fmt('workflow w {\n  defaults {\n  }\n}')).toBe(lines('workflow w {', '  defaults {}', '}'));
    expect(fmt('# just a note\n\n# another\n')).toBe(lines('# just a note', '', '# another'));
    expect(fmt('')).toBe('');
  });
});

describe('print options', () => {
  const source = lines('workflow w {', '  task t {', '    prompt = "p" # why', '    worker = w', '  }', '  budget = $1', '}');

  it('keeps the source order with reorder: false', () => {
    const { ast } = parse(source, 'test.swarm');
    expect(print(ast, { reorder: false, source })).toBe(
      lines('workflow w {', '  task t {', '    prompt = "p" # why', '    worker = w', '  }', '', '  budget = $1', '}'),
    );
  });

  it('puts every comment on its own line, above the next item, when the source text is not given', () => {
    const { ast } = parse(source, 'test.swarm');
    expect(print(ast)).toBe(lines('workflow w {', '  budget = $1', '', '  task t {', '    # why', '    worker = w', '    prompt = "p"', '  }', '}'));
  });

  it('throws rather than print a value the parser could not read', () => {
    const { ast } = parse('w {\n  x = \n}\n', 'test.swarm');
    expect(() => print(ast)).toThrow(/could not read/);
  });
});
