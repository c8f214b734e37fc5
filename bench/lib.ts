/**
 * Shared pieces of the benchmarks: the module shape `run.ts` drives, timing with medians,
 * whole-process runs with peak RSS, and machine facts for the results file.
 *
 * The machine may be shared and noisy, so no benchmark asserts an absolute time: each reports
 * ratios against a baseline measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const repoDir = dirname(benchDir);
export const resultsDir = join(benchDir, 'results');

export interface BenchOptions {
  /** Task counts to measure; each benchmark picks its own default. */
  sizes?: number[];
  /** Fewer repetitions, for trying the harness out; figures are noisier. */
  quick: boolean;
}

/** One benchmark module. `run.ts` runs each in turn; a new one only needs adding to its list. */
export interface Benchmark {
  name: string;
  description: string;
  run(options: BenchOptions): Promise<void>;
}

export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number;
  samples: number[];
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: sorted.length, samples: samples.map(round3) };
}

export function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export const cpuMethod = 'process.cpuUsage() (user + system, all threads), after a full GC and a 20 ms pause for its helper threads';

let gcFn: (() => void) | undefined;

/** A full garbage collection, so one run's garbage is not collected during the next one. */
export function gc(): void {
  if (!gcFn) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) gcFn = exposed;
    else {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    }
  }
  gcFn();
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Blocks 20 ms, so GC work left on helper threads (concurrent sweeping) is not counted in the next run. */
function settle(): void {
  Atomics.wait(pause, 0, 0, 20);
}

/** How many measured repetitions fit a time budget, given one run's time, within [min, max]. */
export function repetitions(oneRunMs: number, budgetMs: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.round(budgetMs / Math.max(oneRunMs, 0.001))));
}

export interface Timing {
  /** Wall-clock milliseconds. */
  wall: Stats;
  /**
   * This process's CPU milliseconds (user + system) over the same runs. Other processes on a
   * busy machine delay the wall clock but not this. It includes V8's GC helper threads working
   * for the operation, so it can exceed the wall time. (`process.threadCpuUsage` would leave
   * them out, but on Linux it moves in steps of about a millisecond.)
   */
  cpu: Stats;
}

/**
 * Times several operations in interleaved rounds after warm-up, so drift in machine load hits
 * all of them alike. Returns per-operation wall and CPU stats in milliseconds.
 */
export function timeInterleaved(ops: Record<string, () => unknown>, options: { warmup: number; budgetMs: number; min: number; max: number }): Record<string, Timing> {
  const names = Object.keys(ops);
  let firstRound = 0;
  for (let i = 0; i < options.warmup; i++) {
    for (const name of names) {
      gc();
      const t = performance.now();
      ops[name]!();
      if (i === options.warmup - 1) firstRound += performance.now() - t;
    }
  }
  const rounds = repetitions(firstRound, options.budgetMs, options.min, options.max);
  const wall: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    // Alternate the order, so neither operation always runs on the other's leftover heap.
    const order = r % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      gc();
      settle();
      const c = process.cpuUsage();
      const t = performance.now();
      ops[name]!();
      wall[name]!.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu[name]!.push((used.user + used.system) / 1000);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { wall: stats(wall[n]!), cpu: stats(cpu[n]!) }]));
}

export interface ProcessRun {
  wallMs: number;
  /** User + system CPU of the child, in ms (10 ms resolution); NaN without GNU time. */
  cpuMs: number;
  /** Peak resident set size of the child, in bytes. */
  maxRssBytes: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

const gnuTime = '/usr/bin/time';
const hasGnuTime = existsSync(gnuTime) && spawnSync(gnuTime, ['-f', '%M', 'true']).status === 0;
// Without GNU time, a preloaded module reports the child's own peak RSS as it exits.
const rssMarker = '__bench_maxrss=';
const rssPreload = `data:text/javascript,${encodeURIComponent(
  `process.on('exit', () => { const r = process.resourceUsage(); process.stderr.write('\\n${rssMarker}' + [r.maxRSS, r.userCPUTime / 1e6, r.systemCPUTime / 1e6].join(' ') + '\\n'); });`,
)}`;

export const rssMethod = hasGnuTime ? `${gnuTime} -f '%M %U %S'` : 'preloaded process.resourceUsage().maxRSS';

/** Runs `node ARGS` as a whole process: wall time from spawn to exit, and its peak RSS. */
export function runNode(args: string[], cwd = repoDir): ProcessRun {
  const [command, argv] = hasGnuTime ? [gnuTime, ['-f', `${rssMarker}%M %U %S`, process.execPath, ...args]] : [process.execPath, [`--import=${rssPreload}`, ...args]];
  const t = performance.now();
  const child = spawnSync(command, argv, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = performance.now() - t;
  const stderr = child.stderr ?? '';
  const at = stderr.lastIndexOf(rssMarker);
  const [kb, user, system] = at < 0 ? [NaN] : stderr.slice(at + rssMarker.length).trim().split(/\s+/).map(Number);
  const cpuMs = user !== undefined && system !== undefined ? (user + system) * 1000 : NaN;
  return { wallMs, cpuMs, maxRssBytes: kb! * 1024, status: child.status, stdout: child.stdout ?? '', stderr: at < 0 ? stderr : stderr.slice(0, at).trimEnd() };
}

export function machineInfo(): Record<string, unknown> {
  const list = cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    cpus: list.length,
    cpuModel: list[0]?.model ?? 'unknown',
    totalMemoryMB: Math.round(totalmem() / 2 ** 20),
    freeMemoryMB: Math.round(freemem() / 2 ** 20),
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    date: new Date().toISOString(),
  };
}

export function writeResults(name: string, data: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}.json`);
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n');
  return path;
}

/** A plain text table: first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
export const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
export const ratio = (n: number) => `${n.toFixed(2)}×`;
