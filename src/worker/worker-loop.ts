import type { Plan, PlanWorker } from '../compiler/plan-schema.ts';
import { FileQueue } from '../queue/file-queue.ts';
import { keepRenewed, newOwnerId } from '../queue/lease.ts';
import type { ResultDraft, Task } from '../queue/protocol.ts';
import type { Claim } from '../queue/task-queue.ts';
import { readRunFiles, type RunInfo } from '../runner/run-files.ts';
import type { WorkerMessage } from './executor.ts';

/** Runs one claimed task to a result; `signal` aborts it (the worker is stopping or lost its lease). */
export type TaskRunner = (job: { task: Task; plan: Plan; info: RunInfo; worker: PlanWorker; runDir: string; signal: AbortSignal }) => Promise<ResultDraft>;

export interface WorkerLoopOptions {
  runDir: string;
  worker: string;
  /** @default 30000 */
  leaseMs?: number;
  /** Stops the loop: running tasks are ended and handed back to the queue, not failed. */
  signal: AbortSignal;
  run: TaskRunner;
  /** Tells the runner a task was claimed (over IPC when there is a runner). */
  notify?: (message: WorkerMessage) => void;
  log?: (line: string) => void;
}

/**
 * `swarm worker NAME`: watches the worker's queue, claims up to `parallel` tasks at a time,
 * keeps each lease renewed while the task runs, and always completes or releases what it
 * claimed. A task whose lease is lost is abandoned: another claimer has it.
 */
export async function runWorkerLoop(options: WorkerLoopOptions): Promise<void> {
  const { plan, info } = readRunFiles(options.runDir);
  const worker = plan.workers.find((w) => w.name === options.worker);
  if (!worker) throw new Error(`the plan in ${options.runDir} has no worker \`${options.worker}\` (it has ${plan.workers.map((w) => w.name).join(', ')})`);
  const log = options.log ?? (() => {});
  const leaseMs = options.leaseMs ?? 30_000;
  const owner = newOwnerId();
  const queue = new FileQueue(options.runDir, {
    onQuarantine: ({ path, reason }) => {
      log(`quarantined ${path}: ${reason}`);
      options.notify?.({ type: 'notice', message: `quarantined ${path}: ${reason}` });
    },
  });
  const running = new Set<Promise<void>>();
  let wake: (() => void) | undefined;
  // Counts arrivals, so one that lands while a claim is looking is never missed.
  let pokes = 0;
  let emptyAt = -1;
  const poke = () => {
    pokes++;
    wake?.();
  };
  const subscription = await queue.watchTasks(worker.name, poke);
  options.signal.addEventListener('abort', poke);

  const handle = async (claim: Claim) => {
    const task = claim.task;
    const abort = new AbortController();
    const stop = () => abort.abort();
    options.signal.addEventListener('abort', stop);
    let lost = false;
    const renewer = keepRenewed(claim, {
      everyMs: Math.max(10, Math.floor(leaseMs / 3)),
      onLost: () => {
        lost = true;
        log(`${task.task_id}: lease lost; abandoning it`);
        abort.abort();
      },
      onError: (error) => log(`${task.task_id}: lease renewal failed: ${(error as Error).message}`),
    });
    try {
      options.notify?.({ type: 'task:claimed', task: task.task_id, attempt: task.attempt, owner, at: Date.now() });
      log(`${task.task_id}: attempt ${task.attempt} claimed`);
      const draft = await options.run({ task, plan, info, worker, runDir: options.runDir, signal: abort.signal });
      if (lost) return;
      if (options.signal.aborted) {
        // Stopping: the task goes back untouched, to be run whole by whoever comes next.
        await claim.release();
        log(`${task.task_id}: released (worker stopping)`);
        return;
      }
      const outcome = await claim.complete(draft);
      log(`${task.task_id}: ${draft.status}${outcome.recorded ? '' : ' (a result was already there; dropped)'}`);
    } catch (error) {
      log(`${task.task_id}: ${(error as Error).stack ?? String(error)}`);
      if (!lost) await claim.complete({ status: 'failed', error: { kind: 'worker-error', message: (error as Error).message, retryable: true } }).catch(() => claim.release());
    } finally {
      await renewer.stop();
      options.signal.removeEventListener('abort', stop);
    }
  };

  try {
    while (!options.signal.aborted) {
      if (running.size < worker.parallel && emptyAt !== pokes) {
        const seen = pokes;
        const claim = await queue.claim(worker.name, owner, leaseMs);
        if (claim) {
          const job: Promise<void> = handle(claim).finally(() => {
            running.delete(job);
            poke();
          });
          running.add(job);
          continue;
        }
        emptyAt = seen;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (options.signal.aborted || (emptyAt !== pokes && running.size < worker.parallel)) resolve();
      });
      wake = undefined;
    }
  } finally {
    options.signal.removeEventListener('abort', poke);
    await Promise.allSettled([...running]);
    await subscription.close();
    await queue.close();
  }
}
