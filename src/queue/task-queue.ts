import type { Lease, ResultDraft, Task, TaskFile, TaskResult } from './protocol.ts';

/**
 * The queue between the runner and its workers, storage-neutral: the file queue implements
 * it over a run directory, a Redis queue will implement it over Redis. The runner side
 * enqueues and collects results; the worker side claims, renews, completes and releases.
 */
export interface TaskQueue {
  // Runner side.

  /**
   * Queues a task unless one with its id is already pending, claimed or has a result. The
   * task survives the runner being killed, not the machine going down: the journal is the
   * record a resumed run enqueues unfinished tasks from again.
   */
  enqueue(task: TaskFile): Promise<EnqueueOutcome>;
  /**
   * Delivers every result: those already there, then each new one as it lands. Each
   * (worker, task, attempt) is delivered once per subscription. Resolves once the results
   * already there have been delivered and new ones will be seen.
   */
  watchResults(onResult: (result: TaskResult) => void): Promise<Subscription>;
  /** Moves a failed attempt's result aside so the retry's result can land. False when no result of that attempt is there. */
  retireAttempt(worker: string, taskId: string, attempt: number): Promise<boolean>;
  /**
   * Puts claimed tasks whose lease has lapsed back to pending (the attempt is unchanged) and
   * returns them, for the journal. A claimed task that already has its result is not put
   * back: the result is final, and the leftover claim is cleared.
   */
  reclaimExpired(now?: number): Promise<ReclaimedTask[]>;
  /** Everything the queue holds now, for status and resume. */
  snapshot(): Promise<QueueSnapshot>;

  // Worker side.

  /** Calls `onAvailable` for each task pending for `worker` now, then for each one that arrives. */
  watchTasks(worker: string, onAvailable: (taskId: string) => void): Promise<Subscription>;
  /**
   * Takes the best pending task of `worker` (highest priority, then longest chain, then
   * oldest) and leases it to `owner` for `leaseMs`. Undefined when none is pending. Of two
   * claimers racing for one task exactly one gets it; the other moves on to the next.
   */
  claim(worker: string, owner: string, leaseMs: number): Promise<Claim | undefined>;

  /** Stops every subscription; waits for deliveries in progress. */
  close(): Promise<void>;
}

/** A claimed task. Whoever holds one must complete or release it, in a `finally`. */
export interface Claim {
  readonly task: Task;
  /** The lease as last written by this claim. */
  readonly lease: Lease;
  /** Extends the lease by its length from now. False when the lease was lost (reclaimed, or taken over). */
  renew(): Promise<boolean>;
  /**
   * Records the result, then gives up the claim. The result is written first, so a crash in
   * between never loses it. The first result recorded for a task is final: a later one is
   * dropped (`recorded: false`).
   */
  complete(result: ResultDraft): Promise<CompleteOutcome>;
  /** Puts the task back to pending, untouched. False when the lease was already lost. */
  release(): Promise<boolean>;
}

export interface CompleteOutcome {
  /** The result was written; false when a result for this task was already there. */
  recorded: boolean;
  /** The lease was still this claim's, so the claim was cleared; false when it had been lost. */
  held: boolean;
}

export type EnqueueOutcome = { queued: true } | { queued: false; state: 'pending' | 'claimed' | 'done' };

export interface ClaimedTask {
  task: Task;
  /** Absent while the claimer has not written it yet, or after a crash. */
  lease?: Lease;
  leaseState: 'live' | 'expired' | 'missing';
  /** A result is already there: the task is done even though its claim is left over. */
  settled: boolean;
}

export interface QueueSnapshot {
  pending: Task[];
  claimed: ClaimedTask[];
  results: TaskResult[];
}

export interface ReclaimedTask {
  worker: string;
  taskId: string;
  attempt: number;
  /** The owner whose lease lapsed; absent when there was no lease. */
  owner?: string;
  reason: 'lease-expired' | 'lease-missing';
}

export interface Subscription {
  close(): Promise<void>;
}

/** Where time comes from, so lease expiry can be tested without waiting. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
