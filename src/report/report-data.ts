import type { Plan } from '../compiler/plan-schema.ts';
import { restoreRun } from '../runtime/replay.ts';
import { runnerWorkers } from '../runtime/task-state.ts';
import type { LedgerEntry } from '../cost/ledger-schema.ts';
import type { RunEvent } from '../runtime/events.ts';
import { status } from '../runtime/run-status.ts';
import { figuresOf, sumFigures, zeroUsage } from './figures.ts';
import { agentRows, ledgerByTask, ledgerDifferences } from './ledger-check.ts';
import type { ReportData, TaskRow, WorkerRow } from './report-schema.ts';
import { attemptSpans } from './spans.ts';

export interface ReportDataOptions {
  /** For a run still going: running attempts count up to here (epoch ms). */
  now?: number;
}

export const noLedgerNote = 'No usage ledger (usage.jsonl) in this run: figures per sub-agent need it, and the task figures could not be checked against it.';

/**
 * Everything `swarm report` shows, from the plan, the journal and (when the run has one) the
 * usage ledger. Task figures are the journal's, the same as `swarm status`, over every attempt,
 * failed ones included; workers and totals are their sums. Pure: the caller reads the files.
 */
export function reportData(plan: Plan, events: readonly RunEvent[], ledger?: readonly LedgerEntry[], options: ReportDataOptions = {}): ReportData {
  const report = status(plan, events, options.now === undefined ? {} : { now: options.now });
  const spans = attemptSpans(events);
  // The plan as it ran: with the tasks decompose nodes spliced in, and their edges.
  const running = restoreRun(plan, events).scheduler.plan;
  const after = new Map(running.nodes.map((n) => [n.id, n.after]));
  // The runner's own model calls (planner, synthesizer) get rows like workers, so the rows sum to the totals.
  const workerNames = [...plan.workers.map((w) => w.name), ...Object.values(runnerWorkers).filter((r) => report.tasks.some((t) => t.worker === r))];
  const ledgerTasks = ledger === undefined ? undefined : ledgerByTask(ledger);
  const notes: string[] = [];

  const tasks = report.tasks.map((line): TaskRow => {
    const row: TaskRow = {
      id: line.id,
      worker: line.worker,
      status: line.status,
      after: after.get(line.id) ?? [],
      attempts: line.attempts,
      elapsed_ms: line.elapsedMs,
      turns: line.turns,
      ...figuresOf(line.usage, line.costUsd),
      spans: spans.get(line.id) ?? [],
    };
    if (line.error !== undefined) row.error = line.error;
    if (line.because !== undefined) row.because = line.because;
    if (line.held !== undefined) row.held = line.held;
    if (ledgerTasks !== undefined) {
      const figures = ledgerTasks.get(line.id) ?? { ...figuresOf(zeroUsage(), 0), requests: 0, unpriced_requests: 0 };
      const differences = ledgerDifferences(row, figures);
      row.ledger = figures;
      row.ledger_matches = differences.length === 0;
      if (differences.length > 0) notes.push(`Task \`${line.id}\`: the ledger and the journal differ (${differences.join('; ')}).`);
    }
    return row;
  });

  const workers = workerNames.map((name): WorkerRow => {
    const own = tasks.filter((t) => t.worker === name);
    return {
      worker: name,
      tasks: own.length,
      done: own.filter((t) => t.status === 'done').length,
      failed: own.filter((t) => t.status === 'failed').length,
      attempts: own.reduce((sum, t) => sum + t.attempts, 0),
      elapsed_ms: own.reduce((sum, t) => sum + t.elapsed_ms, 0),
      ...sumFigures(own),
    };
  });

  for (const e of events) {
    if (e.type === 'worker:tripped') notes.push(`Worker \`${e.worker}\` stopped taking tasks after ${e.failures} \`${e.kind}\` failures in a row: ${e.message}`);
  }
  const known = new Set(tasks.map((t) => t.id));
  const strangers = [...(ledgerTasks?.keys() ?? [])].filter((id) => !known.has(id));
  if (strangers.length > 0) notes.push(`The ledger names tasks this run's plan does not have: ${strangers.map((s) => `\`${s}\``).join(', ')}.`);
  if (ledger === undefined) notes.unshift(noLedgerNote);

  const data: ReportData = {
    version: 1,
    run: {
      id: report.runId,
      workflow: report.workflow,
      state: report.state,
      started_at: report.startedAt,
      resumes: report.resumes,
      counts: report.summary.counts,
    },
    totals: sumFigures(tasks),
    tasks,
    workers,
    agents: ledger === undefined ? [] : agentRows(ledger, workerNames),
    ledger: {
      present: ledger !== undefined,
      requests: ledger?.length ?? 0,
      matches: ledger !== undefined && strangers.length === 0 && tasks.every((t) => t.ledger_matches === true),
    },
    notes,
  };
  if (report.endedAt !== undefined) data.run.ended_at = report.endedAt;
  const end = events.at(-1);
  if (end?.type === 'run:end' && end.reason !== undefined) data.run.reason = end.reason;
  return data;
}
