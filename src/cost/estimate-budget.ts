import type { Plan } from '../compiler/plan-schema.ts';
import type { BudgetCheck, CostRange, NodeEstimate, WorkerEstimate } from './estimate-schema.ts';

/** Where an estimate stands against a budget: over it even at the low end, possibly over it, or within it. */
export function budgetStatus(cost: CostRange, budgetUsd: number): BudgetCheck['status'] {
  if (cost.low > budgetUsd) return 'exceeded';
  if (cost.high > budgetUsd) return 'at-risk';
  return 'within';
}

/** Every budget the plan sets (the workflow's, then its workers', then its nodes'), each against the estimate for what it covers. */
export function checkBudgets(plan: Plan, tasks: readonly NodeEstimate[], workers: readonly WorkerEstimate[], run: CostRange): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  if (plan.budgetUsd !== undefined) checks.push({ scope: 'workflow', id: plan.workflow.name, budgetUsd: plan.budgetUsd, costUsd: run, status: budgetStatus(run, plan.budgetUsd) });
  for (const worker of plan.workers) {
    if (worker.budgetUsd === undefined) continue;
    const cost = workers.find((w) => w.worker === worker.name)!.costUsd;
    checks.push({ scope: 'worker', id: worker.name, budgetUsd: worker.budgetUsd, costUsd: cost, status: budgetStatus(cost, worker.budgetUsd) });
  }
  for (const node of plan.nodes) {
    if (node.kind === 'synthesize' || node.budgetUsd === undefined) continue;
    const cost = tasks.find((t) => t.id === node.id)!.costUsd;
    checks.push({ scope: 'task', id: node.id, budgetUsd: node.budgetUsd, costUsd: cost, status: budgetStatus(cost, node.budgetUsd) });
  }
  return checks;
}
