import type { IRecognitionException, IToken } from 'chevrotain';
import { rule } from '../diagnostics/rules.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FileNode } from './ast.ts';
import { AstBuilder } from './build-ast.ts';
import type { FileCstNode } from './cst-types.generated.ts';
import { maxNesting, parseCst } from './parser.ts';

export interface ParseResult {
  ast: FileNode;
  diagnostics: Diagnostic[];
}

/**
 * Parses a .swarm file into its generic AST. Never throws on any input: every lexical, syntax
 * and literal problem is a diagnostic, and the AST holds whatever recovery could keep.
 */
export function parse(text: string, file: string): ParseResult {
  const { cst, tokens, comments, lexErrors, parseErrors, tooDeep } = parseCst(text);
  const diagnostics: Diagnostic[] = [];
  const report = (name: Parameters<typeof rule>[0], message: string, start: number, end: number, help?: string) => {
    const r = rule(name);
    diagnostics.push({ code: r.code, severity: r.severity, message, file, span: { start, end }, ...(help ? { help } : {}) });
  };

  for (const e of lexErrors) {
    const bad = text.slice(e.offset, e.offset + e.length);
    const shown = [...bad][0] ?? bad;
    report('unexpected-character', `unexpected character \`${shown}\``, e.offset, e.offset + Math.max(1, e.length), hintFor(shown));
  }
  if (tooDeep) {
    report('syntax-error', `blocks, lists and calls nest at most ${maxNesting} deep`, tooDeep.startOffset, tooDeep.startOffset + 1, 'the rest of the file was not read');
  }
  const unterminatedBlock = tokens.find((t) => t.tokenType.name === 'UnterminatedTextBlock');
  for (const e of firstOfEachCascade(parseErrors, tokens)) {
    // Parsing stopped at the first too-deep token; the unclosed blocks after it are no news.
    if (tooDeep && (e.token.tokenType.name === 'EOF' || e.token.startOffset >= tooDeep.startOffset)) continue;
    // An open text block swallows the rest of the file; what follows from that is no news.
    if (unterminatedBlock && (e.token.tokenType.name === 'EOF' || e.token.startOffset >= unterminatedBlock.startOffset)) continue;
    if (followsLexError(e, tokens, lexErrors)) continue;
    const { start, end } = errorSpan(e, text);
    report('syntax-error', e.message, start, end);
  }

  const builder = new AstBuilder();
  const ast = builder.file(cst as FileCstNode, comments, text.length);
  for (const p of builder.problems) report(p.rule, p.message, p.span.start, p.span.end, p.help);
  return { ast, diagnostics };
}

function hintFor(char: string): string | undefined {
  if (char === ':') return 'attributes are set with `=`, as in `worker = marie`';
  if (char === "'") return 'strings use double quotes: "…"';
  if (char === '.') return 'fields are read inside strings, as in "${evaluate.result}"';
  if (char === '/' ) return 'comments start with #';
  return undefined;
}

/**
 * One mistake often derails the parser for a token or two; only the first error of each run
 * of nearby errors is independent, so the rest are dropped.
 */
function firstOfEachCascade(errors: IRecognitionException[], tokens: IToken[]): IRecognitionException[] {
  if (errors.length < 2) return errors;
  const indexOf = new Map<number, number>(tokens.map((t, i) => [t.startOffset, i]));
  const kept: IRecognitionException[] = [];
  let previous = -Infinity;
  for (const e of errors) {
    const index = indexOf.get(e.token.startOffset) ?? tokens.length;
    if (index > previous + 2) kept.push(e);
    previous = index;
  }
  return kept;
}

/** `worker: marie` already has its `:` reported; the parse error it causes next is the same mistake. */
function followsLexError(e: IRecognitionException, tokens: IToken[], lexErrors: { offset: number }[]): boolean {
  const at = e.token.startOffset;
  if (!Number.isFinite(at)) return false;
  const index = tokens.findIndex((t) => t.startOffset === at);
  const previousEnd = index > 0 ? tokens[index - 1]!.startOffset + tokens[index - 1]!.image.length : 0;
  return lexErrors.some((l) => l.offset >= previousEnd && l.offset < at);
}

function errorSpan(e: IRecognitionException, text: string): { start: number; end: number } {
  const token = e.token;
  if (token.tokenType.name === 'EOF' || !Number.isFinite(token.startOffset)) {
    const prev = (e as { previousToken?: IToken }).previousToken;
    const at = prev && Number.isFinite(prev.startOffset) ? prev.startOffset + prev.image.length : text.length;
    return { start: at, end: at };
  }
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}
