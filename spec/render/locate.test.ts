import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { locateDiagnostics } from '../../src/diagnostics/locate.ts';

function d(file: string, start: number, end: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code: 'SW0202', severity: 'error', message: 'm', file, span: { start, end }, ...extra };
}

describe('locateDiagnostics', () => {
  const text = 'ab\ncd\r\nef';
  const sources = new Map([['a', text], ['b', text]]);

  it('converts half-open offsets to 1-based lines and exclusive end columns', () => {
    const [l] = locateDiagnostics([d('a', 3, 5)], sources);
    expect(l).toMatchObject({ line: 2, column: 1, endLine: 2, endColumn: 3 });
  });

  it('ends a span that swallows its line break on the line it covers', () => {
    expect(locateDiagnostics([d('a', 3, 7)], sources)[0]).toMatchObject({ line: 2, column: 1, endLine: 2, endColumn: 3 });
    expect(locateDiagnostics([d('a', 0, 3)], sources)[0]).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 3 });
  });

  it('keeps an empty span empty, and clamps offsets past the end', () => {
    expect(locateDiagnostics([d('a', 1, 1)], sources)[0]).toMatchObject({ line: 1, column: 2, endLine: 1, endColumn: 2 });
    expect(locateDiagnostics([d('a', 99, 120)], sources)[0]).toMatchObject({ line: 3, column: 3, endLine: 3, endColumn: 3 });
  });

  it('puts a diagnostic for an unknown file at 1:1', () => {
    expect(locateDiagnostics([d('zz', 4, 9)], sources)[0]).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 1 });
  });

  it('sorts by file, position, severity and code whatever the input order', () => {
    const list = [
      d('b', 0, 1),
      d('a', 3, 4, { severity: 'warning', code: 'SW0801' }),
      d('a', 3, 4, { code: 'SW0203' }),
      d('a', 3, 4),
      d('a', 0, 1),
    ];
    const expected = ['a 1 SW0202', 'a 2 SW0202', 'a 2 SW0203', 'a 2 SW0801', 'b 1 SW0202'];
    for (const order of [list, [...list].reverse()]) {
      expect(locateDiagnostics(order, sources).map((l) => `${l.file} ${l.line} ${l.code}`)).toEqual(expected);
    }
  });

  it('locates related spans in their own files and omits empty lists', () => {
    const [l] = locateDiagnostics([d('a', 0, 1, { related: [{ file: 'b', span: { start: 7, end: 9 }, message: 'here' }] })], sources);
    expect(l!.related).toEqual([{ file: 'b', line: 3, column: 1, endLine: 3, endColumn: 3, message: 'here' }]);
    expect('related' in locateDiagnostics([d('a', 0, 1, { related: [] })], sources)[0]!).toBe(false);
  });
});
