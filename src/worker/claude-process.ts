import { execa } from 'execa';

export interface ClaudeRun {
  exitCode: number | undefined;
  signal: string | undefined;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
  /** The binary could not be started at all. */
  spawnError?: string;
}

/**
 * Runs the CLI in a process group of its own, stdin closed (an open stdin costs the CLI a 3 s
 * wait). A timeout or an abort ends the whole group: the CLI and every tool it started.
 */
export async function spawnClaude(options: {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal;
  /** Told the CLI's process group once it is started, and again once it is gone. */
  onGroup?: (pid: number, state: 'started' | 'ended') => void;
}): Promise<ClaudeRun> {
  const child = execa(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    stdin: 'ignore',
    detached: true,
    reject: false,
    stripFinalNewline: false,
    maxBuffer: 64 * 2 ** 20,
  });
  if (child.pid !== undefined) options.onGroup?.(child.pid, 'started');
  let timedOut = false;
  let aborted = false;
  let forceTimer: NodeJS.Timeout | undefined;
  const endGroup = () => {
    if (child.pid === undefined) return;
    const kill = (sig: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // The group is gone already.
      }
    };
    kill('SIGTERM');
    forceTimer ??= setTimeout(() => kill('SIGKILL'), 2_000);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    endGroup();
  }, options.timeoutMs);
  const onAbort = () => {
    aborted = true;
    endGroup();
  };
  if (options.signal.aborted) onAbort();
  else options.signal.addEventListener('abort', onAbort, { once: true });
  const result = await child;
  clearTimeout(timer);
  if (forceTimer) clearTimeout(forceTimer);
  options.signal.removeEventListener('abort', onAbort);
  // Tools the CLI left running in its group go with it.
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Nothing was left.
    }
    options.onGroup?.(child.pid, 'ended');
  }
  const run: ClaudeRun = {
    exitCode: result.exitCode,
    signal: result.signal,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
    timedOut,
    aborted,
  };
  if (result.failed && result.exitCode === undefined && result.signal === undefined) run.spawnError = result.shortMessage;
  return run;
}
