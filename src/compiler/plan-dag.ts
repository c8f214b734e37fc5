import { Graph } from '@dagrejs/graphlib';
import type { Plan, PlanNode } from './plan-schema.ts';

/** What an edge records: why `to` runs after `from`. */
export interface DagEdge {
  /** `read`: `to` also reads a field of `from`. */
  reads: boolean;
}

export type PlanDag = Graph<{ workflow: string }, PlanNode, DagEdge>;

/**
 * The plan's nodes as a graphlib DAG, labelled with their plan entries: the structure the
 * runtime schedules from and splices decomposed tasks into. The plan is already checked, so
 * every `after` names a node and there is no cycle.
 */
export function planDag(plan: Plan): PlanDag {
  const dag: PlanDag = new Graph({ directed: true, multigraph: false });
  dag.setGraph({ workflow: plan.workflow.name });
  for (const node of plan.nodes) dag.setNode(node.id, node);
  for (const node of plan.nodes) {
    const read = new Set(node.reads.map((r) => r.node));
    for (const upstream of node.after) dag.setEdge(upstream, node.id, { reads: read.has(upstream) });
  }
  return dag;
}
