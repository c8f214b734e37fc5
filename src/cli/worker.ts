import { isAbsolute, join } from 'node:path';
import type { Argv } from 'yargs';
import type { WorkerMessage } from '../worker/executor.ts';
import { runWorkerLoop } from '../worker/worker-loop.ts';
import { claudeTaskRunner } from '../worker/run-task.ts';
import { forwardLoopbackTo } from '../worker/socket-forwarder.ts';
import { exitCodes, type ExitCode, type Io } from './io.ts';

export interface WorkerOptions {
  name: string;
  runDir: string;
  lease: number;
  claude?: string;
  channel?: 'ipc' | 'stdio';
}

export function workerCommand(yargs: Argv): Argv<WorkerOptions> {
  return yargs
    .positional('name', { type: 'string', demandOption: true, describe: 'The worker, as named in the plan' })
    .option('run-dir', { type: 'string', demandOption: true, describe: 'The run directory (holds plan.json and the queue)' })
    .option('lease', { type: 'number', default: 30_000, describe: 'Milliseconds a claim lives without renewal' })
    .option('claude', { type: 'string', describe: 'The Claude Code CLI to run [default: the one installed with swarm]' })
    .option('channel', {
      choices: ['ipc', 'stdio'] as const,
      describe: 'How the worker talks to its runner: Node IPC (local), or notes as JSON lines on stdout with stdin as the lifeline (in a container) [default: ipc when started by a runner]',
    })
    .example('$0 worker marie --run-dir .swarm/runs/20261201-120000-a1b2c3', 'Work the queue of one run as marie')
    .epilogue('`swarm run` starts one of these per worker. Run one by hand to add a worker on another terminal or machine sharing the run directory. SIGTERM or SIGINT hands running tasks back to the queue.') as unknown as Argv<WorkerOptions>;
}

/** Works one worker's queue until stopped: SIGTERM, SIGINT, or the runner that started it going away. */
export async function runWorker(options: WorkerOptions, io: Io): Promise<ExitCode> {
  const runDir = isAbsolute(options.runDir) ? options.runDir : join(io.cwd, options.runDir);
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  const stdio = options.channel === 'stdio';
  // Started by a runner: its channel closing means the runner died; stop rather than run unsupervised.
  if (stdio) {
    process.stdin.once('end', stop);
    process.stdin.once('close', stop);
    process.stdin.resume();
  } else if (process.send) process.once('disconnect', stop);
  const log = (line: string) => io.stderr.write(`${new Date().toISOString()} ${options.name} ${line}\n`);
  const notify = stdio
    ? { notify: (message: WorkerMessage) => void io.stdout.write(JSON.stringify(message) + '\n') }
    : process.send
      ? { notify: (message: WorkerMessage) => void (process.connected && process.send!(message)) }
      : {};
  // In a container without a network, the run's gateway is a Unix socket mounted in.
  const socket = io.env['SWARM_GATEWAY_SOCKET'];
  const forwarder = socket ? await forwardLoopbackTo(socket) : undefined;
  const env = forwarder ? { ...io.env, ANTHROPIC_BASE_URL: forwarder.url } : io.env;
  try {
    await runWorkerLoop({
      runDir,
      worker: options.name,
      leaseMs: options.lease,
      signal: abort.signal,
      run: claudeTaskRunner({ env, ...(options.claude ? { claudePath: options.claude } : {}), log, ...notify }),
      ...notify,
      log,
    });
    return exitCodes.ok;
  } finally {
    await forwarder?.close();
    if (stdio) process.stdin.destroy();
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    // The IPC channel would keep the process alive after the loop is done.
    if (process.connected) process.disconnect();
  }
}
