import { join, resolve } from 'node:path';
import { QueueError } from './errors.ts';
import { queueIdPattern } from './protocol.ts';

/** The queue's areas under a run directory, each holding one folder per worker. */
export const queueAreas = ['tasks', 'claimed', 'leases', 'results'] as const;
export type QueueArea = (typeof queueAreas)[number];

const maxIdLength = 200;

/** True for a worker or task id that is safe as a single file-name segment. */
export function isQueueId(value: string): boolean {
  return value.length <= maxIdLength && queueIdPattern.test(value);
}

/** Throws unless `value` is a valid id, so no path built from it can leave the run directory. */
export function assertQueueId(what: 'worker' | 'task', value: string): void {
  if (!isQueueId(value)) {
    throw new QueueError(`Expected a ${what} id matching ${queueIdPattern} (at most ${maxIdLength} characters), got ${JSON.stringify(value)}`);
  }
}

/** The task id a queue file is named for, or undefined when the name is not `<id>.json`. */
export function idFromFileName(name: string): string | undefined {
  if (!name.endsWith('.json')) return undefined;
  const id = name.slice(0, -'.json'.length);
  return isQueueId(id) ? id : undefined;
}

/**
 * Where everything of one run lives:
 *
 * ```text
 * <run>/plan.json  run.json  journal.jsonl
 * <run>/tasks/<worker>/<id>.json            pending
 * <run>/claimed/<worker>/<id>.json          claimed (moved here by rename)
 * <run>/leases/<worker>/<id>.json           the claimer's lease
 * <run>/results/<worker>/<id>.json          result
 * <run>/results/<worker>/<id>/              the task's own working directory (artifacts)
 * <run>/results/<worker>/.attempts/<id>.<attempt>.json   results of retried attempts
 * <run>/quarantine/<area>/<worker>/<name>   bad files, each with <name>.reason.json
 * ```
 */
export class RunLayout {
  readonly root: string;
  readonly plan: string;
  readonly run: string;
  readonly journal: string;
  readonly quarantineDir: string;

  constructor(runDir: string) {
    this.root = resolve(runDir);
    this.plan = join(this.root, 'plan.json');
    this.run = join(this.root, 'run.json');
    this.journal = join(this.root, 'journal.jsonl');
    this.quarantineDir = join(this.root, 'quarantine');
  }

  areaDir(area: QueueArea): string {
    return join(this.root, area);
  }

  workerDir(area: QueueArea, worker: string): string {
    assertQueueId('worker', worker);
    return join(this.root, area, worker);
  }

  /** `<area>/<worker>/<id>.json`: a pending task, a claimed task, a lease or a result. */
  file(area: QueueArea, worker: string, taskId: string): string {
    assertQueueId('task', taskId);
    return join(this.workerDir(area, worker), `${taskId}.json`);
  }

  pending(worker: string, taskId: string): string {
    return this.file('tasks', worker, taskId);
  }

  claimed(worker: string, taskId: string): string {
    return this.file('claimed', worker, taskId);
  }

  lease(worker: string, taskId: string): string {
    return this.file('leases', worker, taskId);
  }

  result(worker: string, taskId: string): string {
    return this.file('results', worker, taskId);
  }

  /** The task's working directory, where its artifacts are written. */
  artifactsDir(worker: string, taskId: string): string {
    assertQueueId('task', taskId);
    return join(this.workerDir('results', worker), taskId);
  }

  attemptsDir(worker: string): string {
    return join(this.workerDir('results', worker), '.attempts');
  }

  /** Where a failed attempt's result is kept once a retry is queued. */
  retiredResult(worker: string, taskId: string, attempt: number): string {
    assertQueueId('task', taskId);
    if (!Number.isInteger(attempt) || attempt < 1) throw new QueueError(`Expected attempt to be an integer >= 1, got ${attempt}`);
    return join(this.attemptsDir(worker), `${taskId}.${attempt}.json`);
  }
}
