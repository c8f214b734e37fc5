import { dirname, isAbsolute, join } from 'node:path';
import { CassetteError } from '../cassette/cassette-file.ts';
import type { Plan } from '../compiler/plan-schema.ts';
import { stylerFor } from '../render/color.ts';
import { progressView } from '../render/progress-view.ts';
import type { RunEvent } from '../runtime/events.ts';
import { JournalError } from '../runtime/journal.ts';
import { ReplayError } from '../runtime/replay.ts';
import { RunSetupError } from '../runtime/scheduler.ts';
import { RunFilesError } from '../runner/run-files.ts';
import { RunStartError } from '../runner/run-workflow.ts';
import { UsageError, type Io } from './io.ts';

/** What `swarm run` and `swarm test` hand the runner: progress, notices and Ctrl-C. */
export interface RunHooks {
  signal: AbortSignal;
  onEvent: (event: RunEvent) => void;
  onNotice: (message: string) => void;
}

export function absoluteIn(io: Io, path: string): string {
  return isAbsolute(path) ? path : join(io.cwd, path);
}

/** `--runs-dir`, or `.swarm/runs` beside the workflow. */
export function runsDirFor(io: Io, workflowFile: string, runsDir: string | undefined): string {
  return runsDir ? absoluteIn(io, runsDir) : join(dirname(workflowFile), '.swarm', 'runs');
}

/**
 * Runs `body` with the run's progress shown (a live table on a terminal, a line per event
 * otherwise, the raw events with `json`) and Ctrl-C turned into a clean stop. Errors a user can
 * fix (a missing key, a journal of another plan, a bad cassette) become usage errors.
 */
export async function withRunSession<T>(io: Io, plan: Plan, json: boolean, body: (hooks: RunHooks) => Promise<T>): Promise<{ value: T; live: boolean }> {
  const outStyle = stylerFor({ isTTY: io.stdout.isTTY, env: io.env });
  const live = !json && io.stdout.isTTY === true && io.env['TERM'] !== 'dumb';
  const view = json ? undefined : progressView(plan, io.stdout, outStyle, { live });
  const abort = new AbortController();
  const onSignal = () => {
    if (abort.signal.aborted) return;
    io.stderr.write('\nswarm: stopping: ending running tasks; resume with --resume\n');
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const value = await body({
      signal: abort.signal,
      onEvent: (event) => (json ? io.stdout.write(JSON.stringify(event) + '\n') : view!.event(event)),
      onNotice: (message) => io.stderr.write(`swarm: ${message}\n`),
    });
    return { value, live };
  } catch (error) {
    const userErrors = [RunStartError, RunSetupError, ReplayError, JournalError, RunFilesError, CassetteError];
    if (userErrors.some((kind) => error instanceof kind)) throw new UsageError((error as Error).message);
    throw error;
  } finally {
    view?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
