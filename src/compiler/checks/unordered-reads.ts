import type { CheckContext } from '../check-context.ts';
import { isNodeKind } from '../ir.ts';

/**
 * `${x.result}` needs x finished first. The read must be ordered by `after` (directly or
 * through other nodes); swarm does not add the edge silently, because a read the author did
 * not order is usually a mistake in the plan, not a wish.
 */
export function checkUnorderedReads(ctx: CheckContext, topoIndex: ReadonlyMap<string, number>): void {
  const graph = ctx.graph!;
  for (const read of ctx.resolved.reads) {
    const owner = read.owner;
    const target = read.node.name.name;
    const expr = `\${${target}.${read.field}}`;
    if (!isNodeKind(owner.kind)) {
      ctx.reporter.report('unordered-read', read.span, `the ${owner.kind} \`${owner.name.name}\` cannot read \`${expr}\``, {
        help: `a ${owner.kind}'s text is shared by every task; read \`${expr}\` in a task's prompt instead`,
      });
      continue;
    }
    if (owner === read.node) {
      ctx.reporter.report('unordered-read', read.span, `\`${owner.name.name}\` reads its own \`${read.field}\``, { help: 'a node cannot read what it has not produced yet' });
      continue;
    }
    if (!ctx.symbols.owns(owner) || graph.isAncestor(target, owner.name.name, topoIndex)) continue;
    ctx.reporter.report('unordered-read', read.span, `\`${owner.name.name}\` reads \`${expr}\` but does not run after \`${target}\``, {
      related: [ctx.reporter.related(read.node.name.span, `\`${target}\` is declared here`)],
      help: `add \`${target}\` to \`${owner.name.name}\`'s \`after\` list`,
    });
  }
}
