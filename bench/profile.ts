/**
 * Profiles `compile` on a generated workflow and summarises where the time goes:
 *
 *   node bench/profile.ts [--tasks=10000] [--runs=3] [--top=25] [--cold] [--keep]
 *
 * By default a child compiles the workflow once to warm up, then `--runs` more times with the
 * inspector's sampling profiler on; with `--cold` it profiles one whole `src/cli/bin.ts check`
 * process instead (module loading included; `bench/check-entry.ts` while there is no CLI).
 * Prints the top functions by self time and by inclusive time, with file:line, as percentages
 * of all samples, and compile's phases. `--keep` leaves the .cpuprofile for DevTools.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import { compile } from '../src/compiler/compile.ts';
import { memoryHost } from '../src/compiler/file-loader.ts';
import { generateWorkflow } from './generate.ts';
import { benchDir, repoDir, table } from './lib.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Hotspot {
  name: string;
  where: string;
  selfMs: number;
  selfPct: number;
  totalMs: number;
  totalPct: number;
}

/** Self and inclusive time per function (name and position), recursion counted once. */
export function summarise(profile: CpuProfile): { totalMs: number; functions: Hotspot[]; files: { file: string; selfMs: number; selfPct: number }[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (f: CallFrame) => `${f.functionName || '(anonymous)'}\0${where(f)}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    // A sample's time is the gap to the next sample (the last one gets the previous gap).
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    all += dt;
    const node = byId.get(id)!;
    const k = key(node.callFrame);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const kk = key(byId.get(at)!.callFrame);
      if (seen.has(kk)) continue;
      seen.add(kk);
      total.set(kk, (total.get(kk) ?? 0) + dt);
    }
  });
  const functions = [...total.entries()].map(([k, t]): Hotspot => {
    const [name, at] = k.split('\0') as [string, string];
    const s = self.get(k) ?? 0;
    return { name, where: at, selfMs: s, selfPct: (100 * s) / all, totalMs: t, totalPct: (100 * t) / all };
  });
  const files = new Map<string, number>();
  for (const f of functions) {
    const file = f.where.replace(/:\d+$/, '') || '(native)';
    files.set(file, (files.get(file) ?? 0) + f.selfMs);
  }
  return {
    totalMs: all,
    functions,
    files: [...files.entries()].map(([file, s]) => ({ file, selfMs: s, selfPct: (100 * s) / all })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

/**
 * Splits the time spent inside `compile` by its direct callees (each phase of the compiler),
 * so a phase's share can be compared across sizes: a growing share is a non-linear phase.
 */
export function phases(profile: CpuProfile, root = 'compile', file = 'src/compiler/compile.ts'): { phase: string; ms: number; pct: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isRoot = (n: ProfileNode) => n.callFrame.functionName === root && where(n.callFrame).startsWith(file);
  const time = new Map<string, number>();
  let inside = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    // Walk up to the root; the frame just below it names the phase.
    let below: ProfileNode | undefined;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      if (isRoot(node)) {
        const phase = below ? `${below.callFrame.functionName || '(anonymous)'} ${where(below.callFrame)}` : `${root} (self)`;
        time.set(phase, (time.get(phase) ?? 0) + dt);
        inside += dt;
        return;
      }
      below = node;
    }
  });
  return [...time.entries()].map(([phase, t]) => ({ phase, ms: t, pct: (100 * t) / inside })).sort((a, b) => b.ms - a.ms);
}

function where(f: CallFrame): string {
  if (!f.url) return '';
  const path = f.url.startsWith('file://') ? relative(repoDir, new URL(f.url).pathname) : f.url;
  return `${path}:${f.lineNumber + 1}`;
}

function option(args: string[], name: string, fallback: number): number {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : fallback;
}

async function main(args: string[]): Promise<void> {
  // In the child: compile once to warm up, then profile the measured runs only.
  if (args[0] === '--child') {
    const [, file, runs, out] = args;
    const text = readFileSync(file!, 'utf8');
    compile(text, file!, memoryHost({}), { plan: false });
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    for (let i = 0; i < Number(runs); i++) compile(text, file!, memoryHost({}), { plan: false });
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(out!, JSON.stringify(profile));
    session.disconnect();
    return;
  }
  const tasks = option(args, 'tasks', 10_000);
  const runs = option(args, 'runs', 3);
  const top = option(args, 'top', 25);
  const cold = args.includes('--cold');
  const dir = mkdtempSync(join(tmpdir(), 'swarm-bench-profile-'));
  try {
    const file = join(dir, `generated-${tasks}.swarm`);
    writeFileSync(file, generateWorkflow({ tasks, seed: 42 }).swarm);
    const out = join(dir, 'warm.cpuprofile');
    const cli = join(repoDir, 'src/cli/bin.ts');
    const argv = cold
      ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200', ...(existsSync(cli) ? [cli, 'check', file] : [join(benchDir, 'check-entry.ts'), file])]
      : [join(benchDir, 'profile.ts'), '--child', file, String(runs), out];
    const child = spawnSync(process.execPath, argv, { cwd: repoDir, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`profiled process exited ${child.status}: ${child.stderr}`);
    const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
    const profile = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile;
    const { totalMs, functions, files } = summarise(profile);
    const pct = (n: number) => `${n.toFixed(1)}%`;
    const fmt = (n: number) => n.toFixed(0);
    console.log(`${cold ? 'one whole check process' : `${runs} warm compile() runs`} of ${tasks} tasks: ${fmt(totalMs)} ms sampled${cold ? '' : ` (${fmt(totalMs / runs)} ms a run)`}\n`);
    console.log('Top functions by self time');
    const bySelf = [...functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
    console.log(table(['function', 'where', 'self ms', 'self %', 'total %'], bySelf.map((f) => [f.name, f.where || '(native)', fmt(f.selfMs), pct(f.selfPct), pct(f.totalPct)])));
    console.log('\nTop functions of src/ by inclusive time');
    const ours = functions.filter((f) => f.where.startsWith('src/')).sort((a, b) => b.totalMs - a.totalMs).slice(0, top);
    console.log(table(['function', 'where', 'total ms', 'total %', 'self %'], ours.map((f) => [f.name, f.where, fmt(f.totalMs), pct(f.totalPct), pct(f.selfPct)])));
    console.log(`\nPhases of compile() (inclusive, per run${cold ? '' : ` of ${runs}`}; share of compile's time)`);
    const per = cold ? 1 : runs;
    console.log(table(['callee of compile', 'ms a run', 'share'], phases(profile).slice(0, top).map((p) => [p.phase, fmt(p.ms / per), pct(p.pct)])));
    console.log('\nSelf time by file');
    console.log(table(['file', 'self ms', 'self %'], files.slice(0, top).map((f) => [f.file, fmt(f.selfMs), pct(f.selfPct)])));
    if (args.includes('--keep')) {
      const kept = join(benchDir, 'results', `check-${tasks}${cold ? '-cold' : ''}.cpuprofile`);
      writeFileSync(kept, JSON.stringify(profile));
      console.log(`\nkept ${relative(process.cwd(), kept)} (open in Chrome DevTools → Performance)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main(process.argv.slice(2));
