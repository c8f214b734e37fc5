import { dirname, isAbsolute, join, normalize } from 'node:path';

/** The compiler's one window on the file system, so compiling stays pure and testable. */
export interface CompileHost {
  /** The file's text, or why it cannot be read. */
  readFile(path: string): { text: string } | { error: 'missing' | 'directory' | 'unreadable' };
}

export type LoadResult = { ok: true; path: string; text: string } | { ok: false; path: string; error: 'missing' | 'directory' | 'unreadable' };

/**
 * Reads files named in a workflow, relative to the workflow file, once each. Every text read
 * is kept in `sources`, so diagnostics inside an agent file can show that file's lines.
 */
export class FileLoader {
  readonly sources = new Map<string, string>();
  readonly #host: CompileHost;
  readonly #base: string;
  readonly #cache = new Map<string, LoadResult>();

  constructor(host: CompileHost, workflowFile: string) {
    this.#host = host;
    this.#base = dirname(workflowFile);
  }

  /** The path as diagnostics show it: joined to the workflow's folder, normalised. */
  resolve(relative: string): string {
    return isAbsolute(relative) ? normalize(relative) : normalize(join(this.#base, relative));
  }

  load(relative: string): LoadResult {
    const path = this.resolve(relative);
    const cached = this.#cache.get(path);
    if (cached) return cached;
    const read = this.#host.readFile(path);
    const result: LoadResult = 'text' in read ? { ok: true, path, text: read.text } : { ok: false, path, error: read.error };
    if (result.ok) this.sources.set(path, result.text);
    this.#cache.set(path, result);
    return result;
  }
}

/** A host over an in-memory map: for tests and for compiling plans written by a model. */
export function memoryHost(files: Record<string, string>): CompileHost {
  return {
    readFile(path) {
      const key = normalize(path);
      return Object.hasOwn(files, key) ? { text: files[key]! } : { error: 'missing' };
    },
  };
}
