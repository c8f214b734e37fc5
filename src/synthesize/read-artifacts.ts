import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { errorCode } from '../queue/atomic.ts';

/** One upstream artifact as a synthesis reads it. */
export interface ArtifactText {
  /** Absolute, as the upstream named it (relative ones joined to the run directory). */
  path: string;
  /** The file's text, at most `maxBytes` of it; undefined when it was refused or skipped (see `note`). */
  text: string | undefined;
  /** The file's size on disk; 0 when it was never opened. */
  bytes: number;
  /** Why `text` is missing, or shorter than the file. */
  note?: string;
}

export interface ReadArtifactsOptions {
  paths: readonly string[];
  /** Relative paths are taken from here, and files inside it may be read. */
  runDir: string;
  /** Other directories files may be read from: the workflow's workspaces. */
  roots?: readonly string[];
  /**
   * The most of one file read into memory; the request cuts far shorter anyway.
   * @default 262144 (256 KiB)
   */
  maxBytes?: number;
}

export const defaultMaxArtifactBytes = 256 * 1024;

/**
 * Reads upstream artifacts for a synthesis, refusing what it must not show the model: files
 * outside the run directory and the workspaces (symlinks followed, so a link cannot lead out),
 * anything but a regular file, and binary files. Each refusal is a note, never a throw; the
 * same file named twice is read once. Order is kept.
 */
export async function readArtifacts(options: ReadArtifactsOptions): Promise<ArtifactText[]> {
  const maxBytes = options.maxBytes ?? defaultMaxArtifactBytes;
  if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new TypeError(`Expected \`maxBytes\` to be an integer >= 1, got ${maxBytes}`);
  const given = [options.runDir, ...(options.roots ?? [])].map((r) => resolve(r));
  const real = await Promise.all(given.map((r) => realpath(r).catch(() => r)));
  const seen = new Set<string>();
  const out: ArtifactText[] = [];
  for (const raw of options.paths) {
    if (raw.trim() === '') continue;
    const path = resolve(options.runDir, raw);
    if (seen.has(path)) continue;
    seen.add(path);
    out.push(await readOne(path, given, real, maxBytes));
  }
  return out;
}

async function readOne(path: string, given: string[], real: string[], maxBytes: number): Promise<ArtifactText> {
  const refuse = (note: string, bytes = 0): ArtifactText => ({ path, text: undefined, bytes, note });
  if (!insideAny(path, [...given, ...real])) return refuse('outside the run directory and the workspaces: not read');
  let target: string;
  try {
    target = await realpath(path);
  } catch (error) {
    const code = errorCode(error);
    return refuse(code === 'ENOENT' || code === 'ENOTDIR' ? 'missing: the file does not exist' : `cannot be read (${code ?? String(error)})`);
  }
  if (!insideAny(target, real)) return refuse('a symlink that leads outside the run directory and the workspaces: not read');
  let handle;
  try {
    // No-follow: the checked target cannot be swapped for a link; non-blocking: a FIFO cannot stall the run.
    handle = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return refuse(`cannot be read (${errorCode(error) ?? String(error)})`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return refuse('not a regular file: not read');
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const bytes = buffer.subarray(0, bytesRead);
    const text = decodeText(bytes);
    if (text === undefined) return refuse('binary, not text: not included', stat.size);
    return { path, text, bytes: stat.size, ...(stat.size > bytesRead && { note: `only the first ${bytesRead} of ${stat.size} bytes were read` }) };
  } finally {
    await handle.close();
  }
}

/** UTF-8 text, or undefined for binary: a NUL byte or an invalid sequence (a sequence cut at the end is dropped). */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    // `stream` leaves a multi-byte character cut by the read limit pending instead of failing on it.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
}

function insideAny(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const rel = relative(root, path);
    return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
  });
}
