import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signalTree } from './claude-process-tree.ts';
import type { Executor, WorkerExit, WorkerMessage, WorkerProcess, WorkerProcessSpec } from './executor.ts';

const bin = fileURLToPath(new URL('../cli/bin.ts', import.meta.url));

/**
 * Runs each worker as `swarm worker NAME` in a child process of its own process group, so a
 * Ctrl-C at the terminal reaches only the runner, which then stops the workers in order. The
 * IPC channel is the worker's lifeline: when the runner dies, even by SIGKILL, it closes and
 * the worker releases its task and exits instead of running on unsupervised.
 */
export function localExecutor(options: {
  node?: string;
  /**
   * The worker's command line after the Node binary.
   * @default [bin.ts, 'worker', NAME, '--run-dir', DIR, ...args]
   */
  argv?: (spec: WorkerProcessSpec) => string[];
  kind?: string;
} = {}): Executor {
  const argv = options.argv ?? ((spec: WorkerProcessSpec) => [bin, 'worker', spec.worker, '--run-dir', spec.runDir, ...(spec.args ?? [])]);
  return {
    kind: options.kind ?? 'local',
    start(spec: WorkerProcessSpec): WorkerProcess {
      mkdirSync(dirname(spec.logFile), { recursive: true });
      const log = openSync(spec.logFile, 'a');
      const child = spawn(options.node ?? process.execPath, argv(spec), {
        env: spec.env,
        stdio: ['ignore', log, log, 'ipc'],
        detached: true,
      });
      closeSync(log);
      // The channel must not keep the runner alive on its own.
      child.channel?.unref();
      child.unref();
      // The worker's CLIs run in groups of their own, out of reach of a signal to the worker's.
      const cliRuns = new Map<number, string>();
      child.on('message', (m: WorkerMessage) => {
        if (m.type === 'cli:started') cliRuns.set(m.pid, m.marker);
        if (m.type === 'cli:ended') cliRuns.delete(m.pid);
      });
      let done = false;
      const exited = new Promise<WorkerExit>((resolve) => {
        child.once('exit', (code, signal) => {
          done = true;
          // A worker that died without ending its CLIs (killed, crashed) leaves them to us.
          for (const [pid, marker] of cliRuns) {
            try {
              signalTree(pid, marker, 'SIGKILL');
            } catch {
              // Not ours to signal any more (EPERM): the group id was reused.
            }
          }
          resolve({ code, signal });
        });
        child.once('error', () => {
          done = true;
          resolve({ code: null, signal: null });
        });
      });
      const signal = (name: NodeJS.Signals) => {
        if (done || child.pid === undefined) return;
        killGroup(child.pid, name);
      };
      return {
        worker: spec.worker,
        pid: child.pid,
        exited,
        alive: () => !done,
        async stop(graceMs = 10_000) {
          signal('SIGTERM');
          const timer = setTimeout(() => signal('SIGKILL'), graceMs);
          const exit = await exited;
          clearTimeout(timer);
          return exit;
        },
        kill: () => signal('SIGKILL'),
        onMessage: (fn) => void child.on('message', (message) => fn(message as WorkerMessage)),
      };
    },
  };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone: for the worker, its exit event settles `exited`.
  }
}
