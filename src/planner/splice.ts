import { planSchema, type Plan, type PlanNode } from '../compiler/plan-schema.ts';
import type { TaskNode } from '../runtime/task-state.ts';
import { dependencyGraph } from './plan-graph.ts';

/**
 * The plan with a decompose node's tasks added, as the run goes on from it: each task runs
 * after the decompose node (added when a task does not list it), and every node that ran after
 * the decompose node now also runs after every new task, so a `synthesize` after it waits for
 * the planned work. The new tasks follow the decompose node in `nodes`; `order`, `chain` and
 * `criticalPath` are computed again by the compiler's graph code. Pure.
 *
 * The tasks are expected to have passed `checkPlan`; tasks that clash with the plan, name
 * nodes it does not have or close a cycle are a bug in the caller, and throw.
 */
export function splicePlan(plan: Plan, decomposeId: string, tasks: readonly TaskNode[]): Plan {
  const at = plan.nodes.findIndex((n) => n.id === decomposeId);
  if (plan.nodes[at]?.kind !== 'decompose') throw new RangeError(`Expected the id of a decompose node of the plan, got \`${decomposeId}\``);
  const taken = new Set(plan.nodes.map((n) => n.id));
  const added: TaskNode[] = tasks.map((t) => {
    if (taken.has(t.id)) throw new RangeError(`Expected new task ids, got \`${t.id}\`, which the plan already has`);
    taken.add(t.id);
    return t.after.includes(decomposeId) ? t : { ...t, after: [decomposeId, ...t.after] };
  });
  const ids = added.map((t) => t.id);
  const waiting = plan.nodes.map((n): PlanNode => (n.after.includes(decomposeId) ? { ...n, after: [...n.after, ...ids.filter((id) => !n.after.includes(id))] } : n));
  const nodes = [...waiting.slice(0, at + 1), ...added, ...waiting.slice(at + 1)];

  for (const node of nodes) {
    const unknown = node.after.find((id) => !taken.has(id));
    if (unknown !== undefined) throw new RangeError(`Expected \`${node.id}\` to run after nodes of the plan, got \`${unknown}\``);
  }
  const graph = dependencyGraph(nodes);
  const order = graph.topologicalOrder();
  if (order === undefined) throw new RangeError(`Expected planned tasks that close no cycle, got ${graph.cycles().map((c) => c.join(' → ')).join('; ')}`);
  const chain = graph.chainLengths(order);
  return planSchema.parse({
    ...plan,
    nodes: nodes.map((n) => ({ ...n, chain: chain.get(n.id)! })),
    order,
    criticalPath: graph.criticalPath(order),
  });
}
