import { mkdir } from 'node:fs/promises';
import { moveFile, readJsonFile, removeFile } from './atomic.ts';
import type { RunLayout } from './layout.ts';
import { leaseSchema, resultSchema, taskSchema, type Task } from './protocol.ts';
import type { QueueScanner } from './scan.ts';
import type { ClaimedTask, ReclaimedTask } from './task-queue.ts';

/**
 * The runner's view of `claimed/`: which claims are live, which lapsed, which are left over
 * beside their result, and putting lapsed ones back to pending.
 */
export class ClaimedArea {
  readonly #layout: RunLayout;
  readonly #scanner: QueueScanner;
  readonly #graceMs: number;
  // When this process first saw each claimed task without a lease, by `worker/task`.
  readonly #leaseMissingSince = new Map<string, number>();

  constructor(layout: RunLayout, scanner: QueueScanner, missingLeaseGraceMs: number) {
    this.#layout = layout;
    this.#scanner = scanner;
    this.#graceMs = missingLeaseGraceMs;
  }

  async list(now: number): Promise<ClaimedTask[]> {
    const claimed: ClaimedTask[] = [];
    for (const { value: task } of await this.#scanner.area('claimed', taskSchema)) {
      // A lease is the claimer's own note: a bad one is treated as missing, not quarantined.
      const read = await readJsonFile(this.#layout.lease(task.worker, task.task_id), leaseSchema);
      const lease = read.kind === 'ok' && read.value.worker === task.worker && read.value.task_id === task.task_id ? read.value : undefined;
      const leaseState = lease === undefined ? 'missing' : lease.expires_at > now ? 'live' : 'expired';
      claimed.push({ task, ...(lease ? { lease } : {}), leaseState, settled: await this.hasResult(task) });
    }
    return claimed;
  }

  /** A result of this attempt or a later one is there: the task needs no more work. */
  async hasResult(task: Task): Promise<boolean> {
    const read = await this.#scanner.read(this.#layout.result(task.worker, task.task_id), task.worker, task.task_id, resultSchema);
    return read.kind === 'ok' && read.value.attempt >= task.attempt;
  }

  async reclaim(now: number): Promise<ReclaimedTask[]> {
    const reclaimed: ReclaimedTask[] = [];
    const present = new Set<string>();
    for (const { task, lease, leaseState, settled } of await this.list(now)) {
      const { worker, task_id } = task;
      const key = `${worker}/${task_id}`;
      present.add(key);
      if (settled) {
        // Left over by a claimer that wrote its result and crashed before clearing its claim.
        await removeFile(this.#layout.claimed(worker, task_id));
        await removeFile(this.#layout.lease(worker, task_id));
        continue;
      }
      if (leaseState === 'live') continue;
      if (leaseState === 'missing') {
        const since = this.#leaseMissingSince.get(key) ?? now;
        this.#leaseMissingSince.set(key, since);
        if (now - since < this.#graceMs) continue;
      }
      // The lease goes first: once the task is pending again, the next lease is someone else's.
      await removeFile(this.#layout.lease(worker, task_id));
      await mkdir(this.#layout.workerDir('tasks', worker), { recursive: true });
      if (await moveFile(this.#layout.claimed(worker, task_id), this.#layout.pending(worker, task_id))) {
        reclaimed.push({
          worker,
          taskId: task_id,
          attempt: task.attempt,
          ...(lease ? { owner: lease.owner } : {}),
          reason: leaseState === 'expired' ? 'lease-expired' : 'lease-missing',
        });
      }
      this.#leaseMissingSince.delete(key);
    }
    for (const key of this.#leaseMissingSince.keys()) if (!present.has(key)) this.#leaseMissingSince.delete(key);
    return reclaimed;
  }
}
