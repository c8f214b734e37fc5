import type { Plan } from '../compiler/plan-schema.ts';
import { nodeFields } from '../compiler/known.ts';
import type { DecomposeNode } from './decompose-node.ts';
import { inferredDefaults } from './inferred-defaults.ts';
import { planToolName } from './plan-answer.ts';
import { dependencyGraph, reachable } from './plan-graph.ts';

// A workflow of thousands of tasks must not make every planner request that long.
const listCap = 40;

/**
 * What the planner must know of the workflow to plan within it: the workers it may use and
 * what each can do, and the rules its answer is checked against. It depends on the plan and
 * the node alone, never on results, so it is the same bytes in every ask and can be cached.
 */
export function workflowContext(plan: Plan, node: DecomposeNode): string {
  const graph = dependencyGraph(plan.nodes);
  const before = reachable(graph, node.id, 'predecessors');
  const waiting = reachable(graph, node.id, 'successors');
  const others = plan.nodes.filter((n) => n.id !== node.id && !before.has(n.id) && !waiting.has(n.id)).map((n) => n.id);
  const finished = plan.order.filter((id) => before.has(id));
  const defaults = inferredDefaults(plan);
  const taken = [...plan.nodes.map((n) => n.id), ...plan.workers.map((w) => w.name), ...plan.agents.map((a) => a.name), ...plan.inputs.map((i) => i.name)];
  const example = finished[0] ?? 'a-task';

  const lines = [
    `# Planning step \`${node.id}\` of workflow \`${plan.workflow.name}\``,
    ...(plan.workflow.description === undefined ? [] : ['', plan.workflow.description]),
    '',
    '## Workers this plan may use',
    ...node.workers.flatMap((name) => workerLines(plan, name)),
    '',
    '## Rules',
    `- Answer by calling \`${planToolName}\` once, with at most ${node.maxTasks} task${node.maxTasks === 1 ? '' : 's'}.`,
    ...(node.budgetUsd === undefined ? [] : [`- The tasks together must be expected to cost at most $${node.budgetUsd.toFixed(2)}.`]),
    `- A task id is letters, digits, \`_\` and \`-\`, starting with a letter or \`_\`; unique, and none of the names the workflow uses: ${list(taken)}.`,
    `- Every task runs after \`${node.id}\`.${waiting.size === 0 ? '' : ` ${list([...waiting])} wait${waiting.size === 1 ? 's' : ''} for every task of the plan, so no task may run after ${waiting.size === 1 ? 'it' : 'them'} or read ${waiting.size === 1 ? 'it' : 'them'}.`}`,
    afterRule([
      ...(finished.length === 0 ? [] : [`finished already: ${list(finished)}`]),
      ...(others.length === 0 ? [] : [`perhaps not finished yet (a task after one waits for it): ${list(others)}`]),
    ]),
    `- A prompt may read the run's inputs${plan.inputs.length === 0 ? ' (this workflow has none)' : `, ${list(plan.inputs.map((i) => `\${${i.name}}`))}`}, and the ${nodeFields.join(', ')} of a node the task runs after: ${nodeFields.map((f) => `\`\${${example}.${f}}\``).join(', ')}. Finished nodes always count as run after.`,
    `- \`timeout\` is a duration such as "30s", "10m" or "1h30m" (${minutes(defaults.timeoutMs)} when omitted); \`priority\` is low, normal, high or critical (${defaults.priority} when omitted).`,
    '- Tasks that may run at the same time must not write the same output in a shared workspace.',
  ];
  return lines.join('\n') + '\n';
}

function afterRule(nodes: readonly string[]): string {
  const head = '- `after` may name other tasks of the plan';
  return nodes.length === 0 ? `${head}.` : `${head}, and nodes of the workflow; ${nodes.join('; ')}.`;
}

function workerLines(plan: Plan, name: string): string[] {
  const worker = plan.workers.find((w) => w.name === name);
  if (worker === undefined) return [];
  const agents = plan.agents.filter((a) => worker.agents.includes(a.name));
  const where =
    worker.workspace === undefined
      ? 'works in a directory of its own for each task'
      : `works in \`${worker.workspace}\`${worker.readonly ? ' (read-only: its outputs go to the task\'s own directory)' : ''}`;
  return [
    `- \`${worker.name}\`${worker.description === undefined ? '' : `: ${worker.description}`}`,
    `  model ${worker.model}; tools: ${worker.tools === undefined ? 'Claude Code\'s default set' : worker.tools.length === 0 ? 'none' : worker.tools.join(', ')}; ${where}.`,
    ...agents.map((a) => `  sub-agent \`${a.name}\`${a.description === '' ? '' : `: ${a.description}`}`),
  ];
}

function list(names: readonly string[]): string {
  const shown = names.slice(0, listCap).map((n) => `\`${n}\``);
  return names.length > listCap ? `${shown.join(', ')} and ${names.length - listCap} more` : shown.join(', ');
}

function minutes(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000}m` : `${ms / 1000}s`;
}
