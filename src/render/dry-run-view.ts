import { isAbsolute, relative } from 'node:path';
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
    ...plan.tasks.flatMap((task) => ['', ...taskBlock(task, style)]),
  ];
  if (plan.problems.length > 0) out.push('', style.red(style.bold('The run would not start:')), ...plan.problems.map((p) => style.red(`  - ${p}`)));
  return out.join('\n') + '\n';
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
