import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, type CompileResult } from '../../src/compiler/compile.ts';
import { memoryHost } from '../../src/compiler/file-loader.ts';
import { nodeHost } from '../../src/compiler/node-host.ts';
import type { Plan } from '../../src/compiler/plan-schema.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Compiles source text as `test.swarm`, with extra files available relative to it. */
export function compileText(text: string, files: Record<string, string> = {}): CompileResult {
  return compile(text, 'test.swarm', memoryHost(files));
}

/** The plan of source text that must compile; throws with the diagnostics when it does not. */
export function planFrom(text: string, files: Record<string, string> = {}): Plan {
  const result = compileText(text, files);
  if (result.plan === undefined) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return result.plan;
}

/** Compiles a file of the repository, named relative to the repository root. */
export function compileRepoFile(path: string): CompileResult {
  const host = { readFile: (p: string) => nodeHost.readFile(repoRoot + p) };
  return compile(readFileSync(repoRoot + path, 'utf8'), path, host);
}

export function codes(result: CompileResult): string[] {
  return result.diagnostics.map((d) => d.code);
}
