import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export interface ArtifactCheck {
  /** Absolute paths of the artifacts that exist and stay inside an allowed directory. */
  artifacts: string[];
  /** Declared outputs the task did not produce. */
  missing: string[];
  /** Paths that point outside the task's directories: absolute, `..`, or through a symlink. */
  escaping: string[];
}

/**
 * Checks what a task says it produced. Declared outputs must exist; every path, declared or
 * reported, must resolve (symlinks followed) inside one of `roots`: the task's own directory
 * or its worker's writable workspace. A path that leaves them is refused, never recorded.
 */
export async function checkArtifacts(options: { cwd: string; roots: string[]; declared: readonly string[]; reported: readonly string[] }): Promise<ArtifactCheck> {
  const given = options.roots.map((r) => resolve(r));
  const real = await Promise.all(given.map((r) => realpath(r).catch(() => r)));
  const out: ArtifactCheck = { artifacts: [], missing: [], escaping: [] };
  const seen = new Set<string>();
  const consider = async (path: string, declared: boolean) => {
    if (path.trim() === '') return;
    const absolute = resolve(options.cwd, path);
    // Declared outputs are relative by the language; a reported path may be absolute if it stays inside.
    if ((declared && isAbsolute(path)) || !isInsideAny(absolute, [...given, ...real])) return void out.escaping.push(path);
    const target = await realpath(absolute).catch(() => undefined);
    if (target === undefined) {
      if (declared) out.missing.push(path);
      return;
    }
    if (!isInsideAny(target, real)) return void out.escaping.push(path);
    if (!seen.has(target)) {
      seen.add(target);
      out.artifacts.push(absolute);
    }
  };
  for (const p of options.declared) await consider(p, true);
  for (const p of options.reported) await consider(p, false);
  return out;
}

function isInsideAny(path: string, roots: string[]): boolean {
  return roots.some((root) => inside(path, root));
}

function inside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}
