/**
 * Small Markdown helpers for generated documentation: text from the tables carries backticks,
 * backslashes and pipes that must survive GitHub's renderer unchanged.
 */

/** Escapes Markdown outside `code spans`; inside them only `|`, which GFM tables split on. */
export function inline(text: string, inTable = false): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => {
      const pipes = (s: string) => (inTable ? s.replaceAll('|', '\\|') : s);
      if (i % 2 === 1) return pipes(part);
      return pipes(part.replace(/([\\*_<>[\]])/g, '\\$1'));
    })
    .join('');
}

/** Wraps text in a code span, with enough backticks that inner backticks survive. */
export function code(text: string, inTable = false): string {
  const fence = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  const body = inTable ? text.replaceAll('|', '\\|') : text;
  return `${fence}${pad}${body}${pad}${fence}`;
}

export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A fenced block whose fence is longer than any backtick run inside it. */
export function fenced(language: string, body: string): string {
  const fence = '`'.repeat(Math.max(3, ...[...body.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${fence}${language}\n${body.replace(/\n*$/, '')}\n${fence}`;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`, keeping
 * everything outside the markers as written by hand.
 */
export function fillSection(document: string, name: string, content: string): string {
  const open = `<!-- generated:${name} -->`;
  const close = `<!-- /generated:${name} -->`;
  const start = document.indexOf(open);
  const end = document.indexOf(close);
  if (start < 0 || end < start) throw new Error(`the document has no ${open} … ${close} section`);
  return `${document.slice(0, start + open.length)}\n${content.trim()}\n${document.slice(end)}`;
}
