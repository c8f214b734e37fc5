import { money } from '../render/run-log.ts';
import { duration } from '../render/run-report.ts';
import { agentTable, taskTable, workerTable } from './cost-tables.ts';
import { renderDag } from './dag-svg.ts';
import { renderGantt } from './gantt-svg.ts';
import { esc, percent, statusClass, tokens } from './html.ts';
import { noLedgerNote } from './report-data.ts';
import { reportCss } from './report-css.ts';
import { spanOutcomes, type ReportData } from './report-schema.ts';

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched,
 * so it can be mailed or attached to a CI run. Every text from the run is escaped.
 */
export function renderReportHtml(data: ReportData): string {
  const { run } = data;
  const title = `${run.workflow}: run ${run.id}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${reportCss}</style>
</head>
<body>
${header(data)}
${notes(data)}
${problems(data)}
<h2>Attempts over time</h2>
<div class="legend">${spanOutcomes.map((o) => `<span><i class="dot ${statusClass('o', o)}"></i>${esc(o)}</span>`).join('')}</div>
${renderGantt(data)}
<h2>Tasks</h2>
<div class="scroll">${renderDag(data.tasks)}</div>
<h2>Cost per task</h2>
${taskTable(data)}
<h2>Cost per worker</h2>
${workerTable(data)}
<h2>Cost per sub-agent</h2>
${data.agents.length > 0 ? agentTable(data) : `<p class="empty">${esc(data.ledger.present ? 'The ledger holds no requests.' : noLedgerNote)}</p>`}
</body>
</html>
`;
}

function header(data: ReportData): string {
  const { run, totals } = data;
  const span = run.ended_at === undefined ? undefined : Date.parse(run.ended_at) - Date.parse(run.started_at);
  const meta = [
    `started ${run.started_at}`,
    run.ended_at && `ended ${run.ended_at}`,
    span !== undefined && `took ${duration(span)}`,
    run.resumes > 0 && `resumed ${run.resumes}×`,
    run.reason,
  ].filter((m): m is string => typeof m === 'string');
  const counts = Object.entries(run.counts).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(', ');
  const card = (value: string, label: string) => `<div class="card"><b>${esc(value)}</b><span>${esc(label)}</span></div>`;
  return `<h1>${esc(run.workflow)} <span class="badge ${statusClass('s', run.state)}">${esc(run.state)}</span></h1>
<p class="meta">Run ${esc(run.id)}: ${esc(meta.join(', '))}</p>
<div class="cards">${[
    card(money(totals.cost_usd), 'cost'),
    card(`${data.tasks.length}`, counts || 'tasks'),
    card(tokens(totals.input_tokens), 'input tokens'),
    card(tokens(totals.output_tokens), 'output tokens'),
    card(tokens(totals.cache_creation_input_tokens), 'cache write tokens'),
    card(tokens(totals.cache_read_input_tokens), 'cache read tokens'),
    card(percent(totals.cache_hit_rate), 'cache hit rate'),
  ].join('')}</div>`;
}

function notes(data: ReportData): string {
  const shown = data.notes.filter((n) => n !== noLedgerNote);
  if (shown.length === 0) return '';
  return `<ul class="notes">${shown.map((n) => `<li class="warn">${esc(n)}</li>`).join('')}</ul>`;
}

function problems(data: ReportData): string {
  const lines = data.tasks.flatMap((t) => {
    if (t.error !== undefined) return [`<li><b>${esc(t.id)}</b> failed: ${esc(`${t.error.kind}: ${t.error.message}`)}</li>`];
    if (t.held !== undefined) return [`<li><b>${esc(t.id)}</b> was held (${esc(t.held.cause)}): ${esc(t.held.reason)}</li>`];
    if (t.because !== undefined) return [`<li><b>${esc(t.id)}</b> was skipped: ${esc(`\`${t.because}\` did not finish`)}</li>`];
    return [];
  });
  return lines.length === 0 ? '' : `<h2>Problems</h2><ul class="problems">${lines.join('')}</ul>`;
}
