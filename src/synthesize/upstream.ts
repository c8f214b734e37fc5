import type { Plan, PlanNode } from '../compiler/plan-schema.ts';
import type { TaskResult } from '../runtime/events.ts';

/** A finished node whose work a synthesis merges. */
export interface UpstreamEntry {
  id: string;
  /** The worker that ran it; absent for the runner's own nodes (decompose, synthesize). */
  worker?: string;
  result: TaskResult;
}

/**
 * Every node `node` runs after, directly or through others, that has a result, in the plan's
 * order. Transitive on purpose: a synthesis after a decompose node would otherwise see only the
 * plan, not the check-ins the plan was made from.
 */
export function upstreamFor(plan: Plan, node: PlanNode, results: ReadonlyMap<string, TaskResult>): UpstreamEntry[] {
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  const ancestors = new Set<string>();
  const visit = (id: string) => {
    for (const dep of byId.get(id)?.after ?? []) {
      if (ancestors.has(dep)) continue;
      ancestors.add(dep);
      visit(dep);
    }
  };
  visit(node.id);
  // Spliced-in tasks may be missing from `order`; they follow it in node order.
  const order = [...plan.order, ...plan.nodes.map((n) => n.id).filter((id) => !plan.order.includes(id))];
  return order.flatMap((id) => {
    const result = results.get(id);
    if (!ancestors.has(id) || result === undefined) return [];
    const upstream = byId.get(id);
    return [{ id, ...(upstream?.kind === 'task' && { worker: upstream.worker }), result }];
  });
}

/** The artifact paths of the upstream nodes, in their order, each once. */
export function artifactPathsOf(upstream: readonly UpstreamEntry[]): string[] {
  return [...new Set(upstream.flatMap((u) => u.result.artifacts))];
}
