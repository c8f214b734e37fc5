import type { GraphEdge, GraphModel, GraphNode } from '../compiler/graph-model.ts';

/** A node as the renderers draw it; collapsed worker groups carry their own label. */
export interface DrawnNode extends GraphNode {
  /** Text to show instead of the id, e.g. `marie (37 tasks)`. */
  label?: string;
  /** How many tasks a collapsed group stands for. */
  tasks?: number;
}

/** An edge as the renderers draw it; a collapsed edge stands for `count` edges. */
export interface DrawnEdge extends GraphEdge {
  count?: number;
}

/** A {@link GraphModel} whose nodes and edges may carry collapse information. */
export interface DrawnGraph extends GraphModel {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

/**
 * When to draw one node per worker instead of one per task.
 * @default 'auto'
 */
export type CollapseMode = 'auto' | 'always' | 'never';

export type GraphFormat = 'mermaid' | 'dot' | 'svg';

/** GitHub renders Mermaid with these defaults and shows only "Syntax error" past them. */
export const MERMAID_MAX_EDGES = 500;
export const MERMAID_MAX_TEXT = 50_000;
/**
 * Most layout cells ({@link layoutCells}) drawn as SVG uncollapsed. Measured: 1,400 cells take
 * 1 s in Graphviz-in-WebAssembly, 3,200 take 16 s, 9,000 take two minutes.
 */
export const SVG_MAX_CELLS = 2_000;

/** Fill colours for workers, assigned in worker order; light enough for black text. */
export const WORKER_PALETTE = [
  '#aec7e8', '#ffbb78', '#98df8a', '#c5b0d5', '#f7b6d2',
  '#dbdb8d', '#9edae5', '#c49c94', '#c7c7c7', '#ff9896',
] as const;
/** Stroke colour of edges on a dependency cycle. */
export const CYCLE_COLOUR = '#d62728';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Why a graph should be collapsed for `format`, or undefined to draw it whole.
 * `textLength` is the length of the uncollapsed Mermaid text, when already rendered.
 */
export function needsCollapse(
  model: GraphModel,
  format: GraphFormat,
  options: { collapse?: CollapseMode; textLength?: number } = {},
): string | undefined {
  const mode = options.collapse ?? 'auto';
  if (mode === 'never') return undefined;
  if (mode === 'always') return 'collapse was requested';
  if (format === 'mermaid') {
    if (model.edges.length > MERMAID_MAX_EDGES) {
      return `${count(model.edges.length)} edges exceed GitHub's Mermaid limit of ${MERMAID_MAX_EDGES}`;
    }
    if (options.textLength !== undefined && options.textLength > MERMAID_MAX_TEXT) {
      return `${count(options.textLength)} characters of Mermaid exceed GitHub's limit of ${count(MERMAID_MAX_TEXT)}`;
    }
  }
  if (format === 'svg') {
    const cells = layoutCells(model);
    if (cells > SVG_MAX_CELLS) {
      return `${count(cells)} layout cells (nodes plus edge bends) exceed the ${count(SVG_MAX_CELLS)} that Graphviz lays out in seconds`;
    }
  }
  // DOT is text for the user's own Graphviz, so it has no limit of ours.
  return undefined;
}

/**
 * Nodes plus the virtual nodes Graphviz's `dot` adds where an edge spans several ranks; its
 * time grows with this, not with the node count (a long edge costs as much as a chain).
 * Ranks are longest paths from the sources; nodes on a cycle stay at rank 0.
 */
export function layoutCells(model: GraphModel): number {
  const nodes = allNodes(model);
  const indegree = new Map(nodes.map((n) => [n.id, 0]));
  const next = new Map(nodes.map((n): [string, string[]] => [n.id, []]));
  for (const e of model.edges) {
    indegree.set(e.to, indegree.get(e.to)! + 1);
    next.get(e.from)!.push(e.to);
  }
  const rank = new Map<string, number>();
  const queue = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  // Kahn's walk, iterative so a 100,000-task chain cannot overflow the stack.
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    const r = rank.get(id) ?? 0;
    for (const to of next.get(id)!) {
      rank.set(to, Math.max(rank.get(to) ?? 0, r + 1));
      indegree.set(to, indegree.get(to)! - 1);
      if (indegree.get(to) === 0) queue.push(to);
    }
  }
  let cells = nodes.length;
  for (const e of model.edges) cells += Math.max(0, (rank.get(e.to) ?? 0) - (rank.get(e.from) ?? 0) - 1);
  return cells;
}

/** Workers in a stable order: declared ones first, then any that only nodes mention. */
export function workerOrder(model: GraphModel): string[] {
  const seen = new Set(model.workers);
  for (const node of model.nodes) if (node.worker !== undefined) seen.add(node.worker);
  return [...seen];
}

/** Worker name → palette colour, deterministic by {@link workerOrder}. */
export function workerColours(model: GraphModel): Map<string, string> {
  return new Map(workerOrder(model).map((w, i) => [w, WORKER_PALETTE[i % WORKER_PALETTE.length]!]));
}

/**
 * Nodes plus a plain stand-in for every edge end that names no node, since the model is
 * also built for workflows with unknown references.
 */
export function allNodes(model: DrawnGraph): DrawnNode[] {
  const known = new Set(model.nodes.map((n) => n.id));
  const extra: DrawnNode[] = [];
  for (const { from, to } of model.edges) {
    for (const id of [from, to]) {
      if (!known.has(id)) {
        known.add(id);
        extra.push({ id, kind: 'task' });
      }
    }
  }
  return [...model.nodes, ...extra];
}

/**
 * Whether each edge lies on a cycle: its own flag, or joining neighbours of a reported cycle
 * path (either direction closes a cycle with the path's edge, so both are on one).
 */
export function cycleEdges(model: GraphModel): boolean[] {
  const adjacent = new Set<string>();
  for (const path of model.cycles) {
    path.forEach((id, i) => {
      const next = path[(i + 1) % path.length]!;
      adjacent.add(JSON.stringify([id, next]));
    });
  }
  // A cycle path runs upstream to downstream, and only `after` edges order nodes.
  return model.edges.map((e) => e.inCycle === true || (e.kind === 'after' && adjacent.has(JSON.stringify([e.from, e.to]))));
}

/**
 * One node per worker (its tasks merged), decompose and synthesize nodes kept, edges merged
 * per (from, to, kind) with a count. Edges inside a group are dropped unless they are on a
 * cycle: a red self-loop is then the only trace of a cycle among one worker's tasks.
 */
export function collapseGraph(model: GraphModel): DrawnGraph {
  const nodes = allNodes(model);
  const taken = new Set(nodes.filter((n) => n.kind !== 'task').map((n) => n.id));
  const groups = new Map<string, DrawnNode>();
  const groupOf = new Map<string, string>();
  const drawn: DrawnNode[] = [];
  for (const node of nodes) {
    if (node.kind !== 'task') {
      groupOf.set(node.id, node.id);
      drawn.push(node);
      continue;
    }
    const key = node.worker ?? '';
    let group = groups.get(key);
    if (group === undefined) {
      let id = node.worker === undefined ? 'unassigned' : `worker:${node.worker}`;
      while (taken.has(id)) id += "'";
      taken.add(id);
      group = { id, kind: 'task', tasks: 0, ...(node.worker !== undefined && { worker: node.worker }) };
      groups.set(key, group);
      drawn.push(group);
    }
    group.tasks = (group.tasks ?? 0) + 1;
    groupOf.set(node.id, group.id);
  }
  for (const [key, group] of groups) {
    const n = group.tasks ?? 0;
    group.label = `${key === '' ? 'no worker' : key} (${n} ${n === 1 ? 'task' : 'tasks'})`;
  }

  const onCycle = cycleEdges(model);
  const edges = new Map<string, DrawnEdge>();
  model.edges.forEach((edge, i) => {
    const from = groupOf.get(edge.from)!;
    const to = groupOf.get(edge.to)!;
    if (from === to && !onCycle[i]) return;
    const key = JSON.stringify([from, to, edge.kind]);
    const merged = edges.get(key) ?? { from, to, kind: edge.kind, count: 0 };
    merged.count = (merged.count ?? 0) + 1;
    if (onCycle[i]) merged.inCycle = true;
    edges.set(key, merged);
  });

  const cycles = model.cycles.map((path) => {
    const mapped = path.map((id) => groupOf.get(id) ?? id);
    const squeezed = mapped.filter((id, i) => id !== mapped[(i + 1) % mapped.length]);
    return squeezed.length === 0 ? mapped.slice(0, 1) : squeezed;
  });

  return { workflow: model.workflow, workers: model.workers, nodes: drawn, edges: [...edges.values()], cycles };
}
