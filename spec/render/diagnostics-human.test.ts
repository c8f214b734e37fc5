import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { createStyler, plain } from '../../src/render/color.ts';
import { renderHuman, summarize } from '../../src/render/diagnostics-human.ts';

/** The span of the `nth` occurrence of `needle` in `text`. */
function find(text: string, needle: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`no ${needle} in fixture`);
  return { start, end: start + needle.length };
}

function diag(file: string, text: string, needle: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code: 'SW0202', severity: 'error', message: 'unknown worker `mari`', file, span: find(text, needle), ...extra };
}

function render(diags: Diagnostic[], sources: Record<string, string>, filesChecked = 1): string {
  return renderHuman(diags, new Map(Object.entries(sources)), { style: plain, filesChecked });
}

const flow = 'workflow w {\n  task "a" {\n    worker = "mari"\n  }\n}\n';

describe('renderHuman', () => {
  it('prints the header, location, source line, carets, help and summary', () => {
    const d = diag('flow.swarm', flow, '"mari"', { help: 'did you mean `maria`?' });
    expect(render([d], { 'flow.swarm': flow })).toBe(
      [
        'error[SW0202]: unknown worker `mari`',
        ' --> flow.swarm:3:14',
        '  |',
        '3 |     worker = "mari"',
        '  |              ^^^^^^',
        '  |',
        '  = help: did you mean `maria`?',
        '',
        '1 error in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('keeps tabs in the caret prefix so the carets line up under the source', () => {
    const text = 'task "a" {\n\t\tworker = "mari"\n}\n';
    const out = render([diag('t.swarm', text, '"mari"')], { 't.swarm': text });
    expect(out).toContain('2 | \t\tworker = "mari"\n  | \t\t         ^^^^^^\n');
  });

  it('counts wide characters as two columns and code units as columns in the location', () => {
    const text = 'label = "日本 🚀" bad\n';
    const out = render([diag('u.swarm', text, 'bad', { code: 'SW0103', message: 'unknown attribute' })], { 'u.swarm': text });
    // `bad` starts at UTF-16 column 17 (🚀 is two code units) and at display column 19.
    expect(out).toContain(' --> u.swarm:1:17\n');
    expect(out).toContain('1 | label = "日本 🚀" bad\n  | ' + ' '.repeat(18) + '^^^\n');
  });

  it('counts a combining accent as no width', () => {
    const text = 'name = "e\u0301t\u00e9" oops\n';
    const out = render([diag('c.swarm', text, 'oops')], { 'c.swarm': text });
    expect(out).toContain('  | ' + ' '.repeat(13) + '^^^^\n');
  });

  it('underlines a multi-line span to the end of its first line and says where it ends', () => {
    const span = { start: flow.indexOf('task'), end: flow.indexOf('  }\n') + 3 };
    const out = render([{ code: 'SW0105', severity: 'error', message: 'missing `prompt`', file: 'f', span }], { f: flow });
    expect(out).toContain('2 |   task "a" {\n  |   ^^^^^^^^^^ continues to line 4\n');
  });

  it('shows each related span with its own excerpt, a dash underline and its message', () => {
    const other = 'worker "maria" {}\n';
    const d = diag('flow.swarm', flow, '"mari"', {
      related: [
        { file: 'flow.swarm', span: find(flow, '"a"'), message: 'in this task' },
        { file: 'workers.swarm', span: find(other, '"maria"'), message: 'a worker with a similar name' },
      ],
    });
    const out = render([d], { 'flow.swarm': flow, 'workers.swarm': other }, 2);
    expect(out).toBe(
      [
        'error[SW0202]: unknown worker `mari`',
        ' --> flow.swarm:3:14',
        '  |',
        '3 |     worker = "mari"',
        '  |              ^^^^^^',
        '  |',
        ' ::: flow.swarm:2:8',
        '  |',
        '2 |   task "a" {',
        '  |        --- in this task',
        '  |',
        ' ::: workers.swarm:1:8',
        '  |',
        '1 | worker "maria" {}',
        '  |        ------- a worker with a similar name',
        '',
        '1 error in 2 files',
        '',
      ].join('\n'),
    );
  });

  it('widens the gutter to the longest line number shown', () => {
    const text = '\n'.repeat(9) + 'worker = "mari"\n';
    const out = render([diag('w', text, '"mari"')], { w: text });
    expect(out).toContain('  --> w:10:10\n   |\n10 | worker = "mari"\n   |          ^^^^^^\n');
  });

  it('masks secrets in the excerpt and puts the carets under the masked text', () => {
    const text = 'env = { KEY = "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789" }\n';
    const out = render([diag('s', text, 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', { code: 'SW0601', message: 'literal secret' })], { s: text });
    expect(out).not.toContain('AbCdEf');
    expect(out).toContain('1 | env = { KEY = "sk-ant…" }\n  |                ^^^^^^^\n');
  });

  it('marks an empty span with one caret', () => {
    const text = 'task "a" {\n';
    const out = render([{ ...diag('e', text, '{'), span: { start: text.length - 1, end: text.length - 1 } }], { e: text });
    expect(out).toContain('1 | task "a" {\n  |           ^\n');
  });

  it('still reports a diagnostic whose source is unknown, at 1:1 without an excerpt', () => {
    const out = render([diag('flow.swarm', flow, '"mari"')], {});
    expect(out).toBe('error[SW0202]: unknown worker `mari`\n --> flow.swarm:1:1\n\n1 error in 1 file\n');
  });

  it('replaces control characters so a source line cannot drive the terminal', () => {
    const text = 'name = "\x1b[2Jx" bad\n';
    const out = render([diag('x', text, 'bad')], { x: text });
    expect(out).not.toContain('\x1b');
    expect(out).toContain('  | ' + ' '.repeat(15) + '^^^\n');
  });

  it('colours only when given a colouring styler', () => {
    const d = diag('flow.swarm', flow, '"mari"');
    const sources = new Map([['flow.swarm', flow]]);
    expect(renderHuman([d], sources, { style: plain, filesChecked: 1 })).not.toContain('\x1b[');
    const coloured = renderHuman([d], sources, { style: createStyler(true), filesChecked: 1 });
    expect(coloured).toContain('\x1b[31m');
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(renderHuman([d], sources, { style: plain, filesChecked: 1 }));
  });
});

describe('summarize', () => {
  it('counts by severity and files', () => {
    expect(summarize([], 3)).toBe('no problems in 3 files');
    expect(summarize([{ severity: 'error' }, { severity: 'error' }, { severity: 'warning' }], 1)).toBe('2 errors, 1 warning in 1 file');
    expect(summarize([{ severity: 'warning' }, { severity: 'info' }], 2)).toBe('1 warning, 1 info message in 2 files');
  });
});
