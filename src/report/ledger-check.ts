import type { LedgerEntry } from '../cost/ledger-schema.ts';
import { addUsage, figuresOf, sameUsage, usageOf, zeroUsage } from './figures.ts';
import type { AgentRow, Figures, LedgerFigures } from './report-schema.ts';

interface Tally {
  usage: ReturnType<typeof zeroUsage>;
  cost: number;
  requests: number;
  unpriced: number;
  models: Set<string>;
}

function tally(entries: readonly LedgerEntry[]): Tally {
  const t: Tally = { usage: zeroUsage(), cost: 0, requests: 0, unpriced: 0, models: new Set() };
  for (const e of entries) {
    t.usage = addUsage(t.usage, e.usage);
    if (e.cost_usd === undefined) t.unpriced++;
    else t.cost += e.cost_usd;
    t.requests++;
    t.models.add(e.model);
  }
  return t;
}

function groupBy<K>(entries: readonly LedgerEntry[], key: (e: LedgerEntry) => K): Map<K, LedgerEntry[]> {
  const groups = new Map<K, LedgerEntry[]>();
  for (const e of entries) groups.set(key(e), [...(groups.get(key(e)) ?? []), e]);
  return groups;
}

/** The ledger's figures for each task it names, every attempt summed. */
export function ledgerByTask(entries: readonly LedgerEntry[]): Map<string, LedgerFigures> {
  const byTask = new Map<string, LedgerFigures>();
  for (const [task, list] of groupBy(entries, (e) => e.task)) {
    const t = tally(list);
    byTask.set(task, { ...figuresOf(t.usage, t.cost), requests: t.requests, unpriced_requests: t.unpriced });
  }
  return byTask;
}

/** One row per worker and sub-agent (null: the worker's own conversation), in the plan's worker order. */
export function agentRows(entries: readonly LedgerEntry[], workers: readonly string[]): AgentRow[] {
  const groups = groupBy(entries, (e) => `${e.worker}\0${e.agent ?? ''}`);
  const rank = (worker: string) => (workers.includes(worker) ? workers.indexOf(worker) : workers.length);
  const rows = [...groups.values()].map((list): AgentRow => {
    const t = tally(list);
    const first = list[0]!;
    return { worker: first.worker, agent: first.agent ?? null, requests: t.requests, models: [...t.models], ...figuresOf(t.usage, t.cost), unpriced_requests: t.unpriced };
  });
  // Stable: within a worker, its own conversation first, then sub-agents as the ledger met them.
  return rows.sort((a, b) => rank(a.worker) - rank(b.worker) || a.worker.localeCompare(b.worker) || Number(a.agent !== null) - Number(b.agent !== null));
}

// The CLI's dollar figure and the price table's may differ in the last digits of rounding.
const centsTolerance = 1e-6;

/**
 * What differs between a task's journal figures and its ledger's, in words; empty when they
 * agree. Cost is compared only when the price table knew every request's model.
 */
export function ledgerDifferences(journal: Figures, ledger: LedgerFigures): string[] {
  const differences: string[] = [];
  if (!sameUsage(usageOf(journal), usageOf(ledger))) {
    for (const field of ['input_tokens', 'output_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens'] as const) {
      if (journal[field] !== ledger[field]) differences.push(`${field.replace(/_/g, ' ')}: journal ${journal[field]}, ledger ${ledger[field]}`);
    }
  }
  if (ledger.unpriced_requests === 0 && Math.abs(journal.cost_usd - ledger.cost_usd) > centsTolerance) {
    differences.push(`cost: journal $${journal.cost_usd.toFixed(6)}, ledger $${ledger.cost_usd.toFixed(6)}`);
  }
  return differences;
}
