import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { describeIssues, isHiddenName, moveFile, removeFile, writeJsonAtomic } from './atomic.ts';
import { compareClaimOrder } from './claim-order.ts';
import { ClaimedArea } from './claimed-area.ts';
import { QueueError } from './errors.ts';
import { FileClaim } from './file-claim.ts';
import { assertQueueId, idFromFileName, queueAreas, RunLayout } from './layout.ts';
import { resultSchema, taskSchema, taskToFile, type Lease, type Task, type TaskFile, type TaskResult } from './protocol.ts';
import { quarantineFile, type QuarantineNotice } from './quarantine.ts';
import { QueueScanner } from './scan.ts';
import {
  systemClock,
  type Claim,
  type Clock,
  type EnqueueOutcome,
  type QueueSnapshot,
  type ReclaimedTask,
  type Subscription,
  type TaskQueue,
} from './task-queue.ts';
import { watchDir } from './watch-dir.ts';

export interface FileQueueOptions {
  /** @default the system clock */
  clock?: Clock;
  /** Told about each bad file moved to `quarantine/`; the queue goes on without it. */
  onQuarantine?: (notice: QuarantineNotice) => void;
  /** Told about I/O errors while watching, and errors thrown by callbacks. @default process.emitWarning */
  onError?: (error: unknown) => void;
  /**
   * How long a claimed task may sit without a lease before `reclaimExpired` puts it back:
   * a claimer writes its lease just after its claim, so a missing lease means it crashed.
   * @default 30_000
   */
  missingLeaseGraceMs?: number;
}

/**
 * The task queue over a run directory (see `RunLayout` for the folders). Every write is
 * atomic, a claim is a rename, and bad files are quarantined. Many processes may share one
 * run directory: one runner and any number of workers.
 */
export class FileQueue implements TaskQueue {
  readonly layout: RunLayout;
  readonly #clock: Clock;
  readonly #onQuarantine: (notice: QuarantineNotice) => void;
  readonly #onError: (error: unknown) => void;
  readonly #scanner: QueueScanner;
  readonly #claimed: ClaimedArea;
  readonly #subscriptions = new Set<Subscription>();
  readonly #madeDirs = new Set<string>();

  constructor(runDir: string, options: FileQueueOptions = {}) {
    this.layout = new RunLayout(runDir);
    this.#clock = options.clock ?? systemClock;
    this.#onQuarantine = options.onQuarantine ?? (() => undefined);
    this.#onError = options.onError ?? ((error) => process.emitWarning(error instanceof Error ? error : String(error)));
    this.#scanner = new QueueScanner(this.layout, async (path, reason) => {
      const notice = await quarantineFile(this.layout, path, reason, this.#clock.now());
      if (notice) this.#onQuarantine(notice);
    });
    this.#claimed = new ClaimedArea(this.layout, this.#scanner, options.missingLeaseGraceMs ?? 30_000);
    for (const area of queueAreas) mkdirSync(this.layout.areaDir(area), { recursive: true });
  }

  async enqueue(input: TaskFile): Promise<EnqueueOutcome> {
    const parsed = taskSchema.safeParse(input);
    if (!parsed.success) throw new QueueError(`Invalid task ${JSON.stringify(input.task_id)}: ${describeIssues(parsed.error.issues)}`);
    const task: Task = { ...parsed.data, created_at: parsed.data.created_at ?? new Date(this.#clock.now()).toISOString() };
    const { worker, task_id } = task;
    await this.#workerDirs(worker);
    // Checked in the order a task moves (pending, claimed, result; a result is written
    // before its claim is removed), so a task on the move is seen in one place or the next.
    if (existsSync(this.layout.pending(worker, task_id))) return { queued: false, state: 'pending' };
    if (existsSync(this.layout.claimed(worker, task_id))) return { queued: false, state: 'claimed' };
    if (existsSync(this.layout.result(worker, task_id))) return { queued: false, state: 'done' };
    // Not fsynced: after the machine goes down, a resumed run enqueues every task not done again.
    const written = await writeJsonAtomic(this.layout.pending(worker, task_id), taskToFile(task), { exclusive: true, durable: false });
    return written ? { queued: true } : { queued: false, state: 'pending' };
  }

  async watchResults(onResult: (result: TaskResult) => void): Promise<Subscription> {
    const seen = new Set<string>();
    const deliver = (result: TaskResult) => {
      const key = `${result.worker}/${result.task_id}#${result.attempt}`;
      if (seen.has(key)) return;
      seen.add(key);
      try {
        onResult(result);
      } catch (error) {
        this.#onError(error);
      }
    };
    const watch = await watchDir(this.layout.areaDir('results'), {
      depth: 1,
      onFile: async (path) => {
        const entry = await this.#scanner.file('results', path, resultSchema);
        if (entry) deliver(entry.value);
      },
      onError: this.#onError,
    });
    // Scanned only once the watcher is ready, so a result landing meanwhile is seen by one or both.
    for (const entry of await this.#scanner.area('results', resultSchema)) deliver(entry.value);
    return this.#track(watch);
  }

  async retireAttempt(worker: string, taskId: string, attempt: number): Promise<boolean> {
    const path = this.layout.result(worker, taskId);
    const retired = this.layout.retiredResult(worker, taskId, attempt);
    const read = await this.#scanner.read(path, worker, taskId, resultSchema);
    if (read.kind !== 'ok' || read.value.attempt !== attempt) return false;
    await mkdir(this.layout.attemptsDir(worker), { recursive: true });
    return moveFile(path, retired);
  }

  reclaimExpired(now: number = this.#clock.now()): Promise<ReclaimedTask[]> {
    return this.#claimed.reclaim(now);
  }

  async snapshot(): Promise<QueueSnapshot> {
    const pending = (await this.#scanner.area('tasks', taskSchema)).map((entry) => ({ task: entry.value, mtimeMs: entry.mtimeMs }));
    const claimed = await this.#claimed.list(this.#clock.now());
    const results = await this.#scanner.area('results', resultSchema);
    return {
      pending: pending.sort((a, b) => compareWorkers(a.task.worker, b.task.worker) || compareClaimOrder(a, b)).map((entry) => entry.task),
      claimed,
      results: results.map((entry) => entry.value),
    };
  }

  async watchTasks(worker: string, onAvailable: (taskId: string) => void): Promise<Subscription> {
    const dir = this.layout.workerDir('tasks', worker);
    await mkdir(dir, { recursive: true });
    const notify = (name: string) => {
      const taskId = idFromFileName(name);
      if (taskId === undefined) return;
      try {
        onAvailable(taskId);
      } catch (error) {
        this.#onError(error);
      }
    };
    const watch = await watchDir(dir, { depth: 0, onFile: async (path) => notify(basename(path)), onError: this.#onError });
    for (const name of (await readdir(dir)).sort()) if (!isHiddenName(name)) notify(name);
    return this.#track(watch);
  }

  async claim(worker: string, owner: string, leaseMs: number): Promise<Claim | undefined> {
    assertQueueId('worker', worker);
    if (owner === '') throw new QueueError('Expected `owner` to be a non-empty string, got ""');
    if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new QueueError(`Expected \`leaseMs\` to be a finite number > 0, got ${leaseMs}`);
    await this.#workerDirs(worker);
    const pending = await this.#scanner.worker('tasks', worker, taskSchema);
    const candidates = pending.map((entry) => ({ task: entry.value, mtimeMs: entry.mtimeMs })).sort(compareClaimOrder);
    for (const { task: { task_id } } of candidates) {
      const claimedPath = this.layout.claimed(worker, task_id);
      // The claim itself: of all processes renaming this file, exactly one succeeds.
      if (!(await moveFile(this.layout.pending(worker, task_id), claimedPath))) continue;
      const read = await this.#scanner.read(claimedPath, worker, task_id, taskSchema);
      if (read.kind !== 'ok') continue;
      const task = read.value;
      if (await this.#claimed.hasResult(task)) {
        // Done already (its claimer's lease lapsed just as it finished): the result is final.
        await removeFile(claimedPath);
        continue;
      }
      const now = this.#clock.now();
      const lease: Lease = {
        task_id: task.task_id,
        worker,
        owner,
        attempt: task.attempt,
        expires_at: now + leaseMs,
        renewed_at: now,
        claim_id: randomBytes(8).toString('hex'),
      };
      // Not fsynced: a lease is worth something only while its writer runs.
      await writeJsonAtomic(this.layout.lease(worker, task.task_id), lease, { durable: false });
      return new FileClaim(this.layout, this.#clock, task, lease, leaseMs);
    }
    return undefined;
  }

  async close(): Promise<void> {
    const subscriptions = [...this.#subscriptions];
    this.#subscriptions.clear();
    await Promise.all(subscriptions.map((s) => s.close()));
  }

  async #workerDirs(worker: string): Promise<void> {
    if (this.#madeDirs.has(worker)) return;
    for (const area of queueAreas) await mkdir(this.layout.workerDir(area, worker), { recursive: true });
    this.#madeDirs.add(worker);
  }

  #track(subscription: Subscription): Subscription {
    this.#subscriptions.add(subscription);
    return {
      close: async () => {
        this.#subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }
}

function compareWorkers(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
