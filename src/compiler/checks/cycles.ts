import type { CheckContext } from '../check-context.ts';
import { DependencyGraph } from '../graph.ts';

/** Builds the DAG from resolved `after` lists. Edges that failed to resolve are left out. */
export function buildGraph(ctx: CheckContext): DependencyGraph {
  const graph = new DependencyGraph();
  for (const node of ctx.ir.nodes) if (ctx.symbols.owns(node)) graph.addNode(node.name.name);
  for (const node of ctx.ir.nodes) {
    for (const edge of ctx.resolved.after.get(node) ?? []) graph.addEdge(edge.node.name.name, node.name.name, edge.span);
  }
  return graph;
}

/**
 * Reports each dependency cycle once, as its path: the primary span is where the first node
 * waits for the next, and every further link of the loop is a related span.
 */
export function checkCycles(ctx: CheckContext): string[][] {
  const graph = ctx.graph!;
  const cycles = graph.cycles();
  for (const cycle of cycles) {
    // cycle[i + 1] runs after cycle[i]; walked backwards from its first node it reads "a waits for b".
    const waits = [cycle[0]!, ...cycle.slice(1).reverse()];
    const links = waits.map((id, i) => {
      const upstream = waits[(i + 1) % waits.length]!;
      return { id, upstream, span: graph.edgeSpan(upstream, id)! };
    });
    const first = links[0]!;
    const path = [...waits, waits[0]].map((id) => `\`${id}\``).join(' → ');
    const message = cycle.length === 1 ? `\`${first.id}\` waits for itself` : `dependency cycle: ${path} (each waits for the next)`;
    ctx.reporter.report('dependency-cycle', first.span, message, {
      related: links.slice(1).map((l) => ctx.reporter.related(l.span, `\`${l.id}\` waits for \`${l.upstream}\` here`)),
      help: cycle.length === 1 ? `remove \`${first.id}\` from its own \`after\` list` : 'no node of a cycle can ever start; remove one of these `after` entries',
    });
  }
  return cycles;
}
