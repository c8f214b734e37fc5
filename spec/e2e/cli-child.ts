import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import type { RunEvent } from '../../src/runtime/events.ts';
import { parseJournal } from '../../src/runtime/journal.ts';
import { repoRoot } from '../support/workspace.ts';

export interface SwarmChild {
  child: ChildProcess;
  /** Settles when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** `swarm ARGS` as a user starts it: its own process, `bin.ts` on this Node, only the environment given. */
export function spawnSwarm(args: string[], options: { cwd: string; env: Record<string, string> }): SwarmChild {
  const child = spawn(process.execPath, [join(repoRoot, 'src', 'cli', 'bin.ts'), ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited };
}

/** The events of a run's journal as they stand now; a torn last line is left out. */
export function journalEvents(runDir: string): RunEvent[] {
  const path = join(runDir, 'journal.jsonl');
  return existsSync(path) ? parseJournal(readFileSync(path), path).events : [];
}

/**
 * Resolves with the journal's events once `until` holds for them, re-reading the journal each
 * time the run directory changes; rejects if `runner` exits first. No polling interval.
 */
export function whenJournal(runDir: string, until: (events: RunEvent[]) => boolean, runner: SwarmChild): Promise<RunEvent[]> {
  mkdirSync(runDir, { recursive: true });
  return new Promise((resolve, reject) => {
    const check = () => {
      const events = journalEvents(runDir);
      if (!until(events)) return false;
      watcher.close();
      resolve(events);
      return true;
    };
    const watcher = watch(runDir, () => void check());
    if (check()) return;
    void runner.exited.then((exit) => {
      if (check()) return;
      watcher.close();
      reject(new Error(`the runner exited (${exit.code ?? exit.signal}) before the journal got there:\n${exit.stderr}`));
    });
  });
}

export function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
