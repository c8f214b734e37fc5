import type { AttributeNode, BlockNode, BodyItem, CommentNode, FileNode } from './ast.ts';

/** The comments that travel with one body item when the printer moves it. */
export interface ItemComments {
  /** Comments on their own lines above the item, then any found inside its value. */
  leading: CommentNode[];
  /** Whether a blank line separated the last leading comment from the item. */
  gapAfterLeading: boolean;
  /** A comment after the item, on the line where the item ends. */
  trailing?: CommentNode;
  /** Blocks only: a comment on the header line, after `{`. */
  header?: CommentNode;
  /** Blocks only: comments after the last item, before `}`. */
  footer: CommentNode[];
}

export interface AttachedComments {
  items: Map<BodyItem, ItemComments>;
  /** Comments above the first block: they stay at the top whatever the order of blocks. */
  header: CommentNode[];
  gapAfterHeader: boolean;
  /** Comments after the last block. */
  footer: CommentNode[];
  /** Comments with a blank line between them and the comment or code before. */
  gapBefore: Set<CommentNode>;
}

/**
 * Gives every comment of the file a place relative to the body items, so that reordering and
 * re-indenting keep each one beside the code it describes. Without `source`, line breaks are
 * unknown: every comment then goes on its own line and no blank line is kept.
 */
export function attachComments(ast: FileNode, source?: string): AttachedComments {
  const attached: AttachedComments = { items: new Map(), header: [], gapAfterHeader: false, footer: [], gapBefore: new Set() };
  const entry = (item: BodyItem): ItemComments => {
    let e = attached.items.get(item);
    if (!e) attached.items.set(item, (e = { leading: [], gapAfterLeading: false, footer: [] }));
    return e;
  };
  const breaks = (from: number, to: number): number =>
    source === undefined ? 1 : (source.slice(from, to).match(/\r\n|\r|\n/g)?.length ?? 0);

  let previousEnd = 0;
  for (const comment of [...ast.comments].sort((a, b) => a.span.start - b.span.start)) {
    const at = comment.span.start;
    const { container, inner, prev, next } = locate(ast, at);
    const anchor = inner ? inner.span.start : (prev?.span.end ?? container?.span.start ?? 0);
    if (breaks(Math.max(anchor, previousEnd), at) >= 2) attached.gapBefore.add(comment);
    previousEnd = comment.span.end;

    // A comment inside a value (say, between list items) moves above its attribute.
    if (inner) entry(inner).leading.push(comment);
    else if (prev && breaks(prev.span.end, at) === 0 && !entry(prev).trailing) entry(prev).trailing = comment;
    else if (container && !prev && breaks(container.span.start, at) === 0 && !entry(container).header) entry(container).header = comment;
    else if (next && !container && !prev) attached.header.push(comment);
    else if (next) entry(next).leading.push(comment);
    else if (container) entry(container).footer.push(comment);
    else attached.footer.push(comment);
  }

  for (const [item, e] of attached.items) {
    const last = e.leading.at(-1);
    if (last && last.span.end <= item.span.start) e.gapAfterLeading = breaks(last.span.end, item.span.start) >= 2;
  }
  const lastHeader = attached.header.at(-1);
  const first = ast.blocks[0];
  if (lastHeader && first) attached.gapAfterHeader = breaks(lastHeader.span.end, first.span.start) >= 2;
  return attached;
}

interface Location {
  container?: BlockNode;
  /** The attribute whose value holds the comment. */
  inner?: AttributeNode;
  prev?: BodyItem;
  next?: BodyItem;
}

/** The innermost body holding `at`, by binary search: items are in source order and disjoint. */
function locate(ast: FileNode, at: number): Location {
  let items: BodyItem[] = ast.blocks;
  let container: BlockNode | undefined;
  for (;;) {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.span.start < at) lo = mid + 1;
      else hi = mid;
    }
    const before = items[lo - 1];
    if (before && at < before.span.end) {
      if (before.type === 'Attribute') return { container, inner: before };
      container = before;
      items = before.body;
      continue;
    }
    return { container, prev: before, next: items[lo] };
  }
}
