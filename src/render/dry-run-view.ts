import { isAbsolute, relative } from 'node:path';
import type { CostRange, NodeEstimate, PlanEstimate, TokenRange } from '../cost/estimate-schema.ts';
import { placeholderPattern, type DryRun, type DryRunTask } from '../runner/dry-run.ts';
import type { Styler } from './color.ts';
import { renderTable } from './table.ts';

/** Argv values longer than this (system prompts, `--agents` and `--json-schema` JSON) are shortened, with their length. */
const longValue = 72;

/**
 * The text of `swarm run --dry-run`: what would run, in waves, then per task its working
 * directory, environment, `claude` command line and prompt. Long argv values are shortened
 * here only; `--format json` has them whole.
 */
export function renderDryRun(plan: DryRun, style: Styler, options: { cwd: string }): string {
  const shown = (path: string) => (isAbsolute(path) ? relative(options.cwd, path) || path : path);
  const claude = plan.tasks.find((t) => t.command)?.command;
  const out = [
    style.bold(`Dry run of ${plan.workflow}: nothing is started and no run directory is made.`),
    `  workflow  ${shown(plan.file)}`,
    `  run dir   ${shown(plan.run_dir)}`,
    `  model     ${modelLine(plan.model, shown)}`,
    `  claude    ${claude === undefined ? '(no task runs the CLI)' : shown(claude)}`,
    '',
    style.bold('Inputs'),
    ...(plan.inputs.length === 0 ? ['  (none)'] : plan.inputs.map((i) => `  ${i.name} = ${JSON.stringify(i.value)}${style.dim(` (${i.source})`)}`)),
    '',
    style.bold('Workers'),
    indent(renderTable([{ header: 'worker' }, { header: 'model' }, { header: 'parallel', align: 'right' }, { header: 'API key' }], plan.workers.map((w) => [w.name, w.model, String(w.parallel), keyCell(w, plan.model)]))),
    '',
    style.bold('Waves') + style.dim(' (a wave can run together; each task starts once its own dependencies are done)'),
    ...plan.waves.flatMap((wave) => [
      `  ${wave.wave}  ${wave.nodes.map((id) => `${id} ${style.dim(`[${workerOf(plan, id)}]`)}`).join(', ')}`,
      ...wave.workers.filter((w) => w.tasks.length > w.parallel).map((w) => style.dim(`     ${w.worker} runs ${w.parallel} at a time: ${w.tasks.slice(w.parallel).join(', ')} wait${w.tasks.length - w.parallel === 1 ? 's' : ''} for a free slot`)),
    ]),
    '',
    ...renderCostEstimate(plan.cost, style),
    ...plan.tasks.flatMap((task) => ['', ...taskBlock(task, style)]),
  ];
  if (plan.problems.length > 0) out.push('', style.red(style.bold('The run would not start:')), ...plan.problems.map((p) => style.red(`  - ${p}`)));
  return out.join('\n') + '\n';
}

/**
 * The cost section of `swarm run --dry-run` and `swarm plan`: the run's range, per task and per
 * worker, where the figures come from, and each budget at risk. Low ends are rounded down and
 * high ends up, so the printed range holds the estimated one.
 */
export function renderCostEstimate(estimate: PlanEstimate, style: Styler): string[] {
  const run = estimate.run.costUsd;
  const bases = [...new Set(estimate.tasks.map((t) => t.basis))].map((b) => (b === 'prompt' ? 'prompt sizes' : 'earlier runs')).join(' and ');
  const taskRows = estimate.tasks.map((t) => [t.id, t.worker ?? t.kind, t.model, tokenRange(t.inputTokens), tokenRange(t.outputTokens), costRange(t.costUsd), basisCell(t)]);
  const workerRows = estimate.workers.map((w) => [w.worker, w.model, String(w.tasks.length), costRange(w.costUsd), usd(w.costUsd.expected, 'near')]);
  const lines = [
    style.bold('Cost estimate') + `  ${costRange(run)} for the run, expected ${usd(run.expected, 'near')}` + style.dim(` (from ${bases || 'nothing: no tasks'})`),
    indent(renderTable([{ header: 'task' }, { header: 'worker' }, { header: 'model' }, { header: 'input tokens', align: 'right' }, { header: 'output tokens', align: 'right' }, { header: 'cost', align: 'right' }, { header: 'basis' }], taskRows)),
  ];
  if (workerRows.length > 0) lines.push('', indent(renderTable([{ header: 'worker' }, { header: 'model' }, { header: 'tasks', align: 'right' }, { header: 'cost', align: 'right' }, { header: 'expected', align: 'right' }], workerRows)));
  lines.push('', style.dim(`  Prices of ${estimate.prices.date}, ${estimate.prices.source.split(':')[0]}.`));
  if (estimate.unpriced.length > 0) lines.push(style.yellow(`  No price for ${estimate.unpriced.join(', ')}: their tokens are counted, their cost is left out.`));
  for (const b of estimate.budgets) {
    const what = `${b.scope === 'workflow' ? "The workflow's" : `${b.scope === 'worker' ? 'Worker' : 'Task'} ${b.id}'s`} budget of ${usd(b.budgetUsd, 'near')}`;
    if (b.status === 'exceeded') lines.push(style.red(`  ${what} will be exceeded: the estimate is at least ${usd(b.costUsd.low, 'down')}.`));
    else if (b.status === 'at-risk') lines.push(style.yellow(`  ${what} is at risk: the estimate reaches ${usd(b.costUsd.high, 'up')} (expected ${usd(b.costUsd.expected, 'near')}).`));
    else lines.push(style.dim(`  ${what} holds: the estimate is at most ${usd(b.costUsd.high, 'up')}.`));
  }
  return lines;
}

function basisCell(task: NodeEstimate): string {
  if (!task.history) return task.basis;
  const runs = `${task.history.count} run${task.history.count === 1 ? '' : 's'}`;
  return task.history.of === 'task' ? `history: ${runs} of this task` : `history: ${runs} of ${task.worker}'s tasks`;
}

function costRange(cost: CostRange): string {
  return `${usd(cost.low, 'down')}–${usd(cost.high, 'up')}`;
}

/** Dollars to the cent, rounded the way asked; below a cent, two significant digits. */
function usd(value: number, round: 'down' | 'up' | 'near'): string {
  if (value === 0) return '$0';
  if (value < 0.01) return `$${Number(value.toPrecision(2))}`;
  // The epsilon keeps float noise (0.3 × 100 = 30.000000000000004) from moving a cent.
  const cents = round === 'down' ? Math.floor(value * 100 + 1e-9) : round === 'up' ? Math.ceil(value * 100 - 1e-9) : Math.round(value * 100);
  return `$${(cents / 100).toFixed(2)}`;
}

function tokenRange(range: TokenRange): string {
  return `${tokens(range.low)}–${tokens(range.high)}`;
}

function tokens(n: number): string {
  if (n < 1_000) return String(n);
  if (n < 10_000) return `${Math.round(n / 100) / 10}k`;
  if (n < 1_000_000) return `${Math.round(n / 1_000)}k`;
  return `${Math.round(n / 100_000) / 10}M`;
}

function keyCell(worker: DryRun['workers'][number], model: DryRun['model']): string {
  if (model.mode === 'replay') return 'none needed: a stand-in';
  return `ANTHROPIC_API_KEY=<from ${worker.api_key_env}>${worker.api_key_set ? '' : ` (${worker.api_key_env} is not set)`}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function taskBlock(task: DryRunTask, style: Styler): string[] {
  const facts = [`wave ${task.wave}`, task.worker ?? task.kind, task.priority && `priority ${task.priority}`, task.timeout_seconds && `timeout ${duration(task.timeout_seconds)}`, task.retries !== undefined && `${task.retries} ${task.retries === 1 ? 'retry' : 'retries'}`];
  const kind = task.kind === 'task' ? 'Task' : task.kind[0]!.toUpperCase() + task.kind.slice(1);
  const lines = [style.bold(`${kind} ${task.id}`) + style.dim(`  ${facts.filter(Boolean).join(' · ')}`), `  after    ${task.after.length > 0 ? task.after.join(', ') : '(nothing)'}`];
  if (task.cwd) lines.push(`  cwd      ${task.cwd}`);
  if (task.env) {
    const env = Object.entries(task.env).map(([name, value]) => `${name}=${quote(value)}`);
    if (task.inherits?.length) env.push(style.dim(`and from the runner: ${task.inherits.join(', ')}`));
    lines.push(...env.map((line, i) => `  ${i === 0 ? 'env      ' : '         '}${line}`));
  }
  if (task.argv) lines.push(...commandLines(task.argv).map((line, i) => `  ${i === 0 ? 'command  claude ' : '           '}${line}`));
  if (task.problem) lines.push(style.red(`  ${task.problem}`));
  if (task.kind !== 'task') lines.push(style.yellow(`  no claude command: this version of swarm run does not run ${task.kind} nodes`));
  lines.push(`  prompt${task.awaits.length > 0 ? style.dim('   (<… of task> is filled in when that task is done)') : ''}`);
  lines.push(...task.prompt.split('\n').map((line) => (line === '' ? '' : `    ${line.replace(placeholderPattern, (hole) => style.cyan(hole))}`)));
  return lines;
}

/** One line per option with its values; the prompt, shown in full below, is named, not repeated. */
function commandLines(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  const lines: string[][] = [];
  for (const arg of options) {
    if (arg.startsWith('-') || lines.length === 0) lines.push([arg]);
    else lines.at(-1)!.push(abbreviate(arg));
  }
  const grouped = lines.map((l) => l.join(' '));
  // The options up to --strict-mcp-config are the same for every task: one line keeps them out of the way.
  const fixed = grouped.findIndex((l) => l.startsWith('--strict-mcp-config')) + 1;
  const head = [grouped.slice(0, fixed).join(' '), ...grouped.slice(fixed)].filter((l) => l !== '');
  if (end >= 0) head.push(`-- <the prompt below, ${(argv[end + 1] ?? '').length.toLocaleString('en-US')} chars>`);
  return head;
}

function abbreviate(value: string): string {
  if (value.length <= longValue && !value.includes('\n')) return quote(value);
  const start = value.slice(0, 40).replace(/\s+/g, ' ').trim();
  return `<${value.length.toLocaleString('en-US')} chars: ${JSON.stringify(start).slice(0, -1)}…">`;
}

/**
 * As a POSIX shell would need it: bare when safe, else single-quoted, `$'…'` for control
 * characters. A `<…>` stand-in (a key's variable, the run id) is shown as is.
 */
function quote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./<>-]+$/.test(value) || /^<[^<>\n]+>$/.test(value)) return value;
  if (/[\u0000-\u001f]/.test(value)) return `$'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')}'`;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function modelLine(model: DryRun['model'], shown: (path: string) => string): string {
  if (model.mode === 'record') return `the API, every answer recorded to ${shown(model.cassette!)}`;
  if (model.mode === 'replay') return `replayed from ${shown(model.cassette!)}: no key, no network`;
  return 'the API (ANTHROPIC_BASE_URL, else api.anthropic.com)';
}

function workerOf(plan: DryRun, id: string): string {
  const task = plan.tasks.find((t) => t.id === id);
  return task?.worker ?? task?.kind ?? '?';
}

function duration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
