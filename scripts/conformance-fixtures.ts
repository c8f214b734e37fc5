import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type CompileResult } from '../src/compiler/compile.ts';
import type { CompileHost } from '../src/compiler/file-loader.ts';
import { nodeHost } from '../src/compiler/node-host.ts';
import { locateDiagnostics } from '../src/diagnostics/locate.ts';

/**
 * The conformance suite's shared parts: where fixtures live, how one is compiled and how its
 * diagnostics are written as `.out` lines. The test, `update-fixtures` and the language
 * reference all go through here, so they can never disagree about a fixture's output.
 */

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const conformanceDir = 'spec/conformance';

/** Reads paths relative to the repository root, so diagnostics name files the same from any cwd. */
export const repoHost: CompileHost = {
  readFile: (path) => nodeHost.readFile(isAbsolute(path) ? path : join(repoRoot, path)),
};

/** The `.swarm` (or other) files of `ok/` or `err/`, as sorted repo-relative paths. */
export function fixtures(kind: 'ok' | 'err', extension = '.swarm'): string[] {
  const dir = `${conformanceDir}/${kind}`;
  return readdirSync(join(repoRoot, dir))
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => `${dir}/${name}`);
}

/** The `.swarm` files under `workflows/`, as sorted repo-relative paths. */
export function shippedWorkflows(): string[] {
  return swarmFilesIn('workflows');
}

/** The workflow files directly in a repo folder; `.swarm/`, where runs go, is a folder, not one. */
export function swarmFilesIn(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.swarm'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => `${dir}/${name}`);
}

export function readRepoFile(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8');
}

/** Compiles a repo-relative `.swarm` file the way `swarm check` does from the repository root. */
export function compileFixture(path: string): CompileResult {
  return compile(readRepoFile(path), path, repoHost);
}

/** `<file>:<line>:<col>-<endLine>:<endCol> <severity> <code> <message>`, one per diagnostic. */
export function diagnosticLines(result: CompileResult): string[] {
  return locateDiagnostics(result.diagnostics, result.sources).map(
    (d) => `${toRepoPath(d.file)}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code} ${d.message}`,
  );
}

/** The text an `.out` file holds: its lines, each ending in a newline. */
export function outText(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

export function outPath(swarmPath: string): string {
  return swarmPath.replace(/\.swarm$/, '.out');
}

/** The rule code a fixture is named for: `SW0301` for `err/SW0301-dependency-cycle-self.swarm`. */
export function fixtureCode(path: string): string | undefined {
  return /\/(SW\d{4})-[^/]*\.swarm$/.exec(path)?.[1];
}

function toRepoPath(file: string): string {
  return isAbsolute(file) ? relative(repoRoot, file) : file;
}
