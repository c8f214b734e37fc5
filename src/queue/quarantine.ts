import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { moveFile, writeJsonAtomic } from './atomic.ts';
import type { RunLayout } from './layout.ts';

/** A bad file moved out of the queue: what it was, why, and where it went. */
export interface QuarantineNotice {
  /** The file's path before it was moved. */
  path: string;
  reason: string;
  /** Where it is now; `<movedTo>.reason.json` beside it holds the reason. */
  movedTo: string;
}

/**
 * Moves a bad file to `quarantine/`, keeping its place in the queue as the path below it,
 * and writes the reason beside it. Returns undefined when another process moved the file
 * first, so only one of them reports it.
 */
export async function quarantineFile(layout: RunLayout, path: string, reason: string, now: number): Promise<QuarantineNotice | undefined> {
  const place = relative(layout.root, path);
  const base = join(layout.quarantineDir, place.startsWith('..') ? 'outside' : place);
  await mkdir(dirname(base), { recursive: true });
  let target = base;
  // A file quarantined before at the same place keeps its copy: number the newcomer.
  for (let n = 1; existsSync(target) || existsSync(`${target}.reason.json`); n++) target = `${base}.${n}`;
  if (!(await moveFile(path, target))) return undefined;
  await writeJsonAtomic(`${target}.reason.json`, { path: place, reason, quarantined_at: new Date(now).toISOString() });
  return { path, reason, movedTo: target };
}
