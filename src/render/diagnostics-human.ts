import type { Diagnostic, LocatedDiagnostic, Severity } from '../diagnostics/diagnostic.ts';
import { lineIndexes, locateDiagnostics, type LocatedRange } from '../diagnostics/locate.ts';
import { maskSecrets, maskSecretsMapped } from '../diagnostics/secrets.ts';
import type { Styler } from './color.ts';

export interface HumanOptions {
  /** Colours to use; pass `plain` from color.ts for none. */
  style: Styler;
  /** How many files were checked, for the summary line. */
  filesChecked: number;
}

type LineOf = (file: string, line: number) => string | undefined;

/**
 * Renders diagnostics the way rustc does: a header, the location, the source line with carets
 * under the primary span, each related span with its own excerpt, then help and a summary line.
 * The result ends with a newline.
 */
export function renderHuman(diagnostics: Diagnostic[], sources: ReadonlyMap<string, string>, options: HumanOptions): string {
  const indexOf = lineIndexes(sources);
  const lineOf: LineOf = (file, line) => indexOf(file)?.lineText(line);
  const located = locateDiagnostics(diagnostics, sources);
  const blocks = located.map((d) => renderOne(d, lineOf, options.style));
  blocks.push(styleSummary(located, options));
  return blocks.join('\n\n') + '\n';
}

function renderOne(d: LocatedDiagnostic, lineOf: LineOf, s: Styler): string {
  const color = severityColor(d.severity, s);
  const related = d.related ?? [];
  const width = Math.max(...[d, ...related].map((r) => String(r.line).length));
  const pad = ' '.repeat(width);
  const gutter = s.blue(`${pad} |`);
  const out = [
    s.bold(color(`${d.severity}[${d.code}]`)) + s.bold(`: ${clean(d.message)}`),
    `${pad}${s.blue('-->')} ${d.file}:${d.line}:${d.column}`,
    ...excerpt(d, lineOf(d.file, d.line), { mark: '^', label: '', color }, width, s),
  ];
  for (const r of related) {
    out.push(gutter, `${pad}${s.blue(':::')} ${r.file}:${r.line}:${r.column}`);
    out.push(...excerpt(r, lineOf(r.file, r.line), { mark: '-', label: clean(r.message), color: s.blue }, width, s));
  }
  if (d.help !== undefined) out.push(gutter, `${pad} ${s.blue('=')} ${s.bold('help')}: ${clean(d.help)}`);
  return out.join('\n');
}

interface Marker {
  mark: string;
  label: string;
  color: (text: string) => string;
}

/** One source line and its underline. A span over several lines is underlined to the end of its first line. */
function excerpt(at: LocatedRange, raw: string | undefined, marker: Marker, width: number, s: Styler): string[] {
  if (raw === undefined) return [];
  const multiLine = at.endLine > at.line;
  const endColumn = multiLine ? raw.length + 1 : at.endColumn;
  const note = multiLine ? `continues to line ${at.endLine}` : '';
  const label = marker.label && note ? `${marker.label} (${note})` : marker.label || note;
  const masked = maskSecretsMapped(sanitize(raw));
  const start = masked.mapOffset(at.column - 1);
  const end = Math.max(start, masked.mapOffset(endColumn - 1));
  const marks = underline(masked.text.slice(start, end), marker.mark);
  const gutter = s.blue(`${' '.repeat(width)} |`);
  return [
    gutter,
    `${s.blue(`${String(at.line).padStart(width)} |`)} ${masked.text}`.trimEnd(),
    `${gutter} ${blankOut(masked.text.slice(0, start))}${marker.color(marks)}${label ? ' ' + marker.color(label) : ''}`,
  ];
}

/** Keeps tabs, so the caret line expands them to the same stops as the source line above it. */
function blankOut(prefix: string): string {
  let out = '';
  for (const ch of prefix) out += ch === '\t' ? '\t' : ' '.repeat(displayWidth(ch));
  return out;
}

function underline(segment: string, mark: string): string {
  let out = '';
  for (const ch of segment) out += ch === '\t' ? '\t' : mark.repeat(displayWidth(ch));
  // An empty span (a missing token) or one over zero-width text still needs a visible mark.
  return out.includes(mark) ? out : out + mark;
}

const zeroWidth = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const wide = /^[\p{Emoji_Presentation}\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]$/u;

/** Terminal columns one code point takes: 0 for combining marks, 2 for CJK and emoji, else 1. */
function displayWidth(ch: string): number {
  if (zeroWidth.test(ch)) return 0;
  return wide.test(ch) ? 2 : 1;
}

// Control and bidi characters could move the cursor or reorder the line on screen; each is
// replaced by one code unit, so columns stay valid.
function sanitize(text: string): string {
  return text.replace(/[\x00-\x08\x0B-\x1F\x7F\u202A-\u202E\u2066-\u2069]/g, '\uFFFD');
}

function clean(text: string): string {
  return maskSecrets(sanitize(text));
}

function severityColor(severity: Severity, s: Styler): (text: string) => string {
  return severity === 'error' ? s.red : severity === 'warning' ? s.yellow : s.cyan;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The closing line, such as `2 errors, 1 warning in 1 file` or `no problems in 3 files`.
 * @example summarize([{ severity: 'error' }], 1) // '1 error in 1 file'
 */
export function summarize(diagnostics: readonly { severity: Severity }[], filesChecked: number): string {
  const count = (sev: Severity): number => diagnostics.filter((d) => d.severity === sev).length;
  const parts: string[] = [];
  if (count('error') > 0) parts.push(plural(count('error'), 'error'));
  if (count('warning') > 0) parts.push(plural(count('warning'), 'warning'));
  if (count('info') > 0) parts.push(plural(count('info'), 'info message'));
  return `${parts.length > 0 ? parts.join(', ') : 'no problems'} in ${plural(filesChecked, 'file')}`;
}

function styleSummary(diagnostics: LocatedDiagnostic[], { style: s, filesChecked }: HumanOptions): string {
  const text = summarize(diagnostics, filesChecked);
  if (diagnostics.some((d) => d.severity === 'error')) return s.bold(s.red(text));
  if (diagnostics.some((d) => d.severity === 'warning')) return s.bold(s.yellow(text));
  return s.green(text);
}
