/**
 * Where worker processes run. `local` starts them as child processes on this machine; a
 * container executor implements the same three operations (start, stop, alive).
 */
export interface Executor {
  readonly kind: string;
  /** Workers reach the run gateway through a Unix socket (`WorkerProcessSpec.gatewaySocket`): they have no network of their own. */
  readonly needsGatewaySocket?: boolean;
  start(spec: WorkerProcessSpec): WorkerProcess;
  /** Removes whatever of a run outlived its workers (containers); called once the run's workers are stopped. */
  cleanup?(runId: string): Promise<void>;
}

export interface WorkerProcessSpec {
  /** The worker's name in the plan. */
  worker: string;
  /** The run directory holding plan.json and the queue. */
  runDir: string;
  /** The whole environment of the worker process; the caller decides what it may see. */
  env: Record<string, string | undefined>;
  /** Where the process's stdout and stderr are appended. */
  logFile: string;
  /** The run gateway's Unix socket for this worker, when the executor asked for one. */
  gatewaySocket?: string;
  /** Extra arguments for `swarm worker`, e.g. a lease length. */
  args?: string[];
}

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface WorkerProcess {
  readonly worker: string;
  readonly pid: number | undefined;
  /** Settles once, when the process has exited. */
  readonly exited: Promise<WorkerExit>;
  alive(): boolean;
  /** Asks the worker to finish cleanly (it releases its claim and ends its CLI), then forces it after `graceMs`. */
  stop(graceMs?: number): Promise<WorkerExit>;
  /** Ends it at once, as a crash would (tests use this to kill a worker mid-task). */
  kill(): void;
  /** Notes the worker sends while it works (a task claimed); the queue stays the record. */
  onMessage(fn: (message: WorkerMessage) => void): void;
}

/** What a worker tells its runner as it happens, ahead of the result file. */
export type WorkerMessage =
  | {
      type: 'task:claimed';
      task: string;
      attempt: number;
      owner: string;
      /** Epoch milliseconds. */
      at: number;
    }
  /**
   * A CLI the worker started in a process group of its own (`pid` is the group's id; `marker`
   * the `NAME=value` every process of that run carries), and its end: the executor ends the
   * runs still open when the worker dies, which it cannot do itself.
   */
  | { type: 'cli:started' | 'cli:ended'; task: string; pid: number; marker: string }
  /** Something a person should read in the run's log, such as a task file the worker quarantined. */
  | { type: 'notice'; message: string };
