import { posix } from 'node:path';
import type { CheckContext } from '../check-context.ts';
import type { Decl } from '../ir.ts';
import type { Located } from '../values.ts';

/**
 * Two tasks that may run at the same time, in the same writable workspace, must not declare
 * the same output. Tasks of a read-only or workspace-less worker write into their own task
 * directory, so they cannot collide.
 */
export function checkWriteRaces(ctx: CheckContext, topoIndex: ReadonlyMap<string, number>): void {
  const graph = ctx.graph!;
  const writers = new Map<string, { task: Decl<'task'>; output: Located<string> }[]>();
  for (const node of ctx.ir.nodes) {
    if (node.kind !== 'task' || !ctx.symbols.owns(node)) continue;
    const task = node as Decl<'task'>;
    const worker = ctx.resolved.workerOf.get(task);
    const workspace = worker?.attrs.workspace?.value;
    if (!worker || workspace === undefined || worker.attrs.readonly === true) continue;
    for (const output of task.attrs.outputs ?? []) {
      const key = `${ctx.files.resolve(workspace)}\0${posix.normalize(output.value.replaceAll('\\', '/'))}`;
      const list = writers.get(key) ?? [];
      list.push({ task, output });
      writers.set(key, list);
    }
  }
  for (const list of writers.values()) {
    for (let i = 1; i < list.length; i++) {
      const b = list[i]!;
      for (const a of list.slice(0, i)) {
        const x = a.task.name.name;
        const y = b.task.name.name;
        if (x === y || graph.isAncestor(x, y, topoIndex) || graph.isAncestor(y, x, topoIndex)) continue;
        ctx.reporter.report('write-race', b.output.span, `\`${y}\` and \`${x}\` may run at the same time and both write \`${b.output.value}\``, {
          related: [ctx.reporter.related(a.output.span, `\`${x}\` writes it here`)],
          help: `order them with \`after = [${x}]\`, or give each its own output path`,
        });
        break;
      }
    }
  }
}
