/** The directories a run's requests and answers name: its run directory and the workflow's. */
export type RunPaths = Record<string, string>;

export function runPaths(runDir: string, baseDir: string): RunPaths {
  return { run_dir: runDir, base_dir: baseDir };
}

// Longest first, so a run directory inside the workflow's directory is replaced as a whole.
function ordered(paths: RunPaths): [string, string][] {
  return Object.entries(paths)
    .filter(([, path]) => path.length > 1)
    .sort((a, b) => b[1].length - a[1].length);
}

/**
 * Replaces every whole occurrence of each path in one pass (so a replacement is never replaced
 * again): not a piece of a longer name (`/a` in `/b/a.md` or in `/ab`), only the path itself
 * or the start of one under it.
 */
function replacer(pairs: [string, string][]): (text: string) => string {
  if (pairs.length === 0) return (text) => text;
  const by = new Map(pairs);
  const alternatives = pairs.map(([path]) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const pattern = new RegExp(`(?<![A-Za-z0-9._/-])(?:${alternatives})(?![A-Za-z0-9._-])`, 'g');
  return (text) => text.replace(pattern, (found) => by.get(found) ?? found);
}

/** Replaces each path with `<name>`: text that reads the same in every run. */
export function pathNormalizer(paths: RunPaths): (text: string) => string {
  return replacer(ordered(paths).map(([name, path]) => [path, `<${name}>`]));
}

/** Replaces each recorded path with this run's path of the same name; undefined when nothing needs it. */
export function pathRewriter(recorded: RunPaths | undefined, current: RunPaths | undefined): ((text: string) => string) | undefined {
  if (!recorded || !current) return undefined;
  const pairs = ordered(recorded).flatMap(([name, path]): [string, string][] => (current[name] !== undefined && current[name] !== path ? [[path, current[name]]] : []));
  return pairs.length === 0 ? undefined : replacer(pairs);
}
