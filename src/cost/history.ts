import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RunEvent, TaskUsage } from '../runtime/events.ts';
import { journalPath, readJournal } from '../runtime/journal.ts';

/**
 * What earlier runs in a runs directory spent, read from their journals: per workflow, per
 * task id and per worker, the cost and tokens of one task's execution (every attempt of it in
 * one run, failed ones included: a budget pays for those too).
 */

const stats = z.strictObject({ min: z.number().min(0), mean: z.number().min(0), max: z.number().min(0) });

export const observedSchema = z.strictObject({
  /** Executions seen: one per run in which the task ended done or failed. */
  count: z.number().int().min(1),
  costUsd: stats,
  /** Every input token: uncached, written to and read from the cache. */
  inputTokens: stats,
  outputTokens: stats,
});

export const workflowHistorySchema = z.strictObject({
  tasks: z.record(z.string(), observedSchema),
  workers: z.record(z.string(), observedSchema),
});

export const historySchema = z.strictObject({
  /** Journals read. */
  runs: z.number().int().min(0),
  /** By workflow name: runs of other workflows may share the directory. */
  workflows: z.record(z.string(), workflowHistorySchema),
  /** Journals that could not be read, and why; they are left out. */
  warnings: z.array(z.string()),
});

export type Observed = z.infer<typeof observedSchema>;
export type WorkflowHistory = z.infer<typeof workflowHistorySchema>;
export type History = z.infer<typeof historySchema>;

/** One task's spend in one run. */
interface Sample {
  workflow: string;
  task: string;
  worker: string;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
}

const inputOf = (u: TaskUsage) => u.input_tokens + u.cache_creation_input_tokens + u.cache_read_input_tokens;

/** The executions one journal records: tasks that ended done or failed, with every attempt's spend. */
export function samplesOf(events: readonly RunEvent[]): Sample[] {
  const workflow = events.find((e) => e.type === 'run:start')?.workflow;
  if (workflow === undefined) return [];
  const spend = new Map<string, { worker?: string; costUsd: number; inputTokens: number; outputTokens: number; ended: boolean }>();
  const add = (task: string, cost: number | undefined, usage: TaskUsage | undefined, worker?: string, ended = false) => {
    const s = spend.get(task) ?? { costUsd: 0, inputTokens: 0, outputTokens: 0, ended: false };
    s.costUsd += cost ?? 0;
    s.inputTokens += usage ? inputOf(usage) : 0;
    s.outputTokens += usage?.output_tokens ?? 0;
    if (worker !== undefined) s.worker = worker;
    s.ended ||= ended;
    spend.set(task, s);
  };
  for (const e of events) {
    if (e.type === 'task:queued') add(e.task, 0, undefined, e.worker);
    else if (e.type === 'task:done') add(e.task, e.result.cost_usd, e.result.usage, e.worker, true);
    else if (e.type === 'task:failed') add(e.task, e.cost_usd, e.usage, e.worker, true);
    // Retried, rate-limited or stopped attempts: whatever they burned before they ended.
    else if ('usage' in e || 'cost_usd' in e) add(e.task, e.cost_usd, e.usage);
  }
  // A task still running when the journal ends has spent only part of what it will: left out.
  return [...spend].flatMap(([task, s]) => (s.ended && s.worker !== undefined ? [{ workflow, task, worker: s.worker, costUsd: s.costUsd, inputTokens: s.inputTokens, outputTokens: s.outputTokens }] : []));
}

function observe(samples: readonly Sample[]): Observed {
  const of = (pick: (s: Sample) => number) => {
    const values = samples.map(pick);
    return { min: Math.min(...values), mean: values.reduce((a, b) => a + b, 0) / values.length, max: Math.max(...values) };
  };
  return { count: samples.length, costUsd: of((s) => s.costUsd), inputTokens: of((s) => s.inputTokens), outputTokens: of((s) => s.outputTokens) };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The history of the runs whose journals' events are given. Pure. */
export function historyFromJournals(journals: readonly (readonly RunEvent[])[], warnings: string[] = []): History {
  const samples = journals.flatMap(samplesOf);
  const workflows: Record<string, WorkflowHistory> = {};
  for (const [workflow, ofWorkflow] of groupBy(samples, (s) => s.workflow)) {
    workflows[workflow] = {
      tasks: Object.fromEntries([...groupBy(ofWorkflow, (s) => s.task)].map(([task, list]) => [task, observe(list)])),
      workers: Object.fromEntries([...groupBy(ofWorkflow, (s) => s.worker)].map(([worker, list]) => [worker, observe(list)])),
    };
  }
  return { runs: journals.length, workflows, warnings };
}

/**
 * Reads the journal of every run directory in `runsDir`. A missing directory is an empty
 * history; a journal that cannot be read is left out with a warning, never thrown.
 */
export function loadHistory(runsDir: string): History {
  if (!existsSync(runsDir)) return historyFromJournals([]);
  const journals: RunEvent[][] = [];
  const warnings: string[] = [];
  const runs = readdirSync(runsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const run of runs) {
    const path = journalPath(join(runsDir, run));
    if (!existsSync(path)) continue;
    try {
      journals.push(readJournal(path).events);
    } catch (error) {
      warnings.push(`${run}: ${(error as Error).message}`);
    }
  }
  return historyFromJournals(journals, warnings);
}
