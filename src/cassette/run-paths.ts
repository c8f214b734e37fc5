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

/** Replaces each path with `<name>`: text that reads the same in every run. */
export function pathNormalizer(paths: RunPaths): (text: string) => string {
  const order = ordered(paths);
  return (text) => order.reduce((t, [name, path]) => t.split(path).join(`<${name}>`), text);
}

/** Replaces each recorded path with this run's path of the same name; undefined when nothing needs it. */
export function pathRewriter(recorded: RunPaths | undefined, current: RunPaths | undefined): ((text: string) => string) | undefined {
  if (!recorded || !current) return undefined;
  const order = ordered(recorded).filter(([name, path]) => current[name] !== undefined && current[name] !== path);
  if (order.length === 0) return undefined;
  return (text) => order.reduce((t, [name, path]) => t.split(path).join(current[name]!), text);
}
