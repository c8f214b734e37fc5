import type { Dirent } from 'node:fs';
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

/**
 * Reads the queue's folders, judging every file: valid ones are returned, bad ones go to
 * quarantine, hidden ones (writes in progress) are skipped. Result folders also hold the
 * tasks' artifact folders and, from seed-style workers, artifacts that are not JSON: only
 * `*.json` files there are taken for results.
 */
export class QueueScanner {
  readonly #layout: RunLayout;
  readonly #quarantine: Quarantine;

  constructor(layout: RunLayout, quarantine: Quarantine) {
    this.#layout = layout;
    this.#quarantine = quarantine;
  }

  /** Reads one queue file and checks it names the worker and task its path does; quarantines it if not. */
  async read<S extends z.ZodType<Placed>>(path: string, worker: string, taskId: string, schema: S): Promise<ReadResult<z.output<S>>> {
    const read = await readJsonFile(path, schema);
    if (read.kind !== 'ok') {
      if (read.kind === 'malformed') await this.#quarantine(path, read.message);
      return read;
    }
    const misplaced =
      read.value.worker !== worker
        ? `worker ${JSON.stringify(read.value.worker)} does not match the folder ${JSON.stringify(worker)}`
        : read.value.task_id !== taskId
          ? `task_id ${JSON.stringify(read.value.task_id)} does not match the file name ${JSON.stringify(`${taskId}.json`)}`
          : undefined;
    if (misplaced === undefined) return read;
    await this.#quarantine(path, misplaced);
    return { kind: 'malformed', message: misplaced };
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

  /**
   * Judges the file at `path`, somewhere in `area`: undefined when it is no queue file (hidden,
   * an artifact, gone) or is bad, in which case it was quarantined.
   */
  async file<S extends z.ZodType<Placed>>(area: QueueArea, path: string, schema: S): Promise<QueueEntry<z.output<S>> | undefined> {
    const parts = relative(this.#layout.areaDir(area), path).split(sep);
    if (parts.length !== 2 || parts.some((part) => part === '..' || isHiddenName(part))) return undefined;
    const [worker, name] = parts as [string, string];
    if (area === 'results' && !name.endsWith('.json')) return undefined;
    if (!isQueueId(worker)) {
      await this.#quarantine(path, `the folder name ${JSON.stringify(worker)} is not a valid worker id`);
      return undefined;
    }
    const taskId = idFromFileName(name);
    if (taskId === undefined) {
      await this.#quarantine(path, `the file name ${JSON.stringify(name)} is not <task id>.json`);
      return undefined;
    }
    const mtimeMs = await modifiedAt(path);
    if (mtimeMs === undefined) return undefined;
    const read = await this.read(path, worker, taskId, schema);
    return read.kind === 'ok' ? { worker, taskId, path, value: read.value, mtimeMs } : undefined;
  }

  async #folder<S extends z.ZodType<Placed>>(area: QueueArea, dir: string, schema: S): Promise<QueueEntry<z.output<S>>[]> {
    const entries: QueueEntry<z.output<S>>[] = [];
    for (const dirent of await listDir(dir)) {
      if (dirent.isDirectory()) continue;
      const entry = await this.file(area, join(dir, dirent.name), schema);
      if (entry) entries.push(entry);
    }
    return entries;
  }
}

async function listDir(dir: string): Promise<Dirent[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    // Sorted, so scans and the quarantine notices they cause come in a stable order.
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}

/** Undefined when the file went away meanwhile: claimed or moved by someone else. */
async function modifiedAt(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}
