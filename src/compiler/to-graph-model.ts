import { staticText, stringText } from '../language/ast.ts';
import type { CheckContext } from './check-context.ts';
import type { GraphEdge, GraphModel, GraphNode } from './graph-model.ts';
import type { Decl } from './ir.ts';

/** The graph as renderers draw it, built from whatever resolved, cycles included. */
export function toGraphModel(ctx: CheckContext, cycles: string[][]): GraphModel {
  const { ir, resolved, symbols } = ctx;
  const cycleEdges = new Set<string>();
  for (const cycle of cycles) cycle.forEach((id, i) => cycleEdges.add(`${id}\0${cycle[(i + 1) % cycle.length]}`));

  const nodes: GraphNode[] = ir.nodes.filter((n) => symbols.owns(n)).map((decl) => {
    const node: GraphNode = { id: decl.name.name, kind: decl.kind };
    const prompt = decl.attrs.prompt;
    const summary = prompt ? (staticText(prompt) ?? stringText(prompt)).trim().split('\n')[0] : undefined;
    if (summary) node.summary = summary.length > 80 ? summary.slice(0, 79) + '…' : summary;
    if (decl.kind === 'task') {
      const worker = resolved.workerOf.get(decl);
      if (worker) node.worker = worker.name.name;
      const priority = (decl as Decl<'task'>).attrs.priority?.value ?? ir.defaults?.attrs.priority?.value;
      if (priority) node.priority = priority;
    }
    if (decl.kind === 'decompose') node.workers = (resolved.plannerWorkers.get(decl) ?? []).map((w) => w.name.name);
    return node;
  });

  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const decl of ir.nodes) {
    if (!symbols.owns(decl)) continue;
    for (const e of resolved.after.get(decl) ?? []) {
      const key = `${e.node.name.name}\0${decl.name.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const edge: GraphEdge = { from: e.node.name.name, to: decl.name.name, kind: 'after' };
      if (cycleEdges.has(key)) edge.inCycle = true;
      edges.push(edge);
    }
  }
  for (const read of resolved.reads) {
    if (read.owner.kind !== 'task' && read.owner.kind !== 'decompose' && read.owner.kind !== 'synthesize') continue;
    const key = `${read.node.name.name}\0${read.owner.name.name}`;
    // A read along a direct `after` edge adds nothing to the drawing; one across several steps
    // (or an unordered one) shows where a result flows.
    if (seen.has(key) || seen.has(`reads\0${key}`)) continue;
    seen.add(`reads\0${key}`);
    edges.push({ from: read.node.name.name, to: read.owner.name.name, kind: 'reads' });
  }
  return {
    workflow: ir.workflow?.name.name ?? '',
    workers: ir.workers.filter((w) => symbols.owns(w)).map((w) => w.name.name),
    nodes,
    edges,
    cycles,
  };
}
