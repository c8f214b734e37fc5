import { compile } from '../compiler/compile.ts';
import { memoryHost } from '../compiler/file-loader.ts';
import type { Plan } from '../compiler/plan-schema.ts';
import { estimatePlan } from '../cost/estimate.ts';
import type { History } from '../cost/history.ts';
import type { InputValues } from '../runtime/events.ts';
import type { TaskNode } from '../runtime/task-state.ts';
import { answerProblems } from './answer-problems.ts';
import { compileProblems } from './compile-problems.ts';
import type { DecomposeNode } from './decompose-node.ts';
import { inferredDefaults } from './inferred-defaults.ts';
import { planAnswerSchema } from './plan-answer.ts';
import { dependencyGraph, reachable } from './plan-graph.ts';
import { plannedNodes } from './planned-nodes.ts';
import { prepareTasks } from './prepare-tasks.ts';
import { renderSkeleton } from './skeleton.ts';
import { SkeletonNames } from './skeleton-names.ts';
import { splicePlan } from './splice.ts';

export interface CheckPlanOptions {
  /** The run's input values, for the cost estimate of prompts that read them. */
  inputs?: InputValues;
  /** Past runs (see `loadHistory`): a planned task is then estimated from what its worker's tasks cost. */
  history?: History;
}

export type CheckPlanResult = { ok: true; tasks: TaskNode[] } | { ok: false; problems: string[] };

/**
 * Checks a planner's answer (the `submit_plan` tool input, as received) the way a hand-written
 * workflow is checked, and turns it into plan task nodes. In order:
 * 1. the answer's shape (planAnswerSchema); on any problem, only those are reported;
 * 2. the decompose node's own rules: at most `maxTasks` tasks, only its `workers`, no `after`
 *    or `${x.result}` naming a node that waits for this plan;
 * 3. the real compiler, on the running plan written back as a workflow with the tasks in it
 *    (see skeleton.ts): names, duplicates, `after`, cycles, unordered reads, write races, limits,
 *    literal secrets;
 * 4. when all that passes and the node has a budget, the expected cost of the tasks
 *    (estimatePlan) against it.
 * Problems name the task and are worded for the model to fix. Pure.
 */
export function checkPlan(plan: Plan, node: DecomposeNode, answer: unknown, options: CheckPlanOptions = {}): CheckPlanResult {
  const parsed = planAnswerSchema.safeParse(answer);
  if (!parsed.success) return { ok: false, problems: answerProblems(parsed.error, answer) };
  const planned = parsed.data.tasks;
  const ids = planned.map((t) => t.id);

  const downstream = reachable(dependencyGraph(plan.nodes), node.id, 'successors');
  const names = new SkeletonNames(plan, ids);
  const prepared = prepareTasks(plan, node, planned, names, downstream);
  // A clashing id is reported as a duplicate; waiting for it too would only add echoes of that.
  const taken = new Set([...plan.nodes.map((n) => n.id), ...plan.workers.map((w) => w.name), ...plan.agents.map((a) => a.name), ...plan.inputs.map((i) => i.name)]);
  const spliced = [...new Set(ids)].filter((id) => !taken.has(id));
  const skeleton = renderSkeleton(plan, { decomposeId: node.id, tasks: prepared.map((p) => p.task), spliced, defaults: inferredDefaults(plan), names });
  const compiled = compile(skeleton.text, skeleton.file, memoryHost(skeleton.files));
  const found = compileProblems(compiled.diagnostics, skeleton, names, prepared.map((p) => p.quiet));

  const problems = [
    ...(planned.length > node.maxTasks ? [`the plan has ${planned.length} tasks, but this step may add at most ${node.maxTasks}: merge or drop some`] : []),
    ...prepared.flatMap((p, i) => [...p.problems, ...found.byTask[i]!]),
    ...found.general,
  ];
  if (problems.length > 0 || compiled.plan === undefined) return { ok: false, problems };

  const tasks = plannedNodes(compiled.plan, node.id, ids, names);
  const over = budgetProblem(plan, node, tasks, options);
  return over === undefined ? { ok: true, tasks } : { ok: false, problems: [over] };
}

/** Whether the tasks' expected cost fits the decompose node's budget; a problem when it does not. */
function budgetProblem(plan: Plan, node: DecomposeNode, tasks: readonly TaskNode[], options: CheckPlanOptions): string | undefined {
  if (node.budgetUsd === undefined) return undefined;
  const estimate = estimatePlan(splicePlan(plan, node.id, tasks), options.history, options.inputs === undefined ? {} : { inputs: options.inputs });
  const costs = tasks.map((t) => ({ id: t.id.slice(node.id.length + 1), usd: estimate.tasks.find((e) => e.id === t.id)!.costUsd.expected }));
  const total = costs.reduce((sum, c) => sum + c.usd, 0);
  if (total <= node.budgetUsd) return undefined;
  const each = costs.map((c) => `\`${c.id}\` ${usd(c.usd)}`).join(', ');
  return `the ${tasks.length} tasks are expected to cost ${usd(total)} together, more than this step's budget of ${usd(node.budgetUsd)} (${each}): plan fewer or smaller tasks`;
}

function usd(n: number): string {
  return `$${n.toFixed(2)}`;
}
