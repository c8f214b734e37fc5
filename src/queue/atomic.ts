import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';

/** What reading a file gave: never an exception for a missing or bad file. */
export type ReadResult<T> = { kind: 'ok'; value: T } | { kind: 'missing' } | { kind: 'malformed'; message: string };

/**
 * Temporary files of in-flight writes are hidden (`.` first) and end in `.tmp`. Every reader
 * of the queue skips hidden names, so a half-written file is never picked up or quarantined.
 */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

/** A fresh temporary name beside `path`, unique to this process and this call. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

export interface AtomicWriteOptions {
  /** Leave an existing `path` alone and return false. */
  exclusive?: boolean;
  /**
   * fsync before the rename, so the file survives the machine going down, not only the
   * process. Off for what a crash of the machine makes worthless anyway, such as a lease.
   * @default true
   */
  durable?: boolean;
}

/**
 * Writes `text` under a temporary name in the same directory, fsyncs it, then moves it to
 * `path` in one step, so `path` holds either the old content or the whole new one.
 */
export async function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions = {}): Promise<boolean> {
  const temp = tempPathFor(path);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text);
    if (options.durable !== false) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (!options.exclusive) {
      await rename(temp, path);
      return true;
    }
    // link() fails on an existing name where rename() would replace it: an atomic create.
    await link(temp, path);
    await unlink(temp);
    return true;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (options.exclusive && errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

export function writeJsonAtomic(path: string, value: unknown, options: AtomicWriteOptions = {}): Promise<boolean> {
  return writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n', options);
}

/** Reads a JSON file and validates it; a missing, unreadable, non-JSON or invalid file is a result, not a throw. */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<ReadResult<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'EISDIR') return { kind: 'malformed', message: 'is a directory, not a file' };
    return { kind: 'malformed', message: `cannot be read (${code ?? String(error)})` };
  }
  return parseJsonText(text, schema);
}

export function parseJsonText<S extends z.ZodType>(text: string, schema: S): ReadResult<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'malformed', message: `not valid JSON: ${(error as Error).message}` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { kind: 'ok', value: parsed.data };
  return { kind: 'malformed', message: describeIssues(parsed.error.issues) };
}

/** One line per problem, each naming the field: readable in a quarantine note or a log. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(the whole file)'}: ${issue.message}`).join('; ');
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Removes a file; true when this call removed it, false when it was already gone. */
export async function removeFile(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Renames a file; true when this call moved it, false when someone else moved it first. */
export async function moveFile(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}
