import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { compile, type CompileOptions, type CompileResult } from '../compiler/compile.ts';
import type { CompileHost } from '../compiler/file-loader.ts';
import { nodeHost } from '../compiler/node-host.ts';
import { UsageError, type Io } from './io.ts';

/** Reads a workflow named on the command line; a missing file is the user's mistake, not a bug. */
export async function readWorkflow(io: Io, path: string): Promise<{ display: string; text: string }> {
  const absolute = isAbsolute(path) ? path : join(io.cwd, path);
  const display = isAbsolute(path) ? path : relative(io.cwd, absolute) || path;
  try {
    return { display, text: await readFile(absolute, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String((error as Error).message);
    throw new UsageError(`cannot read ${path}: ${reason}`);
  }
}

/** Reads files relative to the command's working directory, as the user named them. */
export function cwdHost(io: Io): CompileHost {
  return { readFile: (path) => nodeHost.readFile(isAbsolute(path) ? path : join(io.cwd, path)) };
}

export async function compileWorkflow(io: Io, path: string, options: CompileOptions = {}): Promise<CompileResult> {
  const { display, text } = await readWorkflow(io, path);
  return compile(text, display, cwdHost(io), options);
}

/**
 * The files a command line names: a directory stands for every `.swarm` file beneath it, so
 * `swarm check workflows` works where a shell glob would not (Windows, quoted arguments).
 */
export async function expandWorkflowPaths(io: Io, paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const absolute = isAbsolute(path) ? path : join(io.cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info?.isDirectory()) {
      out.push(path);
      continue;
    }
    const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
    const found = entries
      .filter((e) => e.isFile() && e.name.endsWith('.swarm') && !/(^|[\\/])(node_modules|\.swarm)([\\/]|$)/.test(e.parentPath))
      .map((e) => join(path, relative(absolute, join(e.parentPath, e.name))))
      .sort();
    if (found.length === 0) throw new UsageError(`no .swarm files in ${path}`);
    out.push(...found);
  }
  return out;
}
