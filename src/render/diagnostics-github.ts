import { bySeverityFirst, type Diagnostic, type LocatedDiagnostic, type Severity } from '../diagnostics/diagnostic.ts';
import { locateDiagnostics } from '../diagnostics/locate.ts';
import { ruleByCode } from '../diagnostics/rules.ts';
import { maskSecrets } from '../diagnostics/secrets.ts';
import { summarize } from './diagnostics-human.ts';

export interface GithubOptions {
  /** How many files were checked, for the summary line. */
  filesChecked: number;
}

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Workflow-command data escaping, as actions/toolkit's `escapeData` does it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also end at `,` and the properties at `::`, so those are escaped too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(d: LocatedDiagnostic): string {
  const rule = ruleByCode(d.code);
  const props: [string, string | number][] = [['file', d.file], ['line', d.line]];
  // GitHub accepts columns only when the annotation starts and ends on the same line.
  if (d.endLine === d.line) props.push(['col', d.column]);
  props.push(['endLine', d.endLine]);
  if (d.endLine === d.line) props.push(['endColumn', d.endColumn]);
  props.push(['title', rule === undefined ? d.code : `${d.code} ${rule.name}`]);
  const message = d.help === undefined ? d.message : `${d.message}\nhelp: ${d.help}`;
  const encoded = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${commands[d.severity]} ${encoded}::${escapeData(maskSecrets(message))}`;
}

/**
 * Renders GitHub Actions workflow commands, one annotation per line, worst first: GitHub shows
 * only about 10 annotations of each type per step, so the ones that fail the build come first.
 * A plain summary line follows.
 */
export function renderGithub(diagnostics: Diagnostic[], sources: ReadonlyMap<string, string>, options: GithubOptions): string {
  // Array sort is stable, so within a severity the located (file, position) order holds.
  const located = locateDiagnostics(diagnostics, sources).sort(bySeverityFirst);
  const lines = located.map(annotation);
  let summary = summarize(located, options.filesChecked);
  if (located.length > 0) {
    summary += '; GitHub shows only about 10 annotations of each type per step, so run `swarm check` for the full list';
  }
  lines.push(summary);
  return lines.join('\n') + '\n';
}
