import { existsSync } from 'node:fs';
import { describeIssues, moveFile, readJsonFile, removeFile, writeJsonAtomic } from './atomic.ts';
import { QueueError } from './errors.ts';
import type { RunLayout } from './layout.ts';
import { leaseSchema, resultFileSchema, type Lease, type ResultDraft, type ResultFile, type Task } from './protocol.ts';
import type { Claim, Clock, CompleteOutcome } from './task-queue.ts';

/** A task claimed from the file queue: its file sits in `claimed/`, its lease in `leases/`. */
export class FileClaim implements Claim {
  readonly task: Task;
  #lease: Lease;
  readonly #layout: RunLayout;
  readonly #clock: Clock;
  readonly #leaseMs: number;
  readonly #claimedAt: number;
  #settled = false;
  // Renewals, completion and release run one at a time, so a renewal can never rewrite
  // the lease after completion removed it.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(layout: RunLayout, clock: Clock, task: Task, lease: Lease, leaseMs: number) {
    this.#layout = layout;
    this.#clock = clock;
    this.task = task;
    this.#lease = lease;
    this.#leaseMs = leaseMs;
    this.#claimedAt = lease.renewed_at;
  }

  get lease(): Lease {
    return this.#lease;
  }

  renew(): Promise<boolean> {
    return this.#serial(async () => {
      if (this.#settled || !(await this.#holds())) return false;
      const now = this.#clock.now();
      const lease = { ...this.#lease, expires_at: now + this.#leaseMs, renewed_at: now };
      // Not fsynced: a lease is worth something only while its writer runs.
      await writeJsonAtomic(this.#layout.lease(this.task.worker, this.task.task_id), lease, { durable: false });
      this.#lease = lease;
      return true;
    });
  }

  complete(draft: ResultDraft): Promise<CompleteOutcome> {
    return this.#serial(async () => {
      // A bad draft throws before the claim is settled, so the worker can still release it.
      const result = this.#resultFile(draft);
      this.#settle('complete');
      const { worker, task_id } = this.task;
      const recorded = await writeJsonAtomic(this.#layout.result(worker, task_id), result, { exclusive: true });
      // Only now, with the result safe on disk, is the claim given up.
      const held = await this.#holds();
      if (held) {
        await removeFile(this.#layout.claimed(worker, task_id));
        await removeFile(this.#layout.lease(worker, task_id));
      }
      return { recorded, held };
    });
  }

  release(): Promise<boolean> {
    return this.#serial(async () => {
      this.#settle('release');
      const { worker, task_id } = this.task;
      if (!(await this.#holds())) return false;
      // The lease goes first: once the task is pending again, the next lease is someone else's.
      await removeFile(this.#layout.lease(worker, task_id));
      return moveFile(this.#layout.claimed(worker, task_id), this.#layout.pending(worker, task_id));
    });
  }

  #resultFile(draft: ResultDraft): ResultFile {
    const task = this.task;
    const { status, findings, artifacts, execution_time, ...rest } = draft;
    const file: ResultFile = {
      // The seed's fields first and always present, so a seed reader finds them all.
      task_id: task.task_id,
      status,
      worker: task.worker,
      findings: findings ?? [],
      artifacts: artifacts ?? [],
      execution_time: execution_time ?? Math.max(0, this.#clock.now() - this.#claimedAt) / 1000,
      ...(task.run_id === undefined ? {} : { run_id: task.run_id }),
      attempt: task.attempt,
      ...rest,
    };
    const parsed = resultFileSchema.safeParse(file);
    if (!parsed.success) throw new QueueError(`Invalid result for task ${task.worker}/${task.task_id}: ${describeIssues(parsed.error.issues)}`);
    return file;
  }

  /** The task is still claimed, under this claim's lease. */
  async #holds(): Promise<boolean> {
    const { worker, task_id } = this.task;
    if (!existsSync(this.#layout.claimed(worker, task_id))) return false;
    const lease = await readJsonFile(this.#layout.lease(worker, task_id), leaseSchema);
    return lease.kind === 'ok' && lease.value.claim_id === this.#lease.claim_id;
  }

  #settle(action: string): void {
    if (this.#settled) throw new QueueError(`Cannot ${action} task ${this.task.worker}/${this.task.task_id}: its claim was already completed or released`);
    this.#settled = true;
  }

  #serial<T>(step: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(step);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
