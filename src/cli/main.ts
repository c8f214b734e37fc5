import yargs, { type Argv } from 'yargs';
import { checkCommand, runCheck, type CheckOptions } from './check.ts';
import { fmtCommand, runFmt, type FmtOptions } from './fmt.ts';
import { graphCommand, runGraph, type GraphOptions } from './graph.ts';
import { planCommand, runPlan, type PlanOptions } from './plan.ts';
import { reportCommand, runReport, type ReportOptions } from './report.ts';
import { runCommand, runRun, type RunOptions } from './run.ts';
import { runStatus, statusCommand, type StatusOptions } from './status.ts';
import { runTest, testCommand, type TestOptions } from './test.ts';
import { runWorker, workerCommand, type WorkerOptions } from './worker.ts';
import { exitCodes, UsageError, type ExitCode, type Io } from './io.ts';
import { version } from './version.ts';

const epilogue = `Exit codes: 0 ok, 1 problems found (or a task failed), 2 usage error, 3 internal error, 4 run still running (status), 5 a budget ran out (run, status), 130 run interrupted.
Colours follow NO_COLOR, FORCE_COLOR and whether the output is a terminal.
Language reference: grammar/README.md`;

/**
 * Runs one command line. Returns the exit code instead of exiting, so tests call it in process
 * with captured streams. yargs only parses; each command is a function of its options.
 */
export async function main(argv: string[], io: Io): Promise<ExitCode> {
  let pending: Promise<ExitCode> | undefined;
  const run = <T>(command: (options: T, io: Io) => Promise<ExitCode>) => (options: T) => {
    pending = command(options, io);
  };
  const parser: Argv = yargs(argv)
    .scriptName('swarm')
    .usage('$0 <command> [options]\n\nA declarative workflow language and runner for teams of Claude Code agents.')
    .command('check [files..]', 'Check workflows: every problem, located, with a stable code', checkCommand, run<CheckOptions>(runCheck))
    .command('graph <file>', 'Draw the dependency graph (Mermaid, DOT, SVG) or print the plan (JSON)', graphCommand, run<GraphOptions>(runGraph))
    .command('fmt [files..]', 'Print or rewrite workflows in canonical form', fmtCommand, run<FmtOptions>(runFmt))
    .command('plan <file>', 'Show what a workflow would run and what it would cost, as ranges', planCommand, run<PlanOptions>(runPlan))
    .command('run <file>', 'Run a workflow with Claude Code workers, showing progress', runCommand, run<RunOptions>(runRun))
    .command('test <files..>', 'Replay workflows from their cassettes and check their expect blocks', testCommand, run<TestOptions>(runTest))
    .command('worker <name>', 'Work one worker\'s queue of a run (swarm run starts these)', workerCommand, run<WorkerOptions>(runWorker))
    .command('status [run]', 'Show the state of a run, from its journal', statusCommand, run<StatusOptions>(runStatus))
    .command('report [run]', "Write a run's report page (Gantt, task graph, costs) or print its data", reportCommand, run<ReportOptions>(runReport))
    .demandCommand(1, 'name a command: check, graph, fmt, plan, run, test, status, report or worker')
    .strict()
    .recommendCommands()
    .epilogue(epilogue)
    .version(version)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });

  let output = '';
  try {
    await parser.parseAsync(argv, {}, (_error, _argv, text) => {
      output = text;
    });
  } catch (error) {
    return failure(error, io, parser);
  }
  if (output) io.stdout.write(output.endsWith('\n') ? output : output + '\n');
  if (!pending) return exitCodes.ok;
  try {
    return await pending;
  } catch (error) {
    return failure(error, io);
  }
}

function failure(error: unknown, io: Io, parser?: Argv): ExitCode {
  if (error instanceof UsageError || (error instanceof Error && error.name === 'YError')) {
    io.stderr.write(`swarm: ${error.message}\n`);
    if (parser) io.stderr.write('Run `swarm --help` for usage.\n');
    return exitCodes.usage;
  }
  // A bug in swarm: say so plainly, with the stack, so it can be reported.
  io.stderr.write(`swarm: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return exitCodes.internal;
}
