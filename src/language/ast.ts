import type { Span } from './span.ts';

/**
 * The generic syntax tree: a file of blocks, each a list of attributes and nested blocks.
 * It knows nothing of block kinds; the compiler's schemas give blocks their meaning.
 */
export interface FileNode {
  type: 'File';
  blocks: BlockNode[];
  comments: CommentNode[];
  span: Span;
}

export interface CommentNode {
  type: 'Comment';
  /** The comment's text after `#`, without the line terminator. */
  text: string;
  span: Span;
}

export interface Ident {
  name: string;
  span: Span;
}

export interface BlockNode {
  type: 'Block';
  kind: Ident;
  label?: Ident;
  body: BodyItem[];
  span: Span;
}

export interface AttributeNode {
  type: 'Attribute';
  name: Ident;
  value: ValueNode;
  span: Span;
}

export type BodyItem = BlockNode | AttributeNode;

export type ValueNode =
  | StringNode
  | NumberNode
  | DurationNode
  | RateNode
  | MoneyNode
  | BoolNode
  | RefNode
  | ListNode
  | CallNode
  | MissingNode;

/** `"…"` (style `quoted`) or `"""…"""` (style `text`, common indentation removed). */
export interface StringNode {
  type: 'String';
  style: 'quoted' | 'text';
  parts: StringPart[];
  span: Span;
}

export type StringPart = TextPart | InterpolationPart;

export interface TextPart {
  type: 'Text';
  value: string;
}

/** `${student}` has path [student]; `${evaluate.result}` has path [evaluate, result]. */
export interface InterpolationPart {
  type: 'Interpolation';
  path: Ident[];
  span: Span;
}

/** `12`, `0.5`, `40k`, `1.5M`, `-3`. `raw` keeps the spelling so `fmt` does not rewrite it. */
export interface NumberNode {
  type: 'Number';
  value: number;
  raw: string;
  span: Span;
}

/** `500ms`, `30s`, `5m`, `1h30m`. */
export interface DurationNode {
  type: 'Duration';
  ms: number;
  raw: string;
  span: Span;
}

export type RateUnit = 's' | 'min' | 'h' | 'day';

/** `50/min`, `40k/min`, `2/s`, `1000/h`. */
export interface RateNode {
  type: 'Rate';
  amount: number;
  unit: RateUnit;
  raw: string;
  span: Span;
}

/** `$5`, `$0.25`. */
export interface MoneyNode {
  type: 'Money';
  usd: number;
  raw: string;
  span: Span;
}

export interface BoolNode {
  type: 'Bool';
  value: boolean;
  span: Span;
}

/** A bare identifier: a reference (`marie`) or an enum value (`high`, `opus`, `Read`). */
export interface RefNode {
  type: 'Ref';
  name: string;
  span: Span;
}

export interface ListNode {
  type: 'List';
  items: ValueNode[];
  span: Span;
}

/** `file("prompts/DANCE.md")`, `env("MARIE_API_KEY")`. */
export interface CallNode {
  type: 'Call';
  callee: Ident;
  args: ValueNode[];
  span: Span;
}

/** Stands where the parser recovered from a missing value; a syntax error was already reported. */
export interface MissingNode {
  type: 'Missing';
  span: Span;
}

export function isBlock(item: BodyItem): item is BlockNode {
  return item.type === 'Block';
}

export function isAttribute(item: BodyItem): item is AttributeNode {
  return item.type === 'Attribute';
}

/** The string's text with interpolations spelled back as `${a.b}`. */
export function stringText(node: StringNode): string {
  let out = '';
  for (const part of node.parts) {
    out += part.type === 'Text' ? part.value : '${' + part.path.map((p) => p.name).join('.') + '}';
  }
  return out;
}

/** The string's text when it has no interpolation, else undefined. */
export function staticText(node: StringNode): string | undefined {
  if (node.parts.some((p) => p.type === 'Interpolation')) return undefined;
  return node.parts.map((p) => (p as TextPart).value).join('');
}
