import type { Plan } from '../compiler/plan-schema.ts';
import { renderArtifacts, renderFindings, type UpstreamResult } from '../runtime/render-template.ts';
import type { DecomposeNode } from './decompose-node.ts';

/**
 * What the nodes the decompose node runs after handed on, one section each: the final text,
 * the findings and the artifact paths. A node with no result (none recorded) says so rather
 * than vanish, so the planner knows it is missing.
 */
export function upstreamText(plan: Plan, node: DecomposeNode, results: ReadonlyMap<string, UpstreamResult>, runDir?: string): string {
  if (node.after.length === 0) return '';
  const sections = node.after.map((id) => {
    const upstream = plan.nodes.find((n) => n.id === id);
    const who = upstream?.kind === 'task' ? upstream.worker : upstream?.kind ?? 'node';
    const result = results.get(id);
    if (result === undefined) return `## \`${id}\` (${who})\n\n(no result recorded)`;
    return [
      `## \`${id}\` (${who})`,
      '',
      result.result.trim() === '' ? '(no final text)' : result.result.trim(),
      '',
      'Findings:',
      renderFindings(result.findings),
      '',
      'Artifacts:',
      renderArtifacts(result.artifacts, runDir),
    ].join('\n');
  });
  return `# Results of the steps before this one\n\n${sections.join('\n\n')}\n`;
}
