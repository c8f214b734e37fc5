import { relative, sep } from 'node:path';
import { watch } from 'chokidar';
import type { Subscription } from './task-queue.ts';

export interface DirWatchOptions {
  /** How many folder levels below the watched folder hold the files wanted: 0 for its own files. */
  depth: number;
  /** Called for each file added or changed; calls run one at a time, in order. */
  onFile(path: string): Promise<void>;
  onError(error: unknown): void;
}

/**
 * Watches a folder with chokidar (native events, no polling) for files at one depth. Hidden
 * names are never reported: they are temporary files of writes in progress, or the retired
 * attempts. Folders at the wanted depth (a task's artifacts) are not entered. Resolves once
 * chokidar's initial scan is done, so files written after that are sure to be reported.
 */
export async function watchDir(dir: string, options: DirWatchOptions): Promise<Subscription> {
  const ignored = (path: string, stats?: { isDirectory(): boolean }) => {
    const parts = relative(dir, path).split(sep).filter((part) => part !== '');
    if (parts.some((part) => part.startsWith('.'))) return true;
    return parts.length > options.depth + 1 || (parts.length === options.depth + 1 && stats?.isDirectory() === true);
  };
  const watcher = watch(dir, { ignoreInitial: true, depth: options.depth, ignored });
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (path: string) => {
    chain = chain.then(() => options.onFile(path)).catch(options.onError);
  };
  watcher.on('add', enqueue);
  watcher.on('change', enqueue);
  watcher.on('error', options.onError);
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  return {
    async close() {
      await watcher.close();
      await chain;
    },
  };
}
