import { money } from '../render/run-log.ts';
import { duration } from '../render/run-report.ts';
import { esc, percent, statusClass, tokens } from './html.ts';
import type { Figures, ReportData, TaskRow } from './report-schema.ts';

interface Column<T> {
  header: string;
  cell: (row: T) => string;
  /** Numbers align right. */
  n?: boolean;
  /** Cell classes, e.g. to mark a mismatch. */
  cls?: (row: T) => string | undefined;
}

const figureColumns = <T extends Figures>(): Column<T>[] => [
  { header: 'input', n: true, cell: (r) => tokens(r.input_tokens) },
  { header: 'output', n: true, cell: (r) => tokens(r.output_tokens) },
  { header: 'cache write', n: true, cell: (r) => tokens(r.cache_creation_input_tokens) },
  { header: 'cache read', n: true, cell: (r) => tokens(r.cache_read_input_tokens) },
  { header: 'hit rate', n: true, cell: (r) => percent(r.cache_hit_rate) },
  { header: 'cost', n: true, cell: (r) => money(r.cost_usd) },
];

/** An HTML table; cells are escaped here, so columns return plain text. */
function table<T>(columns: Column<T>[], rows: readonly T[], footer?: string[]): string {
  const th = columns.map((c) => `<th${c.n ? ' class="n"' : ''}>${esc(c.header)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${columns.map((c) => {
      const cls = [c.n ? 'n' : undefined, c.cls?.(r)].filter(Boolean).join(' ');
      return `<td${cls ? ` class="${cls}"` : ''}>${esc(c.cell(r))}</td>`;
    }).join('')}</tr>`)
    .join('');
  const foot = footer === undefined ? '' : `<tfoot><tr>${footer.map((f, i) => `<td${columns[i]?.n ? ' class="n"' : ''}>${esc(f)}</td>`).join('')}</tr></tfoot>`;
  return `<div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>${body}</tbody>${foot}</table></div>`;
}

function totalsFooter(label: string, blanks: number, totals: Figures): string[] {
  const cells = figureColumns<Figures>().map((c) => c.cell(totals));
  return [label, ...Array<string>(blanks).fill(''), ...cells];
}

const ledgerCell = (t: TaskRow) => (t.ledger_matches === undefined ? '—' : t.ledger_matches ? 'matches' : 'differs');

/** One row per task: what each cost over all its attempts, failed ones included. */
export function taskTable(data: ReportData): string {
  const columns: Column<TaskRow>[] = [
    { header: 'task', cell: (t) => t.id },
    { header: 'worker', cell: (t) => t.worker },
    { header: 'status', cell: (t) => t.status, cls: (t) => statusClass('s', t.status) },
    { header: 'tries', n: true, cell: (t) => String(t.attempts) },
    { header: 'time', n: true, cell: (t) => duration(t.elapsed_ms) },
    ...figureColumns<TaskRow>(),
  ];
  if (data.ledger.present) columns.push({ header: 'ledger', cell: ledgerCell, cls: (t) => (t.ledger_matches === false ? 'mismatch' : undefined) });
  const footer = totalsFooter('total', 4, data.totals);
  if (data.ledger.present) footer.push(data.ledger.matches ? 'matches' : 'differs');
  return table(columns, data.tasks, footer);
}

export function workerTable(data: ReportData): string {
  type W = ReportData['workers'][number];
  const columns: Column<W>[] = [
    { header: 'worker', cell: (w) => w.worker },
    { header: 'tasks', n: true, cell: (w) => String(w.tasks) },
    { header: 'done', n: true, cell: (w) => String(w.done) },
    { header: 'failed', n: true, cell: (w) => String(w.failed) },
    { header: 'tries', n: true, cell: (w) => String(w.attempts) },
    { header: 'time', n: true, cell: (w) => duration(w.elapsed_ms) },
    ...figureColumns<W>(),
  ];
  return table(columns, data.workers, totalsFooter('total', 5, data.totals));
}

export function agentTable(data: ReportData): string {
  type A = ReportData['agents'][number];
  const columns: Column<A>[] = [
    { header: 'worker', cell: (a) => a.worker },
    { header: 'sub-agent', cell: (a) => a.agent ?? '(the worker itself)' },
    { header: 'requests', n: true, cell: (a) => String(a.requests) },
    { header: 'models', cell: (a) => a.models.join(', ') },
    ...figureColumns<A>(),
  ];
  // Only when it happens: a model the price table lacks leaves a request out of the cost.
  if (data.agents.some((a) => a.unpriced_requests > 0)) columns.push({ header: 'unpriced requests', n: true, cell: (a) => String(a.unpriced_requests) });
  return table(columns, data.agents);
}
