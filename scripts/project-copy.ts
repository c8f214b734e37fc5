import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './conformance-fixtures.ts';

/**
 * A scratch copy of the shipped workflows with what they read (workflows/, prompts/, agents/),
 * so a run with a writable workspace, or one whose paths must differ from the recorded ones,
 * never touches the repository. Run directories are never copied; cassettes only when asked.
 */
export function copyProject(prefix: string, options: { cassettes: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const filter = (path: string) => !path.includes('/.swarm') && (options.cassettes || !path.endsWith('.cassette.jsonl'));
  for (const part of ['workflows', 'prompts', 'agents']) cpSync(join(repoRoot, part), join(dir, part), { recursive: true, filter });
  return dir;
}
