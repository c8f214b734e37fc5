import { LineIndex, type Span } from '../language/span.ts';
import type { Diagnostic, LocatedDiagnostic, Severity } from './diagnostic.ts';

/** A 1-based range. `endColumn` is exclusive: the column just after the last character, as in SARIF and LSP. */
export interface LocatedRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Returns a getter that builds each file's LineIndex once, on first use; `undefined` for unknown files. */
export function lineIndexes(sources: ReadonlyMap<string, string>): (file: string) => LineIndex | undefined {
  const cache = new Map<string, LineIndex>();
  return (file) => {
    let index = cache.get(file);
    if (index === undefined) {
      const text = sources.get(file);
      if (text === undefined) return undefined;
      index = new LineIndex(text);
      cache.set(file, index);
    }
    return index;
  };
}

/**
 * The one conversion from a half-open offset span to 1-based lines and columns.
 * Without a source text the range is 1:1–1:1, so a diagnostic is never dropped.
 */
export function locateSpan(index: LineIndex | undefined, span: Span): LocatedRange {
  if (index === undefined) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const start = clampToLine(index, index.position(span.start));
  let end = clampToLine(index, index.position(Math.max(span.start, span.end)));
  // A span that swallows its line break ends on the line it covers, not at column 1 of the next.
  if (end.line > start.line && end.column === 1) {
    const line = end.line - 1;
    end = { line, column: index.lineText(line).length + 1 };
  }
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** An offset inside a CRLF would otherwise sit one column past the end of the visible line. */
function clampToLine(index: LineIndex, p: { line: number; column: number }): { line: number; column: number } {
  return { line: p.line, column: Math.min(p.column, index.lineText(p.line).length + 1) };
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** File, position, severity, code, extent, then message: a total order, so output never depends on input order. */
export function compareLocated(a: LocatedDiagnostic, b: LocatedDiagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    severityRank[a.severity] - severityRank[b.severity] ||
    compareStrings(a.code, b.code) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareStrings(a.message, b.message)
  );
}

// Code-unit order rather than localeCompare, which varies with the machine's locale.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Turns offset diagnostics into the public 1-based form, sorted by {@link compareLocated}.
 * A file missing from `sources` is located at line 1, column 1.
 */
export function locateDiagnostics(diags: Diagnostic[], sources: ReadonlyMap<string, string>): LocatedDiagnostic[] {
  const indexOf = lineIndexes(sources);
  const located = diags.map((d): LocatedDiagnostic => {
    const out: LocatedDiagnostic = {
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...(d.help !== undefined ? { help: d.help } : {}),
      file: d.file,
      ...locateSpan(indexOf(d.file), d.span),
    };
    if (d.related !== undefined && d.related.length > 0) {
      out.related = d.related.map((r) => ({ file: r.file, ...locateSpan(indexOf(r.file), r.span), message: r.message }));
    }
    return out;
  });
  return located.sort(compareLocated);
}
