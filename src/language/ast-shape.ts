import type { BlockNode, BodyItem, FileNode, StringNode, ValueNode } from './ast.ts';
import { isTextBlock } from './print-strings.ts';

export interface ShapeOptions {
  /** Compare bodies as multisets, for `fmt`'s reordering. @default false */
  unordered?: boolean;
}

/**
 * A file's content with layout removed: no spans, no comments, adjacent string text merged,
 * and the string style the printer keeps (a string holding a newline is a text block).
 * Two files mean the same when their shapes are deeply equal.
 */
export function astShape(ast: FileNode, options: ShapeOptions = {}): unknown {
  return bodyShape(ast.blocks, options.unordered ?? false);
}

/** Whether formatting kept everything: the same shape modulo order, and the same comments. */
export function sameContent(before: FileNode, after: FileNode): boolean {
  const comments = (f: FileNode) => JSON.stringify(f.comments.map((c) => c.text.replace(/[ \t]+$/, '')).sort());
  return (
    JSON.stringify(astShape(before, { unordered: true })) === JSON.stringify(astShape(after, { unordered: true })) &&
    comments(before) === comments(after)
  );
}

function bodyShape(items: BodyItem[], unordered: boolean): unknown[] {
  const shapes = items.map((item) => (item.type === 'Block' ? blockShape(item, unordered) : { attribute: item.name.name, value: valueShape(item.value) }));
  if (!unordered) return shapes;
  return shapes.map((s) => [JSON.stringify(s), s] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}

function blockShape(b: BlockNode, unordered: boolean): unknown {
  return { block: b.kind.name, label: b.label?.name, body: bodyShape(b.body, unordered) };
}

function valueShape(v: ValueNode): unknown {
  switch (v.type) {
    case 'String':
      return stringShape(v);
    case 'Number':
      return { type: v.type, value: v.value, raw: v.raw };
    case 'Duration':
      return { type: v.type, ms: v.ms, raw: v.raw };
    case 'Rate':
      return { type: v.type, amount: v.amount, unit: v.unit, raw: v.raw };
    case 'Money':
      return { type: v.type, usd: v.usd, raw: v.raw };
    case 'Bool':
      return { type: v.type, value: v.value };
    case 'Ref':
      return { type: v.type, name: v.name };
    case 'List':
      return { type: v.type, items: v.items.map(valueShape) };
    case 'Call':
      return { type: v.type, callee: v.callee.name, args: v.args.map(valueShape) };
    case 'Missing':
      return { type: v.type };
  }
}

function stringShape(s: StringNode): unknown {
  const parts: ({ text: string } | { path: string[] })[] = [];
  for (const part of s.parts) {
    const last = parts.at(-1);
    if (part.type === 'Interpolation') parts.push({ path: part.path.map((p) => p.name) });
    else if (part.value === '') continue;
    else if (last && 'text' in last) last.text += part.value;
    else parts.push({ text: part.value });
  }
  return { type: 'String', style: isTextBlock(s) ? 'text' : 'quoted', parts };
}
