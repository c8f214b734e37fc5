import type { GraphEdge, GraphModel, GraphNode } from './graph-model.ts';
import type { Plan, Template } from './plan-schema.ts';

/**
 * The graph of a compiled plan, for drawing a run as it went: with the tasks its decompose
 * nodes spliced in, which no source text holds. Pure.
 */
export function planGraphModel(plan: Plan): GraphModel {
  const nodes = plan.nodes.map((n): GraphNode => {
    const node: GraphNode = { id: n.id, kind: n.kind };
    const summary = firstLine(n.prompt);
    if (summary !== '') node.summary = summary.length > 80 ? summary.slice(0, 79) + '…' : summary;
    if (n.kind === 'task') {
      node.worker = n.worker;
      node.priority = n.priority;
    }
    if (n.kind === 'decompose') node.workers = n.workers;
    return node;
  });
  const edges: GraphEdge[] = plan.nodes.flatMap((n) => {
    const reads = new Set(n.reads.map((r) => r.node));
    const after = n.after.map((from): GraphEdge => ({ from, to: n.id, kind: 'after' }));
    // A read of a node the task also runs after is drawn once, as the read.
    return [...after.filter((e) => !reads.has(e.from)), ...[...reads].map((from): GraphEdge => ({ from, to: n.id, kind: 'reads' }))];
  });
  return { workflow: plan.workflow.name, workers: plan.workers.map((w) => w.name), nodes, edges, cycles: [] };
}

function firstLine(template: Template): string {
  return template
    .map((part) => ('text' in part ? part.text : 'input' in part ? `\${${part.input}}` : `\${${part.node}.${part.field}}`))
    .join('')
    .trim()
    .split('\n')[0]!;
}
