import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { Argv } from 'yargs';
import { stylerFor } from '../render/color.ts';
import { renderRunReport } from '../render/run-report.ts';
import { journalPath, readJournal } from '../runtime/journal.ts';
import { status } from '../runtime/run-status.ts';
import { readRunFiles } from '../runner/run-files.ts';
import { exitCodes, UsageError, type ExitCode, type Io } from './io.ts';

export interface StatusOptions {
  run?: string;
  runsDir?: string;
  workflow?: string;
  format: 'human' | 'json';
}

export function statusCommand(yargs: Argv): Argv<StatusOptions> {
  return yargs
    .positional('run', { type: 'string', describe: 'A run id or run directory [default: the latest run]' })
    .option('runs-dir', { type: 'string', describe: 'Where to look for runs [default: .swarm/runs]' })
    .option('workflow', { alias: 'w', type: 'string', describe: 'Look in the runs of this workflow (.swarm/runs beside it)' })
    .option('format', { alias: 'f', choices: ['human', 'json'] as const, default: 'human' as const, describe: 'Output format' })
    .example('$0 status -w workflows/student-review.swarm', 'The latest run of a workflow')
    .example('$0 status 20261201-120000-a1b2c3 --runs-dir workflows/.swarm/runs', 'One run, by id')
    .example('$0 status workflows/.swarm/runs/20261201-120000-a1b2c3 -f json | jq .summary', 'For programs')
    .epilogue('Read from the run\'s journal alone. Exit codes: 0 the run is done, 1 it failed or was interrupted, 4 it is still running (or its runner died; resume it), 2 no such run.') as unknown as Argv<StatusOptions>;
}

/** Prints the state of a run from its journal. */
export async function runStatus(options: StatusOptions, io: Io): Promise<ExitCode> {
  const runDir = locateRun(options, io);
  const { plan } = readRunFiles(runDir);
  const journal = readJournal(journalPath(runDir));
  const report = status(plan, journal.events, { now: Date.now() });
  if (options.format === 'json') io.stdout.write(JSON.stringify({ run_dir: runDir, ...report }, null, 2) + '\n');
  else {
    const style = stylerFor({ isTTY: io.stdout.isTTY, env: io.env });
    io.stdout.write(`Run ${report.runId} of ${report.workflow}: ${report.state} (started ${report.startedAt}${report.endedAt ? `, ended ${report.endedAt}` : ''}${report.resumes ? `, resumed ${report.resumes}×` : ''})\n\n`);
    io.stdout.write(renderRunReport(report, style));
  }
  return report.state === 'done' ? exitCodes.ok : report.state === 'running' ? exitCodes.running : report.state === 'budget-exhausted' ? exitCodes.budget : exitCodes.problems;
}

/** The run directory a command names: a path, an id in the runs directory, or the latest run there. */
export function locateRun(options: Pick<StatusOptions, 'run' | 'runsDir' | 'workflow'>, io: Io): string {
  const abs = (p: string) => (isAbsolute(p) ? p : join(io.cwd, p));
  if (options.run && existsSync(join(abs(options.run), 'journal.jsonl'))) return abs(options.run);
  const runsDir = options.runsDir ? abs(options.runsDir) : options.workflow ? join(dirname(abs(options.workflow)), '.swarm', 'runs') : join(io.cwd, '.swarm', 'runs');
  if (options.run) {
    const dir = join(runsDir, options.run);
    if (!existsSync(join(dir, 'journal.jsonl'))) throw new UsageError(`no run ${options.run} in ${runsDir}`);
    return dir;
  }
  const runs = existsSync(runsDir) ? readdirSync(runsDir).filter((name) => existsSync(join(runsDir, name, 'journal.jsonl'))) : [];
  if (runs.length === 0) throw new UsageError(`no runs in ${runsDir}; name a run, or use --runs-dir or --workflow`);
  return join(runsDir, runs.sort((a, b) => statSync(join(runsDir, a)).mtimeMs - statSync(join(runsDir, b)).mtimeMs || a.localeCompare(b)).at(-1)!);
}
