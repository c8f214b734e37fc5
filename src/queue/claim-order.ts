import { priorityRank, type Task } from './protocol.ts';

/** A pending task and when its file was written, for tasks that do not say when they were created. */
export interface ClaimCandidate {
  task: Task;
  mtimeMs: number;
}

/**
 * The order claims take pending tasks: highest priority, then the longest chain still to run
 * after the task (so the critical path starts first), then the oldest, then by id so the
 * order never depends on the directory listing.
 */
export function compareClaimOrder(a: ClaimCandidate, b: ClaimCandidate): number {
  return (
    priorityRank[b.task.priority] - priorityRank[a.task.priority] ||
    (b.task.chain ?? 1) - (a.task.chain ?? 1) ||
    createdMs(a) - createdMs(b) ||
    (a.task.task_id < b.task.task_id ? -1 : a.task.task_id > b.task.task_id ? 1 : 0)
  );
}

function createdMs(candidate: ClaimCandidate): number {
  const created = candidate.task.created_at === undefined ? Number.NaN : Date.parse(candidate.task.created_at);
  return Number.isNaN(created) ? candidate.mtimeMs : created;
}
