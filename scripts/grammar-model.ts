import {
  Alternation,
  Alternative,
  Lexer,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Terminal,
  type IProduction,
  type TokenType,
} from 'chevrotain';
import { parser } from '../src/language/parser.ts';
import { allTokens } from '../src/language/tokens.ts';

/**
 * The grammar as the running parser records it, folded into a small expression tree. The EBNF
 * and the railroad diagrams both render this one tree, so they cannot disagree.
 */
export type Expr =
  | { type: 'sequence'; items: Expr[] }
  | { type: 'choice'; alternatives: Expr[] }
  | { type: 'optional'; body: Expr }
  | { type: 'repeat'; body: Expr; min: 0 | 1; separator?: Expr }
  | { type: 'rule'; name: string }
  | { type: 'token'; name: string; literal?: string; label?: string };

export interface GrammarRule {
  name: string;
  body: Expr;
}

/** Every parser rule, in the order the parser declares them. */
export function grammarRules(): GrammarRule[] {
  return Object.values(parser.getGAstProductions()).map((rule) => ({ name: rule.name, body: sequence(rule.definition) }));
}

function sequence(definition: IProduction[]): Expr {
  const items = definition.map(toExpr);
  return items.length === 1 ? items[0]! : { type: 'sequence', items };
}

function toExpr(p: IProduction): Expr {
  if (p instanceof Terminal) return token(p.terminalType, p.label);
  if (p instanceof NonTerminal) return { type: 'rule', name: p.nonTerminalName };
  if (p instanceof Option) return { type: 'optional', body: sequence(p.definition) };
  if (p instanceof Repetition) return { type: 'repeat', min: 0, body: sequence(p.definition) };
  if (p instanceof RepetitionMandatory) return { type: 'repeat', min: 1, body: sequence(p.definition) };
  if (p instanceof RepetitionWithSeparator) return { type: 'repeat', min: 0, body: sequence(p.definition), separator: token(p.separator) };
  if (p instanceof RepetitionMandatoryWithSeparator) return { type: 'repeat', min: 1, body: sequence(p.definition), separator: token(p.separator) };
  if (p instanceof Alternation) return { type: 'choice', alternatives: p.definition.map((alt) => sequence((alt as Alternative).definition)) };
  if (p instanceof Alternative) return sequence(p.definition);
  throw new Error(`grammar-model: unexpected production ${p.constructor.name}`);
}

function token(type: TokenType, label?: string): Expr {
  const literal = literalOf(type);
  return { type: 'token', name: type.name, ...(literal !== undefined ? { literal } : {}), ...(label !== undefined ? { label } : {}) };
}

/** The fixed text a token matches (`{`, `true`), or undefined when its pattern matches many texts. */
export function literalOf(type: TokenType): string | undefined {
  const pattern = type.PATTERN;
  if (!(pattern instanceof RegExp) || pattern === Lexer.NA) return undefined;
  if (!/^(?:\\[^A-Za-z0-9]|[A-Za-z0-9_=,:])+$/.test(pattern.source)) return undefined;
  return pattern.source.replace(/\\(.)/g, '$1');
}

export interface TokenInfo {
  name: string;
  /** The regular expression's source; absent for categories. */
  pattern?: string;
  literal?: string;
  /** For a category: the tokens that belong to it, in lexer order. */
  members?: string[];
  notes: string[];
}

/** The lexer's tokens in the order it tries them, then the categories the parser consumes. */
export function tokenTable(): { tokens: TokenInfo[]; categories: TokenInfo[] } {
  const tokens: TokenInfo[] = [];
  const categories: TokenInfo[] = [];
  for (const type of allTokens) {
    if (type.PATTERN === Lexer.NA) {
      const members = allTokens.filter((t) => t.CATEGORIES?.includes(type)).map((t) => t.name);
      categories.push({ name: type.name, members, notes: [] });
      continue;
    }
    const literal = literalOf(type);
    tokens.push({
      name: type.name,
      pattern: (type.PATTERN as RegExp).source,
      ...(literal !== undefined ? { literal } : {}),
      notes: notesFor(type),
    });
  }
  return { tokens, categories };
}

function notesFor(type: TokenType): string[] {
  const notes: string[] = [];
  if (type.GROUP === Lexer.SKIPPED) notes.push('skipped');
  else if (typeof type.GROUP === 'string') notes.push('kept aside: the parser never sees it');
  const longer = type.LONGER_ALT;
  const longerNames = (Array.isArray(longer) ? longer : longer ? [longer] : []).map((t) => t.name);
  if (longerNames.length > 0) notes.push(`unless ${longerNames.join(' or ')} matches a longer text`);
  return notes;
}
