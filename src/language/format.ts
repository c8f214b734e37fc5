import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { rule, type RuleName } from '../diagnostics/rules.ts';
import { sameContent } from './ast-shape.ts';
import { parse } from './parse.ts';
import { print } from './printer.ts';

export interface FormatResult {
  /** The canonical text; absent when the file has syntax errors. */
  text?: string;
  diagnostics: Diagnostic[];
}

/** The printer's output did not read back as its input: a bug in swarm, never in the file. */
export class FormatterError extends Error {
  override name = 'FormatterError';
}

const syntaxRules: RuleName[] = ['unexpected-character', 'unterminated-string', 'invalid-escape', 'syntax-error', 'invalid-interpolation', 'invalid-literal'];
const syntaxCodes = new Set(syntaxRules.map((name) => rule(name).code));

/**
 * Formats a .swarm file into canonical form (see `print`). A file with syntax errors is left
 * alone: its diagnostics are returned and no text, since recovery may have lost part of it.
 */
export function format(text: string, file: string): FormatResult {
  const { ast, diagnostics } = parse(text, file);
  if (diagnostics.some((d) => d.severity === 'error' && syntaxCodes.has(d.code))) return { diagnostics };
  const formatted = print(ast, { source: text });
  // Like black, check the output means the same before handing it over: never lose a word.
  const again = parse(formatted, file);
  if (again.diagnostics.length > 0 || !sameContent(ast, again.ast)) {
    throw new FormatterError(`formatting ${file} would change its meaning or comments; the file was left unchanged`);
  }
  return { text: formatted, diagnostics };
}
