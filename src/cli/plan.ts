import type { Argv } from 'yargs';
import { z } from 'zod';
import { estimatePlan } from '../cost/estimate.ts';
import { planEstimateSchema } from '../cost/estimate-schema.ts';
import { loadHistory } from '../cost/history.ts';
import { stylerFor } from '../render/color.ts';
import { renderHuman } from '../render/diagnostics-human.ts';
import { renderCostEstimate } from '../render/dry-run-view.ts';
import { exitCodes, type ExitCode, type Io } from './io.ts';
import { compileWorkflow } from './load.ts';
import { absoluteIn, runsDirFor } from './run-session.ts';

export interface PlanOptions {
  file: string;
  format: 'human' | 'json';
  runsDir?: string;
}

/** What `swarm plan -f json` prints. */
export const planReportSchema = z.strictObject({
  type: z.literal('plan'),
  workflow: z.string(),
  file: z.string(),
  /** Every node, each after all the nodes it runs after. */
  order: z.array(z.strictObject({ id: z.string(), kind: z.enum(['task', 'decompose', 'synthesize']), worker: z.string().optional() })),
  /** The longest chain of dependent nodes. */
  critical_path: z.array(z.string()),
  /** The runs directory whose journals the estimate read. */
  runs_dir: z.string(),
  cost: planEstimateSchema,
});

export type PlanReport = z.infer<typeof planReportSchema>;

export function planCommand(yargs: Argv): Argv<PlanOptions> {
  return yargs
    .positional('file', { type: 'string', demandOption: true, describe: 'The workflow to plan' })
    .option('format', { alias: 'f', choices: ['human', 'json'] as const, default: 'human' as const, describe: 'human: order, critical path and cost tables; json: the same, for programs' })
    .option('runs-dir', { type: 'string', describe: 'Estimate from the earlier runs in this directory [default: .swarm/runs beside the workflow]' })
    .example('$0 plan workflows/student-review.swarm', 'The order, the critical path and what a run is likely to cost')
    .example('$0 plan wf.swarm --runs-dir ci/runs', 'Estimate from the runs kept in ci/runs')
    .example('$0 plan wf.swarm -f json | jq .cost.run.costUsd', 'The run\'s cost range, for programs')
    .epilogue('Estimates come from prompt sizes, or from what the same tasks cost in earlier runs.\nExit codes: 0 planned, 1 the workflow has errors, 2 usage error.') as unknown as Argv<PlanOptions>;
}

/**
 * Compiles the workflow and prints its order, critical path and cost estimate, with the
 * budgets the estimate puts at risk. Nothing runs. Diagnostics go to stderr; a workflow with
 * errors has no plan, and exits 1.
 */
export async function runPlan(options: PlanOptions, io: Io): Promise<ExitCode> {
  const compiled = await compileWorkflow(io, options.file);
  if (compiled.diagnostics.length > 0) {
    io.stderr.write(renderHuman(compiled.diagnostics, compiled.sources, { style: stylerFor({ isTTY: io.stderr.isTTY, env: io.env }), filesChecked: 1 }));
  }
  const plan = compiled.plan;
  if (!plan) return exitCodes.problems;
  const runsDir = runsDirFor(io, absoluteIn(io, options.file), options.runsDir);
  const history = loadHistory(runsDir);
  for (const warning of history.warnings) io.stderr.write(`swarm plan: left a run out of the estimate: ${warning}\n`);
  const report: PlanReport = {
    type: 'plan',
    workflow: plan.workflow.name,
    file: options.file,
    order: plan.order.map((id) => {
      const node = plan.nodes.find((n) => n.id === id)!;
      return { id, kind: node.kind, ...(node.kind === 'task' && { worker: node.worker }) };
    }),
    critical_path: plan.criticalPath,
    runs_dir: runsDir,
    cost: estimatePlan(plan, history),
  };
  io.stdout.write(options.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderPlan(report, stylerFor({ isTTY: io.stdout.isTTY, env: io.env })));
  return exitCodes.ok;
}

function renderPlan(report: PlanReport, style: ReturnType<typeof stylerFor>): string {
  const workers = new Set(report.order.flatMap((n) => (n.worker ? [n.worker] : [])));
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const lines = [
    style.bold(`Plan of ${report.workflow}`) + `  ${report.file}: ${count(report.order.length, 'node')}, ${count(workers.size, 'worker')}; nothing is run.`,
    '',
    style.bold('Order') + style.dim(' (each node after everything it runs after)'),
    ...report.order.map((n, i) => `  ${String(i + 1).padStart(String(report.order.length).length)}. ${n.id} ${style.dim(`[${n.worker ?? n.kind}]`)}`),
    '',
    style.bold('Critical path') + `  ${report.critical_path.join(' → ')}` + style.dim(` (${count(report.critical_path.length, 'node')} one after another)`),
    '',
    ...renderCostEstimate(report.cost, style),
  ];
  return lines.join('\n') + '\n';
}
