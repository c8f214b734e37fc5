import type { Ident, StringPart } from './ast.ts';
import type { Span } from './span.ts';

export interface StringProblem {
  rule: 'invalid-escape' | 'invalid-interpolation';
  message: string;
  help?: string;
  span: Span;
}

export interface ScannedString {
  parts: StringPart[];
  problems: StringProblem[];
}

interface Segment {
  text: string;
  offset: number;
}

const escapes: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t', $: '$' };
const pathPattern = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*$/;
const special = /\\|\$\{/g;

/** Reads the body of `"…"`: escapes and `${…}` interpolations, each located in the source. */
export function scanQuoted(image: string, offset: number, terminated: boolean): ScannedString {
  const body = image.slice(1, terminated ? -1 : undefined);
  return scanSegments([{ text: body, offset: offset + 1 }]);
}

/**
 * Reads the body of `"""…"""`. A line break right after the opening quotes is dropped; so is a
 * closing line holding only indentation, whose width still counts, as in Java's text blocks:
 * that is how a value may keep leading spaces. The common indentation of the other lines goes.
 */
export function scanTextBlock(image: string, offset: number, terminated: boolean): ScannedString {
  const body = image.slice(3, terminated ? -3 : undefined);
  const lines: Segment[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = breaks.exec(body); m; m = breaks.exec(body)) {
    lines.push({ text: body.slice(start, m.index), offset: offset + 3 + start });
    start = m.index + m[0].length;
  }
  lines.push({ text: body.slice(start), offset: offset + 3 + start });

  const firstIsOpeningLine = lines.length > 1 && lines[0]!.text === '';
  const firstStays = lines.length > 1 && !firstIsOpeningLine;
  if (firstIsOpeningLine) lines.shift();
  const last = lines.at(-1)!;
  const closingLine = lines.length > 1 || firstIsOpeningLine ? isBlank(last.text) : false;

  let indent = Infinity;
  lines.forEach((line, i) => {
    if (i === 0 && firstStays) return;
    const isClosing = closingLine && i === lines.length - 1;
    if (!isClosing && isBlank(line.text)) return;
    indent = Math.min(indent, leadingWhitespace(line.text));
  });
  if (closingLine) lines.pop();
  if (!Number.isFinite(indent)) indent = 0;

  const segments = lines.map((line, i) => {
    if (i === 0 && firstStays) return line;
    const cut = Math.min(indent, leadingWhitespace(line.text));
    return { text: line.text.slice(cut), offset: line.offset + cut };
  });
  return scanSegments(segments);
}

function isBlank(text: string): boolean {
  return leadingWhitespace(text) === text.length;
}

function leadingWhitespace(text: string): number {
  let i = 0;
  for (let c = text.charCodeAt(0); c === 32 || c === 9; c = text.charCodeAt(++i));
  return i;
}

/** Segments are lines joined by `\n`; escapes and interpolations never span two of them. */
function scanSegments(segments: Segment[]): ScannedString {
  const parts: StringPart[] = [];
  const problems: StringProblem[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') parts.push({ type: 'Text', value: text });
    text = '';
  };
  segments.forEach((segment, index) => {
    if (index > 0) text += '\n';
    const s = segment.text;
    let i = 0;
    while (i < s.length) {
      // Copy plain runs whole: prompts are long, and escapes and `${` are rare.
      special.lastIndex = i;
      const hit = special.exec(s);
      const next = hit ? hit.index : s.length;
      if (next > i) text += s.slice(i, next);
      i = next;
      if (i >= s.length) break;
      const c = s[i]!;
      if (c === '\\') {
        const after = s[i + 1];
        const cooked = after === undefined ? undefined : escapes[after];
        if (cooked === undefined) {
          const at = segment.offset + i;
          problems.push({
            rule: 'invalid-escape',
            message: after === undefined ? 'a backslash must escape something' : `unknown escape \`\\${after}\``,
            help: 'the escapes are \\" \\\\ \\n \\r \\t and \\$ (for a literal ${)',
            span: { start: at, end: at + (after === undefined ? 1 : 2) },
          });
          i += after === undefined ? 1 : 2;
          continue;
        }
        text += cooked;
        i += 2;
        continue;
      }
      // `$` followed by `{`: the pattern only stops at `\\` and `${`.
      const close = s.indexOf('}', i + 2);
      const start = segment.offset + i;
      if (close < 0) {
        problems.push({
          rule: 'invalid-interpolation',
          message: '`${` is never closed with `}`',
          help: 'write \\${ for a literal ${',
          span: { start, end: segment.offset + s.length },
        });
        text += s.slice(i);
        break;
      }
      const inner = s.slice(i + 2, close);
      const trimmed = inner.trim();
      const span = { start, end: segment.offset + close + 1 };
      if (!pathPattern.test(trimmed)) {
        problems.push({
          rule: 'invalid-interpolation',
          message: trimmed === '' ? 'empty interpolation `${}`' : `\`\${${trimmed}}\` is not a name or a field`,
          help: 'interpolate an input or a node field, like ${student} or ${evaluate.result}',
          span,
        });
      } else {
        flush();
        let at = segment.offset + i + 2 + inner.indexOf(trimmed);
        const path: Ident[] = trimmed.split('.').map((name) => {
          const ident = { name, span: { start: at, end: at + name.length } };
          at += name.length + 1;
          return ident;
        });
        parts.push({ type: 'Interpolation', path, span });
      }
      i = close + 1;
    }
  });
  flush();
  return { parts, problems };
}
