import type { Plan, PlanNode } from '../compiler/plan-schema.ts';
import type { InputValues } from '../runtime/events.ts';
import { checkBudgets } from './estimate-budget.ts';
import { promptSpend, scenarios, type Spend } from './estimate-prompt.ts';
import type { CostRange, NodeEstimate, PlanEstimate, TokenRange } from './estimate-schema.ts';
import type { History, Observed } from './history.ts';
import { costOf, priceTable, type PriceTable } from './prices.ts';

export interface EstimateOptions {
  /** Input values as given; the plan's defaults fill the rest, and an input with neither counts as empty. */
  inputs?: InputValues;
  /** @default the measured `priceTable` */
  prices?: PriceTable;
}

/**
 * What a plan is likely to cost, per node, per worker and for the run, and which budgets it
 * puts at risk. A task that ran before in a run of the same workflow (see `loadHistory`) is
 * estimated from what it cost then; failing that, from what its worker's other tasks cost;
 * failing that, from its prompt sizes (see estimate-prompt.ts). Pure.
 * @example
 * const estimate = estimatePlan(plan, loadHistory('.swarm/runs'));
 * estimate.run.costUsd; // { low: 0.12, expected: 0.25, high: 0.4 }
 */
export function estimatePlan(plan: Plan, history?: History, options: EstimateOptions = {}): PlanEstimate {
  const prices = options.prices ?? priceTable;
  const inputs: InputValues = { ...Object.fromEntries(plan.inputs.flatMap((i) => (i.default === undefined ? [] : [[i.name, i.default]]))), ...options.inputs };
  const unpriced = new Set<string>();
  const cost = (spends: Spend[]) =>
    spends.reduce((sum, s) => {
      const usd = costOf(s.model, s.usage, prices);
      if (usd === undefined) unpriced.add(s.model);
      return sum + (usd ?? 0);
    }, 0);
  const seen = history?.workflows[plan.workflow.name];
  const tasks = plan.order.map((id) => {
    const node = plan.nodes.find((n) => n.id === id)!;
    const base = { id, kind: node.kind, ...(node.kind === 'task' && { worker: node.worker }), model: node.model };
    const observed = node.kind === 'task' ? observedFor(seen, node.id, node.worker) : undefined;
    if (observed) return { ...base, ...fromHistory(observed.seen), basis: 'history' as const, history: { of: observed.of, count: observed.seen.count } };
    return { ...base, ...fromPrompt(plan, node, inputs, cost), basis: 'prompt' as const };
  });
  const workers = plan.workers.map((w) => {
    const own = tasks.filter((t) => t.worker === w.name);
    return { worker: w.name, model: w.model, tasks: own.map((t) => t.id), ...sum(own) };
  });
  const run = sum(tasks);
  return { tasks, workers, run, budgets: checkBudgets(plan, tasks, workers, run.costUsd), prices: { date: prices.date, source: prices.source }, unpriced: [...unpriced].sort() };
}

/**
 * The expected cost of one node of the estimate, in dollars: what the scheduler holds against
 * a budget before it dispatches the task. From prompt sizes it is one attempt's; from history,
 * one execution's as observed, retries included. Throws for an id the estimate does not hold,
 * which means the estimate was made for another plan.
 */
export function expectedTaskCost(estimate: PlanEstimate, taskId: string): number {
  const task = estimate.tasks.find((t) => t.id === taskId);
  if (!task) throw new RangeError(`Expected a task of the estimated plan, got \`${taskId}\` (the estimate has ${estimate.tasks.map((t) => t.id).join(', ') || 'no tasks'})`);
  return task.costUsd.expected;
}

function observedFor(seen: History['workflows'][string] | undefined, task: string, worker: string): { of: 'task' | 'worker'; seen: Observed } | undefined {
  const own = seen?.tasks[task];
  if (own) return { of: 'task', seen: own };
  const others = seen?.workers[worker];
  return others ? { of: 'worker', seen: others } : undefined;
}

/**
 * The observed min..max, widened: a few runs show only part of the spread a task has, so the
 * fewer they are the wider the margin (30% around a single run, 12% around ten).
 */
function fromHistory(seen: Observed): Pick<NodeEstimate, 'costUsd' | 'inputTokens' | 'outputTokens'> {
  const widen = 0.1 + 0.2 / seen.count;
  const tokens = (s: Observed['inputTokens']): TokenRange => ({ low: Math.floor(s.min * (1 - widen)), high: Math.ceil(s.max * (1 + widen)) });
  return {
    costUsd: { low: seen.costUsd.min * (1 - widen), expected: seen.costUsd.mean, high: seen.costUsd.max * (1 + widen) },
    inputTokens: tokens(seen.inputTokens),
    outputTokens: tokens(seen.outputTokens),
  };
}

function fromPrompt(plan: Plan, node: PlanNode, inputs: InputValues, cost: (spends: Spend[]) => number): Pick<NodeEstimate, 'costUsd' | 'inputTokens' | 'outputTokens'> {
  const [low, expected, high] = (['low', 'expected', 'high'] as const).map((s) => promptSpend(plan, node, inputs, scenarios[s], cost));
  const input = (spends: Spend[]) => spends.reduce((n, { usage: u }) => n + u.input_tokens + u.cache_creation_input_tokens + u.cache_read_input_tokens, 0);
  const output = (spends: Spend[]) => spends.reduce((n, s) => n + s.usage.output_tokens, 0);
  return {
    costUsd: { low: cost(low!), expected: cost(expected!), high: cost(high!) },
    inputTokens: { low: input(low!), high: input(high!) },
    outputTokens: { low: output(low!), high: output(high!) },
  };
}

function sum(items: readonly Pick<NodeEstimate, 'costUsd' | 'inputTokens' | 'outputTokens'>[]): Pick<NodeEstimate, 'costUsd' | 'inputTokens' | 'outputTokens'> {
  const tokens = (pick: (i: (typeof items)[number]) => TokenRange): TokenRange => ({ low: items.reduce((n, i) => n + pick(i).low, 0), high: items.reduce((n, i) => n + pick(i).high, 0) });
  const usd = (key: keyof CostRange) => items.reduce((n, i) => n + i.costUsd[key], 0);
  return { costUsd: { low: usd('low'), expected: usd('expected'), high: usd('high') }, inputTokens: tokens((i) => i.inputTokens), outputTokens: tokens((i) => i.outputTokens) };
}
