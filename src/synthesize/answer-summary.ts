import { sectionMarkerPattern } from './synthesis-rules.ts';

/** The longest `result` a synthesis reports: it is a summary, the files hold the rest. */
export const maxSummaryChars = 600;

/**
 * The answer's first paragraph of prose: the first run of non-blank lines that is not a
 * heading, a rule or a file marker, cut to `maxSummaryChars`. Undefined when there is none.
 */
export function summaryOf(answer: string): string | undefined {
  const paragraphs = answer
    .replace(sectionMarkerPattern, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.split('\n').filter((line) => !/^\s{0,3}(#{1,6}\s|[-*_]{3,}\s*$)/.test(line)).join('\n').trim())
    .filter((p) => p !== '');
  const first = paragraphs[0];
  if (first === undefined) return undefined;
  return first.length <= maxSummaryChars ? first : first.slice(0, maxSummaryChars - 1).trimEnd() + '…';
}

/**
 * The answer's actions: each numbered list item at the start of a line (`1. …` or `1) …`),
 * without its number. The rules ask for actions as such a list, so these are
 * what downstream nodes read as `${node.findings}`; nested items and continuation lines are left out.
 */
export function actionLines(answer: string): string[] {
  return [...answer.matchAll(/^\d{1,3}[.)][ \t]+(\S.*)$/gm)].map((m) => m[1]!.trim());
}
