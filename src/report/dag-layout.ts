/** A node to place: its id, what it runs after, and how wide its box must be. */
export interface LayoutInput {
  id: string;
  after: readonly string[];
  width: number;
}

export interface Placed {
  id: string;
  x: number;
  y: number;
  width: number;
  layer: number;
}

export interface Layout {
  nodes: Placed[];
  edges: { from: Placed; to: Placed }[];
  width: number;
  height: number;
}

export interface LayoutOptions {
  height: number;
  gapX: number;
  gapY: number;
}

/**
 * A left-to-right layered drawing: each node one column past its deepest upstream, each
 * column ordered by where its upstreams sit (one barycentre sweep), ties in input order.
 * Iterative, so a long chain cannot overflow the stack; an `after` naming no node is ignored.
 */
export function layeredLayout(nodes: readonly LayoutInput[], options: LayoutOptions): Layout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const layer = new Map<string, number>();
  const downstream = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const waiting = new Map<string, number>();
  for (const n of nodes) {
    const ups = n.after.filter((a) => byId.has(a));
    waiting.set(n.id, ups.length);
    for (const up of ups) downstream.get(up)!.push(n.id);
  }
  const queue = nodes.filter((n) => waiting.get(n.id) === 0).map((n) => n.id);
  for (const id of queue) layer.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const down of downstream.get(id)!) {
      layer.set(down, Math.max(layer.get(down) ?? 0, layer.get(id)! + 1));
      const left = waiting.get(down)! - 1;
      waiting.set(down, left);
      if (left === 0) queue.push(down);
    }
  }
  // A cycle cannot reach a run, but a node on one still gets drawn, past everything else.
  const deepest = [...layer.values()].reduce((a, b) => Math.max(a, b), 0);
  for (const n of nodes) if (!layer.has(n.id)) layer.set(n.id, deepest + 1);

  const columns: string[][] = [];
  for (const n of nodes) (columns[layer.get(n.id)!] ??= []).push(n.id);
  const rows = columns.reduce((most, c) => Math.max(most, c?.length ?? 0), 0);
  const placed = new Map<string, Placed>();
  let x = 0;
  for (const [c, column] of columns.entries()) {
    if (column === undefined) continue;
    const centre = (id: string) => {
      const ups = byId.get(id)!.after.flatMap((a) => placed.get(a)?.y ?? []);
      return ups.length === 0 ? Number.POSITIVE_INFINITY : ups.reduce((s, y) => s + y, 0) / ups.length;
    };
    const index = new Map(column.map((id, i) => [id, i]));
    const centres = new Map(column.map((id) => [id, centre(id)]));
    column.sort((a, b) => centres.get(a)! - centres.get(b)! || index.get(a)! - index.get(b)!);
    const colWidth = column.reduce((most, id) => Math.max(most, byId.get(id)!.width), 0);
    // Shorter columns sit in the middle, so a fan-out and its join line up.
    const offset = ((rows - column.length) * (options.height + options.gapY)) / 2;
    column.forEach((id, r) => {
      placed.set(id, { id, x, y: offset + r * (options.height + options.gapY), width: colWidth, layer: c });
    });
    x += colWidth + options.gapX;
  }
  const edges = nodes.flatMap((n) => n.after.filter((a) => placed.has(a)).map((a) => ({ from: placed.get(a)!, to: placed.get(n.id)! })));
  return {
    nodes: nodes.map((n) => placed.get(n.id)!),
    edges,
    width: Math.max(0, x - options.gapX),
    height: rows === 0 ? 0 : rows * (options.height + options.gapY) - options.gapY,
  };
}
