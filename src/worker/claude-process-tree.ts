import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * The variable that marks every process of one CLI run. Claude Code starts each Bash command
 * in a session of its own, so neither the CLI's process group nor (once the CLI has exited and
 * its children were re-parented) the parent links reach them; the inherited environment does.
 */
export const treeMarkerName = 'SWARM_CLAUDE_RUN';

interface ProcessInfo {
  pid: number;
  state: string;
  pgrp: number;
  /** Clock ticks after boot the process started at. */
  startTicks: number;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name, which is in parentheses and may hold spaces: state ppid pgrp …,
    // the start time being the 22nd field of the whole line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, state: fields[0] ?? '', pgrp: Number(fields[2]), startTicks: Number(fields[19]) };
  } catch {
    return undefined; // Exited while we looked.
  }
}

/** When a process started, as a bound for `treeMembers`; undefined without /proc. */
export function startTicksOf(pid: number): number | undefined {
  return readProcess(pid)?.startTicks;
}

/** Whether a process exists and is not a zombie. */
export function isRunning(pid: number): boolean {
  const info = readProcess(pid);
  if (info) return info.state !== 'Z' && info.state !== 'X';
  try {
    process.kill(pid, 0);
    return !existsSync('/proc/self');
  } catch {
    return false;
  }
}

function hasMarker(pid: number, marker: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(marker);
  } catch {
    return false;
  }
}

/**
 * The pids still running that belong to a run: in its process group, or carrying its marker
 * (`NAME=value`). Zombies do not count: where PID 1 does not reap orphans (as on these
 * machines) they stay listed, but run nothing. Without /proc, only the group can be seen.
 * `notBefore` (the CLI's own start, from `startTicksOf`) skips the environment of every
 * process started earlier, which cannot be the run's: that is nearly all of them, and reading
 * each one's environment is most of a scan's cost.
 */
export function treeMembers(pgid: number, marker: string, notBefore?: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  const live: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const info = readProcess(Number(entry));
    if (!info || info.state === 'Z' || info.state === 'X') continue;
    if (info.pgrp === pgid || ((notBefore === undefined || info.startTicks >= notBefore) && hasMarker(info.pid, marker))) live.push(info.pid);
  }
  return live;
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Signals the run's process group and every process carrying its marker. */
export function signalTree(pgid: number, marker: string, signal: NodeJS.Signals, notBefore?: number): void {
  kill(-pgid, signal);
  for (const pid of treeMembers(pgid, marker, notBefore)) kill(pid, signal);
}

/**
 * Kills what is left of a run and waits until none of it runs. SIGKILL cannot be refused, but
 * the kernel ends a process only when it is next scheduled: waiting makes "the tree is gone"
 * true when the caller is told so. Bounded, since a process in uninterruptible sleep can
 * outlast any wait; returns the pids still running then (normally none).
 */
export async function reapTree(pgid: number, marker: string, limitMs = 2_000, notBefore?: number): Promise<number[]> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const live = treeMembers(pgid, marker, notBefore);
    if (live.length === 0 || Date.now() > deadline) return live;
    for (const pid of live) kill(pid, 'SIGKILL');
    kill(-pgid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
