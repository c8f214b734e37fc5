import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Skeleton } from './skeleton.ts';
import type { SkeletonNames } from './skeleton-names.ts';

/** The synthetic workflow reported an error no planned task can be blamed for: a bug in swarm. */
export class PlanCheckError extends Error {
  override name = 'PlanCheckError';
}

export interface CompileProblems {
  /** Per planned task, in the answer's order. */
  byTask: string[][];
  /** Problems of several tasks together, such as a cycle through a node of the workflow. */
  general: string[];
}

/**
 * The compiler's errors as problems of the planned tasks. An error inside a task's block is
 * that task's, unless it is on an attribute whose problem was already told (`quiet`). One
 * outside every block (a cycle reported where a workflow node waits for a task) is kept when
 * it names a planned task; any other means the synthetic text itself is wrong, and throws.
 * Warnings are left out: they never stop a hand-written workflow either.
 */
export function compileProblems(diagnostics: readonly Diagnostic[], skeleton: Skeleton, names: SkeletonNames, quiet: readonly ReadonlySet<string>[]): CompileProblems {
  const byTask = skeleton.blocks.map((): string[] => []);
  const general: string[] = [];
  const plannedIds = skeleton.blocks.map((b) => b.id);
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const text = names.translate(d.help === undefined ? d.message : `${d.message} (${d.help})`);
    const at = d.file === skeleton.file ? skeleton.blocks.findIndex((b) => d.span.start >= b.span.start && d.span.start < b.span.end) : -1;
    if (at >= 0) {
      const block = skeleton.blocks[at]!;
      const attribute = [...block.attributes].find(([, span]) => d.span.start >= span.start && d.span.start < span.end)?.[0];
      if (attribute === undefined || !quiet[at]!.has(attribute)) byTask[at]!.push(`task \`${block.id}\`: ${text}`);
      continue;
    }
    if (plannedIds.some((id) => d.message.includes(`\`${id}\``))) general.push(text);
    else throw new PlanCheckError(`The synthetic workflow for checking a plan has an error of its own, at ${d.file}:${d.span.start}: ${d.code} ${text}`);
  }
  return { byTask, general };
}
