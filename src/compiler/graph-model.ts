/**
 * The dependency graph as renderers see it. It is built even when the workflow has errors, so
 * `swarm graph` can draw (and highlight) a cycle that `swarm check` rejects.
 */
export type GraphNodeKind = 'task' | 'decompose' | 'synthesize';

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  /** The worker that runs a task; absent for decompose and synthesize nodes. */
  worker?: string;
  /** Workers a decompose node may hand tasks to. */
  workers?: string[];
  priority?: 'low' | 'normal' | 'high' | 'critical';
  /** First line of the prompt, for tooltips and labels. */
  summary?: string;
}

/**
 * `from` runs before `to`. `after` edges come from `after = […]`; `reads` edges from
 * `${from.result}` (or another field) inside `to`'s prompt.
 */
export interface GraphEdge {
  from: string;
  to: string;
  kind: 'after' | 'reads';
  /** True when the edge lies on a reported dependency cycle. */
  inCycle?: boolean;
}

export interface GraphModel {
  workflow: string;
  workers: string[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Each reported cycle as a node path whose last node depends on the first. */
  cycles: string[][];
}
