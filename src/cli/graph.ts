import type { Argv } from 'yargs';
import { stylerFor } from '../render/color.ts';
import { renderHuman } from '../render/diagnostics-human.ts';
import type { CollapseMode } from '../render/graph-collapse.ts';
import { renderDot } from '../render/graph-dot.ts';
import { renderMermaid, type RenderedGraph } from '../render/graph-mermaid.ts';
import { renderSvg } from '../render/graph-svg.ts';
import { planGraphModel } from '../compiler/plan-graph-model.ts';
import { JournalError, journalPath, readJournal } from '../runtime/journal.ts';
import { ReplayError, restoreRun } from '../runtime/replay.ts';
import { readRunFiles, RunFilesError } from '../runner/run-files.ts';
import { exitCodes, UsageError, type ExitCode, type Io } from './io.ts';
import { locateRun } from './status.ts';
import { compileWorkflow } from './load.ts';

export const graphFormats = ['mermaid', 'dot', 'svg', 'json'] as const;

export interface GraphOptions {
  file: string;
  format: (typeof graphFormats)[number];
  collapse: CollapseMode;
  run?: string;
  runsDir?: string;
}

export function graphCommand(yargs: Argv): Argv<GraphOptions> {
  return yargs
    .positional('file', { type: 'string', demandOption: true, describe: 'The workflow to draw' })
    .option('format', { alias: 'f', choices: graphFormats, default: 'mermaid' as const, describe: 'mermaid, dot, svg, or json (the compiled plan)' })
    .option('collapse', {
      choices: ['auto', 'always', 'never'] as const,
      default: 'auto' as const,
      describe: 'Draw one node per worker: always, never, or when the graph is past what GitHub renders',
    })
    .option('run', { type: 'string', describe: 'Draw this run of the workflow as it went: with the tasks its decompose nodes planned' })
    .option('runs-dir', { type: 'string', describe: 'Where --run looks [default: .swarm/runs beside the workflow]' })
    .example('$0 graph workflows/student-review.swarm', 'Mermaid for a README or a pull request')
    .example('$0 graph workflows/studio-week.swarm --run 20261202-090000-a1b2c3', 'The run\'s graph, planned tasks included')
    .example('$0 graph -f svg wf.swarm > wf.svg', 'An SVG drawn by Graphviz, offline')
    .example('$0 graph -f dot wf.swarm | dot -Tpng > wf.png', 'DOT for your own Graphviz')
    .example('$0 graph -f json wf.swarm | jq .order', 'The compiled plan, for programs') as unknown as Argv<GraphOptions>;
}

/**
 * Prints the graph on stdout and nothing else; diagnostics and notes go to stderr. A workflow
 * with errors is still drawn (a cycle is highlighted), and the exit code says it has errors.
 * `json` prints the compiled plan, which exists only for a workflow without errors.
 */
export async function runGraph(options: GraphOptions, io: Io): Promise<ExitCode> {
  if (options.run !== undefined) return runGraphOfRun(options, io);
  const result = await compileWorkflow(io, options.file);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    io.stderr.write(renderHuman(errors, result.sources, { style: stylerFor({ isTTY: io.stderr.isTTY, env: io.env }), filesChecked: 1 }) + '\n');
  }
  if (options.format === 'json') {
    if (!result.plan) {
      io.stderr.write('swarm graph: no plan: the workflow has errors\n');
      return exitCodes.problems;
    }
    io.stdout.write(JSON.stringify(result.plan, null, 2) + '\n');
    return exitCodes.ok;
  }
  const render = { mermaid: renderMermaid, dot: renderDot, svg: renderSvg }[options.format];
  const drawn: RenderedGraph = await render(result.graph, { collapse: options.collapse });
  if (drawn.collapsed) io.stderr.write(`swarm graph: drew one node per worker: ${drawn.collapsed}\n`);
  if (drawn.warning) io.stderr.write(`swarm graph: warning: ${drawn.warning}\n`);
  io.stdout.write(drawn.text.endsWith('\n') ? drawn.text : drawn.text + '\n');
  return errors.length > 0 ? exitCodes.problems : exitCodes.ok;
}

/** `--run`: the plan the run's journal ends with, drawn; its `json` is that plan. */
async function runGraphOfRun(options: GraphOptions, io: Io): Promise<ExitCode> {
  const runDir = locateRun({ run: options.run, workflow: options.file, ...(options.runsDir !== undefined && { runsDir: options.runsDir }) }, io);
  let plan;
  try {
    const files = readRunFiles(runDir);
    plan = restoreRun(files.plan, readJournal(journalPath(runDir)).events).scheduler.plan;
  } catch (error) {
    if (error instanceof RunFilesError || error instanceof JournalError || error instanceof ReplayError) throw new UsageError(error.message);
    throw error;
  }
  if (options.format === 'json') {
    io.stdout.write(JSON.stringify(plan, null, 2) + '\n');
    return exitCodes.ok;
  }
  const render = { mermaid: renderMermaid, dot: renderDot, svg: renderSvg }[options.format];
  const drawn: RenderedGraph = await render(planGraphModel(plan), { collapse: options.collapse });
  if (drawn.collapsed) io.stderr.write(`swarm graph: drew one node per worker: ${drawn.collapsed}\n`);
  io.stdout.write(drawn.text.endsWith('\n') ? drawn.text : drawn.text + '\n');
  return exitCodes.ok;
}
