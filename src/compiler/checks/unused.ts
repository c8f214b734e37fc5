import type { CheckContext } from '../check-context.ts';
import { headerSpan } from '../decode.ts';
import type { Decl } from '../ir.ts';

/** Declarations nothing uses are usually a typo elsewhere or a leftover; a workflow needs nodes. */
export function checkUnused(ctx: CheckContext): void {
  const { ir, resolved, reporter, symbols } = ctx;
  const usedWorkers = new Set<Decl>([...resolved.workerOf.values(), ...[...resolved.plannerWorkers.values()].flat()]);
  const usedAgents = new Set<Decl>([...resolved.agentsOf.values()].flat());
  // A misspelt or malformed reference leaves its target looking unused; say nothing until the
  // syntax, structure and names are right, rather than bury the real error in follow-on warnings.
  const namesBroken = reporter.diagnostics.some((d) => d.severity === 'error' && /^SW0[012]/.test(d.code));
  if (namesBroken) return checkNoTasks(ctx);
  for (const worker of ir.workers) {
    if (symbols.owns(worker) && !usedWorkers.has(worker)) {
      reporter.report('unused-worker', worker.name.span, `worker \`${worker.name.name}\` runs no task`, { help: 'give it a task, list it in a decompose block, or remove it' });
    }
  }
  for (const agent of ir.agents) {
    if (symbols.owns(agent) && !usedAgents.has(agent)) {
      reporter.report('unused-agent', agent.name.span, `agent \`${agent.name.name}\` is in no worker's \`agents\` list`, { help: 'add it to a worker, or remove it' });
    }
  }
  for (const input of ir.inputs) {
    if (symbols.owns(input) && !resolved.inputReads.has(input.name.name)) {
      reporter.report('unused-input', input.name.span, `input \`${input.name.name}\` is never read`, { help: `read it in a prompt as \`\${${input.name.name}}\`, or remove it` });
    }
  }
  checkNoTasks(ctx);
}

function checkNoTasks({ ir, reporter }: CheckContext): void {
  if (ir.workflow && ir.nodes.length === 0) {
    reporter.report('no-tasks', headerSpan(ir.workflow.block), `workflow \`${ir.workflow.name.name}\` has nothing to run`, {
      help: 'add a `task NAME { worker = … prompt = "…" }` block',
    });
  }
}
