import type { RunStatusReport, TaskStatusLine } from '../runtime/run-status.ts';
import type { TaskStatus } from '../runtime/task-state.ts';
import type { TaskUsage } from '../runtime/events.ts';
import type { Styler } from './color.ts';
import { money } from './run-log.ts';
import { renderTable, type Column } from './table.ts';

/**
 * The tables of `swarm status`, of the live view and of the end of `swarm run`: one row per
 * task, then one per worker, then the totals.
 */
export function renderRunReport(report: RunStatusReport, style: Styler, options: { workers?: boolean } = {}): string {
  const statusStyle = (padded: string, raw: string) => colourFor(raw as TaskStatus, style)(padded);
  const columns: Column[] = [
    { header: 'task' },
    { header: 'status', style: statusStyle },
    { header: 'worker' },
    { header: 'tries', align: 'right' },
    { header: 'time', align: 'right' },
    { header: 'turns', align: 'right' },
    { header: 'input', align: 'right' },
    { header: 'output', align: 'right' },
    { header: 'cache w/r', align: 'right' },
    { header: 'cost', align: 'right' },
  ];
  // A call waiting out a limit shows as `rate-limited`, with which limit below the table.
  const row = (t: TaskStatusLine) => [t.id, t.waiting ? 'rate-limited' : t.status, t.worker, String(t.attempts), duration(t.elapsedMs), String(t.turns), ...usageCells(t.usage), money(t.costUsd)];
  const parts = [renderTable(columns, report.tasks.map(row))];

  if (options.workers !== false) {
    const byWorker = new Map<string, TaskStatusLine[]>();
    for (const t of report.tasks) byWorker.set(t.worker, [...(byWorker.get(t.worker) ?? []), t]);
    const workerColumns: Column[] = [
      { header: 'worker' },
      { header: 'done', align: 'right' },
      { header: 'failed', align: 'right' },
      { header: 'time', align: 'right' },
      { header: 'turns', align: 'right' },
      { header: 'input', align: 'right' },
      { header: 'output', align: 'right' },
      { header: 'cache w/r', align: 'right' },
      { header: 'cost', align: 'right' },
    ];
    const workerRows = [...byWorker].map(([worker, tasks]) => [
      worker,
      String(tasks.filter((t) => t.status === 'done').length),
      String(tasks.filter((t) => t.status === 'failed').length),
      duration(tasks.reduce((s, t) => s + t.elapsedMs, 0)),
      String(tasks.reduce((s, t) => s + t.turns, 0)),
      ...usageCells(sumUsage(tasks.map((t) => t.usage))),
      money(tasks.reduce((s, t) => s + t.costUsd, 0)),
    ]);
    parts.push(renderTable(workerColumns, workerRows));
  }
  const c = report.summary.counts;
  const counts = (['done', 'failed', 'held', 'skipped', 'running', 'queued', 'retrying', 'rate-limited', 'pending', 'ready'] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `${c[s]} ${s}`)
    .join(', ');
  const u = report.totals.usage;
  const input = u.input_tokens + u.cache_creation_input_tokens + u.cache_read_input_tokens;
  const hit = input === 0 ? '' : `, ${Math.round((100 * u.cache_read_input_tokens) / input)}% of input read from cache`;
  parts.push(`${report.summary.total} tasks: ${counts || 'none'}; ${tokens(report.totals.usage)} tokens, ${money(report.totals.costUsd)}${hit}`);
  for (const t of report.tasks) {
    if (t.waiting) parts.push(`${style.yellow(t.id)}: ${waitText(t.waiting)}`);
  }
  const problems = report.tasks.filter((t) => t.error !== undefined || t.because !== undefined || t.held !== undefined);
  const byId = new Map(report.tasks.map((t) => [t.id, t]));
  for (const t of problems) {
    if (t.held !== undefined) parts.push(`${style.yellow(t.id)}: held: ${t.held.reason}`);
    else if (t.because !== undefined) parts.push(`${style.dim(t.id)}: skipped because \`${t.because}\` ${byId.get(t.because)?.status === 'held' ? 'was held' : 'failed'}`);
    else parts.push(`${style.red(t.id)}: ${t.error!.kind}: ${t.error!.message}`);
  }
  return parts.join('\n\n') + '\n';
}

/** `rate-limited (requests/min on key MARIE_API_KEY)`, as the progress view says it. */
export function waitText(wait: NonNullable<TaskStatusLine['waiting']>): string {
  const why = wait.cause === 'retry-after' ? ', the API said retry-after' : wait.cause === 'paused' ? ', paused after a 429' : '';
  return `rate-limited (${wait.limit} on ${wait.scope}${why})`;
}

function colourFor(status: TaskStatus, style: Styler): (text: string) => string {
  switch (status) {
    case 'done': return style.green;
    case 'failed': return style.red;
    case 'running': return style.cyan;
    case 'retrying':
    case 'rate-limited':
    case 'held': return style.yellow;
    default: return style.dim;
  }
}

function usageCells(u: TaskUsage): string[] {
  return [count(u.input_tokens), count(u.output_tokens), `${count(u.cache_creation_input_tokens)}/${count(u.cache_read_input_tokens)}`];
}

function sumUsage(list: TaskUsage[]): TaskUsage {
  return list.reduce(
    (a, b) => ({
      input_tokens: a.input_tokens + b.input_tokens,
      output_tokens: a.output_tokens + b.output_tokens,
      cache_creation_input_tokens: a.cache_creation_input_tokens + b.cache_creation_input_tokens,
      cache_read_input_tokens: a.cache_read_input_tokens + b.cache_read_input_tokens,
    }),
    { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  );
}

function tokens(u: TaskUsage): string {
  return count(u.input_tokens + u.output_tokens + u.cache_creation_input_tokens + u.cache_read_input_tokens);
}

function count(n: number): string {
  return n >= 10_000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}

export function duration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const m = Math.floor(ms / 60_000);
  return `${m}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}
