import type { ExpectationOutcome } from '../expect/check-expectations.ts';
import type { Styler } from './color.ts';

/**
 * The end of `swarm test` for one workflow: a line per expectation, and under a failed one
 * every check it made, so the reader sees which part failed and what the run had instead.
 */
export function renderTestReport(file: string, expectations: readonly ExpectationOutcome[], style: Styler): string {
  const lines: string[] = [];
  for (const e of expectations) {
    const mark = e.passed ? style.green('✓') : style.red('✗');
    const what = e.task === undefined ? 'the run' : `task ${e.task}`;
    lines.push(`${mark} ${style.bold(e.name)} ${style.dim(`(${what}, ${file}:${e.line})`)}`);
    if (e.passed) continue;
    if (e.description !== undefined) lines.push(`    ${e.description}`);
    for (const c of e.checks) {
      const sign = c.passed ? style.green('✓') : style.red('✗');
      lines.push(`    ${sign} ${c.expected}: ${c.passed ? style.dim(c.actual) : c.actual}`);
    }
  }
  const failed = expectations.filter((e) => !e.passed).length;
  const total = `${expectations.length} expectation${expectations.length === 1 ? '' : 's'}`;
  lines.push(failed === 0 ? style.green(`${total} passed`) : style.red(`${failed} of ${total} failed`));
  return lines.join('\n') + '\n';
}
