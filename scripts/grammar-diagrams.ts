import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { grammarRules, type Expr } from './grammar-model.ts';

/**
 * Railroad diagrams of the grammar, one self-contained SVG per rule, drawn with the
 * `railroad-diagrams` package from the same expression tree as the EBNF.
 */

/** The slice of `railroad-diagrams` (a CommonJS module without types) used here. */
interface RailroadItem {
  toString(): string;
}
interface Railroad {
  Diagram(...items: RailroadItem[]): RailroadItem;
  Sequence(...items: RailroadItem[]): RailroadItem;
  Choice(normal: number, ...items: RailroadItem[]): RailroadItem;
  Optional(item: RailroadItem, skip?: 'skip'): RailroadItem;
  OneOrMore(item: RailroadItem, repeat?: RailroadItem): RailroadItem;
  ZeroOrMore(item: RailroadItem, repeat?: RailroadItem, skip?: 'skip'): RailroadItem;
  Terminal(text: string): RailroadItem;
  NonTerminal(text: string): RailroadItem;
  Comment(text: string): RailroadItem;
}

const require = createRequire(import.meta.url);
const rr = require('railroad-diagrams') as Railroad;
const css = readFileSync(require.resolve('railroad-diagrams/railroad-diagrams.css'), 'utf8');

/** `grammar/diagrams/<rule>.svg` for every rule, keyed by rule name. */
export function diagrams(): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of grammarRules()) out.set(rule.name, svg(rr.Diagram(draw(rule.body))));
  return out;
}

function draw(expr: Expr): RailroadItem {
  switch (expr.type) {
    case 'token': {
      // Tokens are terminals (rounded boxes); a CONSUME label says what the token means here.
      const box = rr.Terminal(expr.literal ?? expr.name);
      return expr.label ? rr.Sequence(box, rr.Comment(expr.label)) : box;
    }
    case 'rule':
      return rr.NonTerminal(expr.name);
    case 'sequence':
      return rr.Sequence(...expr.items.map(draw));
    case 'choice':
      return rr.Choice(0, ...expr.alternatives.map(draw));
    case 'optional':
      return rr.Optional(draw(expr.body));
    case 'repeat': {
      const separator = expr.separator ? draw(expr.separator) : undefined;
      return expr.min === 0 ? rr.ZeroOrMore(draw(expr.body), separator) : rr.OneOrMore(draw(expr.body), separator);
    }
  }
}

/**
 * The package writes a bare `<svg>` for inline HTML. A file needs the SVG namespace, and GitHub
 * shows SVGs as images, which load no outside stylesheet: the default CSS goes inside.
 */
function svg(diagram: RailroadItem): string {
  const text = diagram.toString();
  const open = text.indexOf('>') + 1;
  const head = text.slice(0, open).replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ');
  return `${head}\n<style>\n${css.trim()}\n</style>\n${text.slice(open).replace(/^\n/, '')}`;
}
