import type { Plan, Template } from '../compiler/plan-schema.ts';
import type { TaskNode } from '../runtime/task-state.ts';
import type { SkeletonNames } from './skeleton-names.ts';

/**
 * The planned tasks as the synthetic workflow's plan built them (so model, timeout, retries,
 * priority, max-turns, reads and chain come from the compiler's own plan builder), renamed to
 * the running plan's ids: a planned task `fix` of decompose node `plan-week` is `plan-week/fix`.
 */
export function plannedNodes(compiled: Plan, decomposeId: string, plannedIds: readonly string[], names: SkeletonNames): TaskNode[] {
  const planned = new Set(plannedIds);
  const rename = (name: string) => (planned.has(name) ? `${decomposeId}/${name}` : names.planName(name));
  const template = (t: Template): Template => t.map((p) => ('node' in p ? { ...p, node: rename(p.node) } : p));
  return plannedIds.map((id) => {
    const node = compiled.nodes.find((n) => n.id === id);
    if (node?.kind !== 'task') throw new RangeError(`Expected the synthetic plan to hold task \`${id}\`, got ${node?.kind ?? 'nothing'}`);
    return {
      ...node,
      id: rename(id),
      worker: names.planName(node.worker),
      after: node.after.map(rename),
      reads: node.reads.map((r) => ({ ...r, node: rename(r.node) })),
      prompt: template(node.prompt),
    };
  });
}
