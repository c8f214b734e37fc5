import { describe, expect, it } from 'vitest';
import { checkReportSchema, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { renderJson } from '../../src/render/diagnostics-json.ts';

const text = 'workflow w {\n  worker = "mari"\n}\n';
const sources = new Map([['flow.swarm', text]]);
const start = text.indexOf('"mari"');

const diagnostics: Diagnostic[] = [
  { code: 'SW0801', severity: 'warning', message: 'unused worker', file: 'flow.swarm', span: { start: 9, end: 10 } },
  {
    code: 'SW0202',
    severity: 'error',
    message: 'unknown worker `mari`',
    help: 'did you mean `maria`?',
    file: 'flow.swarm',
    span: { start, end: start + 6 },
    related: [{ file: 'flow.swarm', span: { start: 0, end: 8 }, message: 'in this workflow' }],
  },
];

describe('renderJson', () => {
  it('prints exactly diagnostics, errors and warnings, one line, parseable by the schema', () => {
    const out = renderJson(diagnostics, sources);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trimEnd()).not.toContain('\n');
    const parsed: unknown = JSON.parse(out);
    expect(Object.keys(parsed as object)).toEqual(['diagnostics', 'errors', 'warnings']);
    const report = checkReportSchema.parse(parsed);
    expect(report.errors).toBe(1);
    expect(report.warnings).toBe(1);
  });

  it('gives 1-based lines and exclusive end columns, sorted by position', () => {
    const report = checkReportSchema.parse(JSON.parse(renderJson(diagnostics, sources)));
    expect(report.diagnostics).toEqual([
      { code: 'SW0801', severity: 'warning', message: 'unused worker', file: 'flow.swarm', line: 1, column: 10, endLine: 1, endColumn: 11 },
      {
        code: 'SW0202',
        severity: 'error',
        message: 'unknown worker `mari`',
        help: 'did you mean `maria`?',
        file: 'flow.swarm',
        line: 2,
        column: 12,
        endLine: 2,
        endColumn: 18,
        related: [{ file: 'flow.swarm', line: 1, column: 1, endLine: 1, endColumn: 9, message: 'in this workflow' }],
      },
    ]);
  });

  it('prints an empty report for a clean file', () => {
    expect(renderJson([], sources)).toBe('{"diagnostics":[],"errors":0,"warnings":0}\n');
  });

  it('indents when asked', () => {
    expect(renderJson([], sources, { pretty: true })).toBe('{\n  "diagnostics": [],\n  "errors": 0,\n  "warnings": 0\n}\n');
  });

  it('throws on a malformed diagnostic, which is a bug rather than user input', () => {
    const bad = { ...diagnostics[0]!, code: 'E1' };
    expect(() => renderJson([bad], sources)).toThrow();
  });
});
