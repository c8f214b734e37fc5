import type { Plan } from '../compiler/plan-schema.ts';
import type { BudgetSubject } from './task-state.ts';

/** Which budget a task would cross. */
export type BudgetScope = 'run' | 'worker' | 'plan' | 'task';

export interface BudgetVerdict {
  scope: BudgetScope;
  /** For the journal and the progress view: which budget, what is left, what the task needs. */
  reason: string;
  /**
   * The task would fit what is spent, but not what the attempts in flight have set aside: it
   * should wait for them to report what they really cost rather than be held now.
   */
  wait: boolean;
}

/**
 * What a run has spent and set aside, against its three kinds of budget: the run's (the
 * workflow's `budget`, or `--budget`), each worker's, each task's. Spent money comes from the
 * attempts' own reports; an attempt in flight holds its estimate, so tasks dispatched together
 * cannot all count on the same remaining dollars.
 */
export class BudgetLedger {
  /** The budget a decompose node gave its planned tasks together, with what they spent; `extra` is what the caller adds (live spend or reservations). */
  #planScope(node: BudgetSubject, extraOf: (prefix: string) => number): { scope: BudgetScope; budget: number; spent: number; extra: number; what: string }[] {
    if (node.plan === undefined) return [];
    const prefix = `${node.plan.id}/`;
    const spent = [...this.#spentByTask].filter(([task]) => task.startsWith(prefix)).reduce((sum, [, usd]) => sum + usd, 0);
    return [{ scope: 'plan', budget: node.plan.budgetUsd, spent, extra: extraOf(prefix), what: `the budget of \`${node.plan.id}\`'s plan` }];
  }

  /** The run's budget; set from `run:start`, so a resume may raise it. */
  runBudget: number | undefined;
  readonly #workerBudget = new Map<string, number>();
  #spent = 0;
  readonly #spentByWorker = new Map<string, number>();
  readonly #spentByTask = new Map<string, number>();
  /** Estimates of attempts in flight, by task. */
  readonly #reserved = new Map<string, { worker: string; usd: number }>();

  constructor(plan: Plan) {
    this.runBudget = plan.budgetUsd;
    for (const w of plan.workers) if (w.budgetUsd !== undefined) this.#workerBudget.set(w.name, w.budgetUsd);
  }

  spend(task: string, worker: string, usd: number | undefined): void {
    if (usd === undefined || usd <= 0) return;
    this.#spent += usd;
    this.#spentByWorker.set(worker, (this.#spentByWorker.get(worker) ?? 0) + usd);
    this.#spentByTask.set(task, (this.#spentByTask.get(task) ?? 0) + usd);
  }

  reserve(task: string, worker: string, usd: number): void {
    this.#reserved.set(task, { worker, usd: Math.max(0, usd) });
  }

  release(task: string): void {
    this.#reserved.delete(task);
  }

  spent(): number {
    return this.#spent;
  }

  spentBy(worker: string): number {
    return this.#spentByWorker.get(worker) ?? 0;
  }

  /**
   * Whether a running attempt of `node` should stop: a budget it counts against is used up by
   * what finished attempts spent plus what the running ones have spent so far (`live`).
   */
  crossed(node: BudgetSubject, live: LiveSpend): BudgetVerdict | undefined {
    const all = [...live.values()];
    const scopes: { scope: BudgetScope; budget: number | undefined; used: number; what: string }[] = [
      { scope: 'task', budget: node.budgetUsd, used: (this.#spentByTask.get(node.id) ?? 0) + (live.get(node.id)?.usd ?? 0), what: `task \`${node.id}\`'s budget` },
      ...this.#planScope(node, (prefix) => [...live].filter(([task]) => task.startsWith(prefix)).reduce((sum, [, l]) => sum + l.usd, 0)).map(({ spent, extra, ...rest }) => ({ ...rest, used: spent + extra })),
      { scope: 'worker', budget: this.#workerBudget.get(node.worker), used: this.spentBy(node.worker) + all.filter((l) => l.worker === node.worker).reduce((sum, l) => sum + l.usd, 0), what: `worker \`${node.worker}\`'s budget` },
      { scope: 'run', budget: this.runBudget, used: this.#spent + all.reduce((sum, l) => sum + l.usd, 0), what: "the run's budget" },
    ];
    for (const { scope, budget, used, what } of scopes) {
      if (budget !== undefined && used >= budget) return { scope, reason: `budget exhausted: ${what} of ${usd(budget)} is spent (${usd(used)} so far)`, wait: false };
    }
    return undefined;
  }

  /**
   * Whether an attempt of `node`, estimated at `estimateUsd`, fits every budget that applies:
   * undefined when it does, else the narrowest budget it would cross. A budget already used
   * up stops even a task estimated at nothing: an estimate of $0 means "unknown", not "free".
   */
  check(node: BudgetSubject, estimateUsd: number): BudgetVerdict | undefined {
    const reserved = [...this.#reserved.entries()].filter(([task]) => task !== node.id);
    const reservedAll = reserved.reduce((sum, [, r]) => sum + r.usd, 0);
    const reservedWorker = reserved.filter(([, r]) => r.worker === node.worker).reduce((sum, [, r]) => sum + r.usd, 0);
    const scopes: { scope: BudgetScope; budget: number | undefined; spent: number; reserved: number; what: string }[] = [
      { scope: 'task', budget: node.budgetUsd, spent: this.#spentByTask.get(node.id) ?? 0, reserved: 0, what: `task \`${node.id}\`'s budget` },
      ...this.#planScope(node, (prefix) => reserved.filter(([task]) => task.startsWith(prefix)).reduce((sum, [, r]) => sum + r.usd, 0)).map(({ extra, ...rest }) => ({ ...rest, reserved: extra })),
      { scope: 'worker', budget: this.#workerBudget.get(node.worker), spent: this.spentBy(node.worker), reserved: reservedWorker, what: `worker \`${node.worker}\`'s budget` },
      { scope: 'run', budget: this.runBudget, spent: this.#spent, reserved: reservedAll, what: "the run's budget" },
    ];
    const fits = (left: number) => left > 0 && estimateUsd <= left;
    for (const { scope, budget, spent, reserved, what } of scopes) {
      if (budget === undefined || fits(budget - spent - reserved)) continue;
      const left = budget - spent;
      const need = estimateUsd > 0 ? `, and \`${node.id}\` is estimated at ${usd(estimateUsd)}` : '';
      return { scope, reason: `budget exhausted: ${what} of ${usd(budget)} has ${usd(Math.max(0, left))} left${need}`, wait: fits(left) };
    }
    return undefined;
  }
}

/** What the attempts in flight have spent so far, by task, as the gateway counts it. */
export type LiveSpend = ReadonlyMap<string, { worker: string; usd: number }>;

/** Dollars as people read them: cents, or four places below a cent. */
export function usd(amount: number): string {
  return `$${amount < 0.01 && amount > 0 ? amount.toFixed(4) : amount.toFixed(2)}`;
}
