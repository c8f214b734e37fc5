import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { Argv } from 'yargs';
import { writeFileAtomic } from '../queue/atomic.ts';
import { LedgerError, readLedger } from '../report/ledger-file.ts';
import { reportData } from '../report/report-data.ts';
import { renderReportHtml } from '../report/report-html.ts';
import { reportSchema } from '../report/report-schema.ts';
import { JournalError, journalPath, readJournal } from '../runtime/journal.ts';
import { ReplayError } from '../runtime/replay.ts';
import { readRunFiles, RunFilesError } from '../runner/run-files.ts';
import { exitCodes, UsageError, type ExitCode, type Io } from './io.ts';
import { locateRun } from './status.ts';

export interface ReportOptions {
  /** A run id or run directory; the latest run when absent. */
  run?: string;
  runsDir?: string;
  workflow?: string;
  /** Where the HTML goes. @default `<run dir>/report.html` */
  out?: string;
  format: 'html' | 'json';
}

export function reportCommand(yargs: Argv): Argv<ReportOptions> {
  return yargs
    .positional('run', { type: 'string', describe: 'A run id or run directory [default: the latest run]' })
    .option('runs-dir', { type: 'string', describe: 'Where to look for runs [default: .swarm/runs]' })
    .option('workflow', { alias: 'w', type: 'string', describe: 'Look in the runs of this workflow (.swarm/runs beside it)' })
    .option('out', { alias: 'o', type: 'string', describe: 'Write the HTML page here [default: report.html in the run directory]' })
    .option('format', { alias: 'f', choices: ['html', 'json'] as const, default: 'html' as const, describe: 'html writes a page; json prints the data' })
    .example('$0 report -w workflows/student-review.swarm', 'A page for the latest run of a workflow; prints its path')
    .example('$0 report 20261201-120000-a1b2c3 --runs-dir workflows/.swarm/runs --out review.html', 'One run, by id, to a file of your choice')
    .example('$0 report -w workflows/student-review.swarm -f json | jq .totals', 'The figures, for programs')
    .epilogue(
      'The page holds a Gantt chart of every attempt by worker, the task graph coloured by status, and the cost per task, worker and sub-agent with cache writes, reads and hit rate. ' +
        'Task figures come from the journal, failed and retried attempts included; with the run\'s usage.jsonl, sub-agents are split out and each task is checked against it. ' +
        'Exit codes: 0 the report was written (whatever the run\'s outcome), 2 no such run, or a run file that cannot be read.',
    ) as unknown as Argv<ReportOptions>;
}

/** Writes a run's report page (or prints its data) from its journal and usage ledger. */
export async function runReport(options: ReportOptions, io: Io): Promise<ExitCode> {
  if (options.format === 'json' && options.out !== undefined) {
    throw new UsageError('--out names where the HTML page goes; with --format json the data goes to stdout (redirect it to keep it)');
  }
  const runDir = locateRun(options, io);
  const data = reportSchema.parse(readReport(runDir, io));
  if (options.format === 'json') {
    io.stdout.write(JSON.stringify(data, null, 2) + '\n');
    return exitCodes.ok;
  }
  const out = options.out === undefined ? join(runDir, 'report.html') : isAbsolute(options.out) ? options.out : join(io.cwd, options.out);
  mkdirSync(dirname(out), { recursive: true });
  await writeFileAtomic(out, renderReportHtml(data));
  io.stdout.write(`${out}\n`);
  return exitCodes.ok;
}

/** The run's files, read and checked; one that cannot be read is the user's to fix. */
function readReport(runDir: string, io: Io) {
  try {
    const { plan } = readRunFiles(runDir);
    const journal = readJournal(journalPath(runDir));
    const ledger = readLedger(runDir);
    for (const warning of [...journal.warnings, ...(ledger?.warnings ?? [])]) io.stderr.write(`swarm report: warning: ${warning}\n`);
    return reportData(plan, journal.events, ledger?.entries, { now: Date.now() });
  } catch (error) {
    if (error instanceof RunFilesError || error instanceof JournalError || error instanceof LedgerError || error instanceof ReplayError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}
