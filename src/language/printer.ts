import { blockKind, childKinds } from '../compiler/block-kinds.ts';
import type { AttributeNode, BlockNode, BodyItem, CommentNode, FileNode, ValueNode } from './ast.ts';
import { attachComments, type AttachedComments } from './attach-comments.ts';
import { isTextBlock, printString } from './print-strings.ts';

/** Options of {@link print}. */
export interface PrintOptions {
  /**
   * Sort the attributes and child blocks of known block kinds into the order of the block-kind
   * table; unknown ones keep their relative order after them.
   * @default true
   */
  reorder?: boolean;
  /**
   * The text the AST was parsed from. Comments are placed from it: whether one shares a line
   * with code, and where blank lines stood between comments. Without it every comment is
   * printed on its own line.
   * @example print(parse(text, file).ast, { source: text })
   */
  source?: string;
}

const maxWidth = 100;
const step = '  ';

interface Context {
  comments: AttachedComments;
  reorder: boolean;
  lines: string[];
}

/**
 * Prints a file in canonical form: 2-space indentation, one attribute or block per line, `=`
 * aligned in each run of attributes, a blank line around blocks, every comment kept.
 * Throws on a `Missing` value: an AST with syntax errors has nothing faithful to print.
 */
export function print(ast: FileNode, options: PrintOptions = {}): string {
  const ctx: Context = { comments: attachComments(ast, options.source), reorder: options.reorder ?? true, lines: [] };
  const { header, gapAfterHeader, footer } = ctx.comments;
  commentLines(ctx, header, '', false);
  const blocks = ordered(ast.blocks, 'file', ctx);
  if (header.length > 0 && blocks.length > 0 && gapAfterHeader) ctx.lines.push('');
  blocks.forEach((b, i) => {
    if (i > 0) ctx.lines.push('');
    leading(ctx, b, '');
    block(ctx, b, '');
  });
  commentLines(ctx, footer, '', blocks.length > 0);
  return ctx.lines.length > 0 ? ctx.lines.join('\n') + '\n' : '';
}

function block(ctx: Context, b: BlockNode, indent: string): void {
  const c = ctx.comments.items.get(b);
  const head = indent + b.kind.name + (b.label ? ' ' + b.label.name : '') + ' {';
  const items = ordered(b.body, b.kind.name, ctx);
  const footer = c?.footer ?? [];
  if (items.length === 0 && footer.length === 0 && !c?.header) {
    push(ctx, head + '}', c?.trailing);
    return;
  }
  push(ctx, head, c?.header);
  body(ctx, items, indent + step);
  commentLines(ctx, footer, indent + step, items.length > 0);
  push(ctx, indent + '}', c?.trailing);
}

function body(ctx: Context, items: BodyItem[], indent: string): void {
  const layout = attributeLayout(ctx, items, indent);
  items.forEach((item, i) => {
    if (i > 0 && (item.type === 'Block' || items[i - 1]!.type === 'Block')) ctx.lines.push('');
    leading(ctx, item, indent);
    if (item.type === 'Block') {
      block(ctx, item, indent);
      return;
    }
    const { value, width } = layout.get(item)!;
    push(ctx, indent + item.name.name.padEnd(width) + ' = ' + value, ctx.comments.items.get(item)?.trailing);
  });
}

function leading(ctx: Context, item: BodyItem, indent: string): void {
  const c = ctx.comments.items.get(item);
  if (!c || c.leading.length === 0) return;
  commentLines(ctx, c.leading, indent, false);
  if (c.gapAfterLeading) ctx.lines.push('');
}

/** Own-line comments; a blank line stays where the source had one. */
function commentLines(ctx: Context, comments: CommentNode[], indent: string, gapFirst: boolean): void {
  comments.forEach((c, i) => {
    if ((i > 0 || gapFirst) && ctx.comments.gapBefore.has(c)) ctx.lines.push('');
    ctx.lines.push(indent + commentText(c));
  });
}

function commentText(c: CommentNode): string {
  return ('#' + c.text).replace(/[ \t]+$/, '');
}

/** Adds text that may span lines; a trailing comment goes at the end of its last line. */
function push(ctx: Context, text: string, trailing?: CommentNode): void {
  const lines = text.split('\n');
  if (trailing) lines[lines.length - 1] += ' ' + commentText(trailing);
  ctx.lines.push(...lines);
}

/**
 * Each attribute's printed value and the width its name is padded to. As in `terraform fmt`, a
 * run of aligned attributes ends at a block, at a comment line, and after a multi-line value.
 */
function attributeLayout(ctx: Context, items: BodyItem[], indent: string): Map<AttributeNode, { value: string; width: number }> {
  const attributes = items.filter((i): i is AttributeNode => i.type === 'Attribute');
  // Lists wrap against the widest name in the body, so padding never pushes one past the limit.
  const widest = Math.max(0, ...attributes.map((a) => a.name.name.length));
  const values = new Map(attributes.map((a) => [a, printValue(a.value, indent, indent.length + widest + 3)]));
  const layout = new Map<AttributeNode, { value: string; width: number }>();
  let run: AttributeNode[] = [];
  const close = () => {
    const width = Math.max(0, ...run.map((a) => a.name.name.length));
    for (const a of run) layout.set(a, { value: values.get(a)!, width });
    run = [];
  };
  for (const item of items) {
    if (item.type === 'Block') {
      close();
      continue;
    }
    if ((ctx.comments.items.get(item)?.leading.length ?? 0) > 0) close();
    run.push(item);
    if (values.get(item)!.includes('\n')) close();
  }
  close();
  return layout;
}

/** `column` is where the value starts on its line, for deciding whether a list fits. */
function printValue(v: ValueNode, indent: string, column: number): string {
  switch (v.type) {
    case 'String':
      return printString(v, indent);
    case 'Number':
    case 'Duration':
    case 'Rate':
    case 'Money':
      return v.raw;
    case 'Bool':
      return String(v.value);
    case 'Ref':
      return v.name;
    case 'Call': {
      let out = v.callee.name + '(';
      v.args.forEach((arg, i) => {
        if (i > 0) out += ', ';
        const newline = out.lastIndexOf('\n');
        out += printValue(arg, indent, newline < 0 ? column + out.length : out.length - newline - 1);
      });
      return out + ')';
    }
    case 'List': {
      const oneLine = flat(v);
      if (v.items.length === 0 || (oneLine !== undefined && column + oneLine.length <= maxWidth)) return oneLine ?? '[]';
      const inner = indent + step;
      const items = v.items.map((item) => inner + printValue(item, inner, inner.length + 1) + ',');
      return '[\n' + items.join('\n') + '\n' + indent + ']';
    }
    case 'Missing':
      throw new Error(`cannot print a value the parser could not read (offset ${v.span.start}); format only files without syntax errors`);
  }
}

/** The value on one line, or undefined when it holds a text block. */
function flat(v: ValueNode): string | undefined {
  if (v.type === 'String' && isTextBlock(v)) return undefined;
  if (v.type !== 'List' && v.type !== 'Call') return printValue(v, '', 0);
  const parts = (v.type === 'List' ? v.items : v.args).map(flat);
  if (parts.some((p) => p === undefined)) return undefined;
  return v.type === 'List' ? '[' + parts.join(', ') + ']' : v.callee.name + '(' + parts.join(', ') + ')';
}

const orders = new Map<string, { attributes: string[]; blocks: string[] } | undefined>();

/** Canonical order of a known kind's body: attributes, then child blocks, each in table order. */
function canonicalOrder(parent: string): { attributes: string[]; blocks: string[] } | undefined {
  if (!orders.has(parent)) {
    const kind = blockKind(parent);
    const known = kind !== undefined || parent === 'file';
    orders.set(parent, known ? { attributes: Object.keys(kind?.attributes.shape ?? {}), blocks: childKinds(parent).map((k) => k.kind) } : undefined);
  }
  return orders.get(parent);
}

function ordered<T extends BodyItem>(items: T[], parent: string, ctx: Context): T[] {
  const order = ctx.reorder ? canonicalOrder(parent) : undefined;
  if (!order) return items;
  const rank = (list: string[], name: string) => {
    const i = list.indexOf(name);
    return i < 0 ? list.length : i;
  };
  const key = (item: T): [number, number] =>
    item.type === 'Attribute' ? [0, rank(order.attributes, item.name.name)] : [1, rank(order.blocks, item.kind.name)];
  // Array.prototype.sort is stable, so equal keys keep their source order.
  return [...items].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1];
  });
}
