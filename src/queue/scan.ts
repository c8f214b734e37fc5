import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { errorCode, isHiddenName, readJsonFile, type ReadResult } from './atomic.ts';
import { idFromFileName, isQueueId, type QueueArea, type RunLayout } from './layout.ts';

/** A valid queue file found on disk. */
export interface QueueEntry<T> {
  worker: string;
  taskId: string;
  path: string;
  value: T;
  mtimeMs: number;
}

type Placed = { task_id: string; worker: string };
type Quarantine = (path: string, reason: string) => Promise<void>;
type Verdict<T> = { kind: 'ok'; entry: QueueEntry<T> } | { kind: 'bad'; path: string; reason: string } | { kind: 'skip' };

interface Cached {
  schema: z.ZodType;
  mtimeMs: number;
  size: number;
  ino: number;
  value: unknown;
}

/**
 * Reads the queue's folders, judging every file: valid ones are returned, bad ones go to
 * quarantine, hidden ones (writes in progress) are skipped. Result folders also hold the
 * tasks' artifact folders and, from seed-style workers, artifacts that are not JSON: only
 * `*.json` files there are taken for results.
 */
export class QueueScanner {
  readonly #layout: RunLayout;
  readonly #quarantine: Quarantine;
  // Every claim scans its worker's pending files: parse each version of a file once. A file
  // is known by inode, size and time, and every atomic write makes a new inode.
  readonly #cache = new Map<string, Cached>();

  constructor(layout: RunLayout, quarantine: Quarantine) {
    this.#layout = layout;
    this.#quarantine = quarantine;
  }

  /** Reads one queue file and checks it names the worker and task its path does; quarantines it if not. */
  async read<S extends z.ZodType<Placed>>(path: string, worker: string, taskId: string, schema: S): Promise<ReadResult<z.output<S>>> {
    const read = await readPlaced(path, worker, taskId, schema);
    if (read.kind === 'malformed') await this.#quarantine(path, read.message);
    return read;
  }

  /**
   * Judges the file at `path`, somewhere in `area`: undefined when it is no queue file (hidden,
   * an artifact, gone) or is bad, in which case it was quarantined.
   */
  async file<S extends z.ZodType<Placed>>(area: QueueArea, path: string, schema: S): Promise<QueueEntry<z.output<S>> | undefined> {
    return this.#settle(await this.#judge(area, path, schema));
  }

  /** Every valid file of one worker's folder in `area`. */
  async worker<S extends z.ZodType<Placed>>(area: QueueArea, worker: string, schema: S): Promise<QueueEntry<z.output<S>>[]> {
    return this.#folder(area, this.#layout.workerDir(area, worker), schema);
  }

  /** Every valid file of every worker's folder in `area`. */
  async area<S extends z.ZodType<Placed>>(area: QueueArea, schema: S): Promise<QueueEntry<z.output<S>>[]> {
    const dir = this.#layout.areaDir(area);
    const entries: QueueEntry<z.output<S>>[] = [];
    for (const dirent of await listDir(dir)) {
      if (isHiddenName(dirent.name)) continue;
      const path = join(dir, dirent.name);
      if (dirent.isDirectory()) entries.push(...(await this.#folder(area, path, schema)));
      else if (area !== 'results' || dirent.name.endsWith('.json')) await this.#quarantine(path, `queue files belong in ${area}/<worker>/, not in ${area}/ itself`);
    }
    return entries;
  }

  async #folder<S extends z.ZodType<Placed>>(area: QueueArea, dir: string, schema: S): Promise<QueueEntry<z.output<S>>[]> {
    const files = (await listDir(dir)).filter((dirent) => !dirent.isDirectory());
    // Read all at once, then quarantine one by one in name order, so notices come in a stable order.
    const verdicts = await Promise.all(files.map((dirent) => this.#judge(area, join(dir, dirent.name), schema)));
    const entries: QueueEntry<z.output<S>>[] = [];
    for (const verdict of verdicts) {
      const entry = await this.#settle(verdict);
      if (entry) entries.push(entry);
    }
    return entries;
  }

  async #settle<T>(verdict: Verdict<T>): Promise<QueueEntry<T> | undefined> {
    if (verdict.kind === 'bad') await this.#quarantine(verdict.path, verdict.reason);
    return verdict.kind === 'ok' ? verdict.entry : undefined;
  }

  async #judge<S extends z.ZodType<Placed>>(area: QueueArea, path: string, schema: S): Promise<Verdict<z.output<S>>> {
    const parts = relative(this.#layout.areaDir(area), path).split(sep);
    if (parts.length !== 2 || parts.some((part) => part === '..' || isHiddenName(part))) return { kind: 'skip' };
    const [worker, name] = parts as [string, string];
    if (area === 'results' && !name.endsWith('.json')) return { kind: 'skip' };
    if (!isQueueId(worker)) return { kind: 'bad', path, reason: `the folder name ${JSON.stringify(worker)} is not a valid worker id` };
    const taskId = idFromFileName(name);
    if (taskId === undefined) return { kind: 'bad', path, reason: `the file name ${JSON.stringify(name)} is not <task id>.json` };
    const stats = await statOf(path);
    const cached = this.#cache.get(path);
    if (stats === undefined) {
      this.#cache.delete(path);
      return { kind: 'skip' };
    }
    const { mtimeMs, size, ino } = stats;
    if (cached && cached.schema === schema && cached.mtimeMs === mtimeMs && cached.size === size && cached.ino === ino) {
      return { kind: 'ok', entry: { worker, taskId, path, value: cached.value as z.output<S>, mtimeMs } };
    }
    const read = await readPlaced(path, worker, taskId, schema);
    if (read.kind !== 'ok') {
      this.#cache.delete(path);
      return read.kind === 'missing' ? { kind: 'skip' } : { kind: 'bad', path, reason: read.message };
    }
    this.#cache.set(path, { schema, mtimeMs, size, ino, value: read.value });
    return { kind: 'ok', entry: { worker, taskId, path, value: read.value, mtimeMs } };
  }
}

async function readPlaced<S extends z.ZodType<Placed>>(path: string, worker: string, taskId: string, schema: S): Promise<ReadResult<z.output<S>>> {
  const read = await readJsonFile(path, schema);
  if (read.kind !== 'ok') return read;
  if (read.value.worker !== worker) {
    return { kind: 'malformed', message: `worker ${JSON.stringify(read.value.worker)} does not match the folder ${JSON.stringify(worker)}` };
  }
  if (read.value.task_id !== taskId) {
    return { kind: 'malformed', message: `task_id ${JSON.stringify(read.value.task_id)} does not match the file name ${JSON.stringify(`${taskId}.json`)}` };
  }
  return read;
}

async function listDir(dir: string): Promise<Dirent[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}

/** Undefined when the file went away meanwhile: claimed or moved by someone else. */
async function statOf(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}
