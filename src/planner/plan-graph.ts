import { DependencyGraph } from '../compiler/graph.ts';
import type { PlanNode } from '../compiler/plan-schema.ts';

// A plan's edges have no source text to point at.
const nowhere = { start: 0, end: 0 };

/** A plan's nodes as the compiler's dependency graph, ranked in the order given. */
export function dependencyGraph(nodes: readonly PlanNode[]): DependencyGraph {
  const graph = new DependencyGraph();
  for (const node of nodes) graph.addNode(node.id);
  for (const node of nodes) for (const upstream of node.after) graph.addEdge(upstream, node.id, nowhere);
  return graph;
}

/** Every node reachable from `id` along `step`, `id` itself left out. */
export function reachable(graph: DependencyGraph, id: string, step: 'successors' | 'predecessors'): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    for (const next of graph[step](stack.pop()!)) {
      if (seen.has(next) || next === id) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return seen;
}
