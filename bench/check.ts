/**
 * `swarm check` on generated workflows of 100, 1,000 and 10,000 tasks, against js-yaml parsing
 * the same content written as YAML: in-process time, whole-process time and peak memory.
 *
 * Targets (from the issue): checking 10,000 tasks in at most 1× js-yaml's bare parse of the same
 * content, and cost growing linearly: 10× the tasks in at most 12× the time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { compile } from '../src/compiler/compile.ts';
import { memoryHost } from '../src/compiler/file-loader.ts';
import type { Plan } from '../src/compiler/plan-schema.ts';
import { parseCst } from '../src/language/parser.ts';
import { generateWorkflow } from './generate.ts';
import {
  benchDir,
  machineInfo,
  mb,
  ms,
  ratio,
  repoDir,
  cpuMethod,
  rssMethod,
  runNode,
  stats,
  table,
  timeInterleaved,
  writeResults,
  type Benchmark,
  type BenchOptions,
  type Stats,
  type Timing,
} from './lib.ts';

export const defaultSizes = [100, 1_000, 10_000];
const seed = 42;
const targetRatio = 1;
const targetGrowth = 12;

interface Case {
  tasks: number;
  workers: number;
  swarmPath: string;
  yamlPath: string;
  swarm: string;
  yaml: string;
  warnings: number;
}

interface SizeResult {
  tasks: number;
  workers: number;
  swarmBytes: number;
  yamlBytes: number;
  warnings: number;
  /** `parser`: Chevrotain's lexer and CST parser alone, the floor under any check built on them. */
  inProcess: { check: Timing; yaml: Timing; parser: Timing; ratio: number; cpuRatio: number; pairedRatio: number; parserRatio: number };
  wholeProcess: { check: Timing; yaml: Timing; ratio: number; cpuRatio: number; checkPeakRssBytes: number; yamlPeakRssBytes: number; rssRatio: number };
  memory: { check: MemoryProbe; yaml: MemoryProbe; peakGrowthRatio: number };
}

interface MemoryProbe {
  coldMs: number;
  rssBefore: number;
  peakRss: number;
  peakRssGrowth: number;
  retainedHeap: number;
}

export const checkBenchmark: Benchmark = {
  name: 'check',
  description: 'swarm check vs js-yaml on generated workflows of 100, 1k and 10k tasks',
  run,
};

async function run(options: BenchOptions): Promise<void> {
  const sizes = options.sizes ?? defaultSizes;
  const machine = machineInfo();
  const dir = mkdtempSync(join(tmpdir(), 'swarm-bench-check-'));
  try {
    const cases = sizes.map((tasks) => prepare(tasks, dir));
    const command = checkCommand(cases[0]!);
    log(`check command: node ${command.describe}${command.note ? ` (${command.note})` : ''}`);
    log(`peak RSS of whole processes: ${rssMethod}`);

    const startup = stats(Array.from({ length: options.quick ? 3 : 7 }, () => runNode(['-e', '0']).wallMs));
    log(`node startup (node -e 0): ${ms(startup.median)} ms`);

    const results: SizeResult[] = [];
    for (const c of cases) {
      log(`\n${c.tasks} tasks, ${c.workers} workers: ${kb(c.swarm.length)} .swarm, ${kb(c.yaml.length)} .yaml`);
      results.push(measure(c, command.args, options));
    }
    const report = buildReport(results, startup, command, options, { ...machine, loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100) });
    print(report, results, startup);
    const path = writeResults('check', report);
    log(`\nwrote ${relative(process.cwd(), path)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Generates one size, writes both files, and checks the pair before anything is timed. */
function prepare(tasks: number, dir: string): Case {
  const { swarm, yaml } = generateWorkflow({ tasks, seed });
  const swarmPath = join(dir, `generated-${tasks}.swarm`);
  const yamlPath = join(dir, `generated-${tasks}.yaml`);
  writeFileSync(swarmPath, swarm);
  writeFileSync(yamlPath, yaml);

  const result = compile(swarm, swarmPath, memoryHost({}));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.plan) {
    const first = errors.slice(0, 5).map((d) => `  ${d.code} ${d.message}`).join('\n');
    throw new Error(`the generated ${tasks}-task workflow does not check clean (${errors.length} errors):\n${first}`);
  }
  assertSameContent(result.plan, load(yaml) as YamlDoc, tasks);
  const workers = result.plan.workers.length;
  return { tasks, workers, swarmPath, yamlPath, swarm, yaml, warnings: result.diagnostics.length - errors.length };
}

interface YamlDoc {
  tasks: Record<string, { worker: string; after?: string[]; prompt: string; outputs: string[] }>;
  workers: Record<string, unknown>;
}

/** The two files must hold the same workflow, or the comparison means nothing. */
function assertSameContent(plan: Plan, doc: YamlDoc, tasks: number): void {
  const fail = (why: string) => {
    throw new Error(`the generated ${tasks}-task .swarm and .yaml differ: ${why}`);
  };
  const yamlTasks = Object.entries(doc.tasks);
  if (plan.nodes.length !== tasks || yamlTasks.length !== tasks) fail(`${plan.nodes.length} nodes in the plan, ${yamlTasks.length} tasks in the YAML`);
  if (plan.workers.length !== Object.keys(doc.workers).length) fail('worker counts');
  plan.nodes.forEach((node, i) => {
    const [name, task] = yamlTasks[i]!;
    if (node.id !== name) fail(`task ${i} is ${node.id} vs ${name}`);
    const text = node.prompt.map((p) => ('text' in p ? p.text : 'input' in p ? `\${${p.input}}` : `\${${p.node}.${p.field}}`)).join('');
    if (text !== task.prompt) fail(`the prompt of ${name}`);
    if (node.after.join() !== (task.after ?? []).join()) fail(`the after list of ${name}`);
    if (node.kind !== 'task' || node.worker !== task.worker || node.outputs.join() !== task.outputs.join()) fail(`the worker or outputs of ${name}`);
  });
}

interface CheckCommand {
  args: (file: string) => string[];
  describe: string;
  note?: string;
}

/** The real CLI when it checks a clean file cleanly; otherwise the stand-in entry point. */
function checkCommand(probe: Case): CheckCommand {
  const cli = join(repoDir, 'src/cli/bin.ts');
  const fallback: CheckCommand = { args: (f) => [join(benchDir, 'check-entry.ts'), f], describe: 'bench/check-entry.ts FILE' };
  if (!existsSync(cli)) return { ...fallback, note: 'src/cli/bin.ts does not exist yet' };
  const tried = spawnSync(process.execPath, [cli, 'check', probe.swarmPath], { cwd: repoDir, encoding: 'utf8' });
  if (tried.status === 0) return { args: (f) => [cli, 'check', f], describe: 'src/cli/bin.ts check FILE' };
  const why = (tried.stderr || tried.stdout).split('\n').find((l) => /error/i.test(l))?.trim() ?? `exit ${tried.status}`;
  return { ...fallback, note: `src/cli/bin.ts check exited ${tried.status} on a clean file: ${why.slice(0, 160)}` };
}

function measure(c: Case, checkArgs: (file: string) => string[], options: BenchOptions): SizeResult {
  const budget = options.quick ? 1_000 : 4_000;

  // In-process: compile and a bare YAML parse, interleaved, median after warm-up.
  const inProcess = timeInterleaved(
    { check: () => compile(c.swarm, c.swarmPath, memoryHost({}), { plan: false }), yaml: () => load(c.yaml), parser: () => parseCst(c.swarm) },
    { warmup: c.tasks >= 10_000 ? 1 : 3, budgetMs: budget, min: options.quick ? 3 : 5, max: options.quick ? 10 : 40 },
  );
  log(`  in-process   check ${ms(inProcess.check!.wall.median)} ms (CPU ${ms(inProcess.check!.cpu.median)}), yaml ${ms(inProcess.yaml!.wall.median)} ms (CPU ${ms(inProcess.yaml!.cpu.median)}), Chevrotain lex+parse ${ms(inProcess.parser!.wall.median)} ms (${inProcess.check!.wall.runs} runs)`);

  // Whole processes: spawn, interleaved, median wall time and peak RSS.
  const runs = { check: [] as number[], yaml: [] as number[], checkCpu: [] as number[], yamlCpu: [] as number[], checkRss: [] as number[], yamlRss: [] as number[] };
  const first = runNode(checkArgs(c.swarmPath));
  if (first.status !== 0) throw new Error(`check exited ${first.status} on the generated ${c.tasks}-task workflow:\n${first.stdout}${first.stderr}`);
  const firstYaml = runNode([join(benchDir, 'yaml-entry.ts'), c.yamlPath]);
  if (firstYaml.status !== 0) throw new Error(`yaml-entry exited ${firstYaml.status}:\n${firstYaml.stderr}`);
  const rounds = Math.max(options.quick ? 2 : 5, Math.min(options.quick ? 3 : 15, Math.round((budget * 1.5) / (first.wallMs + firstYaml.wallMs))));
  for (let r = 0; r < rounds; r++) {
    for (const op of r % 2 === 0 ? (['check', 'yaml'] as const) : (['yaml', 'check'] as const)) {
      const p = op === 'check' ? runNode(checkArgs(c.swarmPath)) : runNode([join(benchDir, 'yaml-entry.ts'), c.yamlPath]);
      if (p.status !== 0) throw new Error(`${op} process exited ${p.status}: ${p.stderr.slice(0, 500)}`);
      runs[op].push(p.wallMs);
      runs[op === 'check' ? 'checkCpu' : 'yamlCpu'].push(p.cpuMs);
      runs[op === 'check' ? 'checkRss' : 'yamlRss'].push(p.maxRssBytes);
    }
  }
  const whole = { check: { wall: stats(runs.check), cpu: stats(runs.checkCpu) }, yaml: { wall: stats(runs.yaml), cpu: stats(runs.yamlCpu) } };
  const checkRss = stats(runs.checkRss).median;
  const yamlRss = stats(runs.yamlRss).median;
  log(`  whole process check ${ms(whole.check.wall.median)} ms / ${mb(checkRss)} MB, yaml ${ms(whole.yaml.wall.median)} ms / ${mb(yamlRss)} MB (${rounds} runs)`);

  // In-process memory: each operation once in a fresh process, peak RSS growth while it runs.
  const check = probeMemory('check', c.swarmPath);
  const yaml = probeMemory('yaml', c.yamlPath);
  log(`  memory       check +${mb(check.peakRssGrowth)} MB peak, yaml +${mb(yaml.peakRssGrowth)} MB peak`);

  const paired = inProcess.check!.wall.samples.map((t, i) => t / inProcess.yaml!.wall.samples[i]!);
  return {
    tasks: c.tasks,
    workers: c.workers,
    swarmBytes: Buffer.byteLength(c.swarm),
    yamlBytes: Buffer.byteLength(c.yaml),
    warnings: c.warnings,
    inProcess: {
      check: inProcess.check!,
      yaml: inProcess.yaml!,
      parser: inProcess.parser!,
      parserRatio: inProcess.parser!.wall.median / inProcess.yaml!.wall.median,
      ratio: inProcess.check!.wall.median / inProcess.yaml!.wall.median,
      cpuRatio: inProcess.check!.cpu.median / inProcess.yaml!.cpu.median,
      pairedRatio: stats(paired).median,
    },
    wholeProcess: { ...whole, ratio: whole.check.wall.median / whole.yaml.wall.median, cpuRatio: whole.check.cpu.median / whole.yaml.cpu.median, checkPeakRssBytes: checkRss, yamlPeakRssBytes: yamlRss, rssRatio: checkRss / yamlRss },
    memory: { check, yaml, peakGrowthRatio: check.peakRssGrowth / yaml.peakRssGrowth },
  };
}

function probeMemory(op: 'check' | 'yaml', file: string): MemoryProbe {
  const child = spawnSync(process.execPath, ['--expose-gc', join(benchDir, 'mem-child.ts'), op, file], { cwd: repoDir, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (child.status !== 0) throw new Error(`mem-child ${op} exited ${child.status}: ${child.stderr.slice(0, 500)}`);
  const { coldMs, rssBefore, peakRss, peakRssGrowth, retainedHeap } = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as MemoryProbe;
  return { coldMs, rssBefore, peakRss, peakRssGrowth, retainedHeap };
}

function growth(results: SizeResult[], pick: (r: SizeResult) => number): { from: number; to: number; tasksFactor: number; timeFactor: number }[] {
  const out = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1]!;
    const b = results[i]!;
    out.push({ from: a.tasks, to: b.tasks, tasksFactor: b.tasks / a.tasks, timeFactor: pick(b) / pick(a) });
  }
  return out;
}

function buildReport(results: SizeResult[], startup: Stats, command: CheckCommand, options: BenchOptions, machine: Record<string, unknown>) {
  const scaling = {
    checkInProcess: growth(results, (r) => r.inProcess.check.wall.median),
    checkInProcessCpu: growth(results, (r) => r.inProcess.check.cpu.median),
    yamlInProcess: growth(results, (r) => r.inProcess.yaml.wall.median),
    checkWholeProcess: growth(results, (r) => r.wholeProcess.check.wall.median),
    yamlWholeProcess: growth(results, (r) => r.wholeProcess.yaml.wall.median),
    checkPeakRssGrowth: growth(results, (r) => r.memory.check.peakRssGrowth),
  };
  const largest = results.at(-1)!;
  const targets = {
    ratio: {
      target: `check(${largest.tasks}) / yaml(${largest.tasks}) ≤ ${targetRatio}`,
      inProcess: largest.inProcess.ratio,
      inProcessCpu: largest.inProcess.cpuRatio,
      wholeProcess: largest.wholeProcess.ratio,
      met: largest.inProcess.ratio <= targetRatio,
      metByCpu: largest.inProcess.cpuRatio <= targetRatio,
    },
    linear: {
      target: `t(10n) / t(n) ≤ ${targetGrowth} for in-process check`,
      factors: scaling.checkInProcess.map((s) => s.timeFactor / (s.tasksFactor / 10)),
      met: scaling.checkInProcess.every((s) => s.timeFactor <= (targetGrowth * s.tasksFactor) / 10),
      metByCpu: scaling.checkInProcessCpu.every((s) => s.timeFactor <= (targetGrowth * s.tasksFactor) / 10),
    },
  };
  return {
    benchmark: 'check',
    machine,
    config: {
      seed,
      sizes: results.map((r) => r.tasks),
      quick: options.quick,
      checkCommand: `node ${command.describe}`,
      checkCommandNote: command.note,
      rssMethod,
      cpuMethod,
      units: 'times in ms, memory in bytes',
    },
    nodeStartupMs: startup,
    sizes: results,
    scaling,
    targets,
  };
}

function print(report: ReturnType<typeof buildReport>, results: SizeResult[], startup: Stats): void {
  const m = report.machine as { node: string; cpus: number; cpuModel: string; loadAverage: number[]; loadAverageAtEnd: number[] };
  log(`\n== swarm check vs js-yaml load (${m.node}, ${m.cpus}× ${m.cpuModel}, load average ${m.loadAverage[0]} at start, ${m.loadAverageAtEnd[0]} at end) ==`);
  log(`check = node ${report.config.checkCommand.replace(/^node /, '')}; node startup alone: ${ms(startup.median)} ms\n`);
  log('In process (median ms after warm-up; ratio = check / yaml, lower is better, target ≤ 1× at the largest size;\nCPU = process CPU time (GC helper threads included), which other load on the machine does not inflate;\nparser = Chevrotain\'s lexer and CST parser alone, with no AST, checks or diagnostics: the floor of any check)');
  log(
    table(
      ['tasks', 'workers', '.swarm KB', '.yaml KB', 'check ms', 'yaml ms', 'check/yaml', 'CPU check', 'CPU yaml', 'CPU ratio', 'parser ms', 'parser/yaml', 'runs'],
      results.map((r) => [
        String(r.tasks),
        String(r.workers),
        kb(r.swarmBytes),
        kb(r.yamlBytes),
        ms(r.inProcess.check.wall.median),
        ms(r.inProcess.yaml.wall.median),
        ratio(r.inProcess.ratio),
        ms(r.inProcess.check.cpu.median),
        ms(r.inProcess.yaml.cpu.median),
        ratio(r.inProcess.cpuRatio),
        ms(r.inProcess.parser.wall.median),
        ratio(r.inProcess.parserRatio),
        String(r.inProcess.check.wall.runs),
      ]),
    ),
  );
  log('\nWhole process (median wall ms, CPU ratio from user+sys time, and peak RSS MB; node startup included)');
  log(
    table(
      ['tasks', 'check ms', 'yaml ms', 'check/yaml', 'CPU ratio', 'check MB', 'yaml MB', 'RSS ratio', 'runs'],
      results.map((r) => [
        String(r.tasks),
        ms(r.wholeProcess.check.wall.median),
        ms(r.wholeProcess.yaml.wall.median),
        ratio(r.wholeProcess.ratio),
        ratio(r.wholeProcess.cpuRatio),
        mb(r.wholeProcess.checkPeakRssBytes),
        mb(r.wholeProcess.yamlPeakRssBytes),
        ratio(r.wholeProcess.rssRatio),
        String(r.wholeProcess.check.wall.runs),
      ]),
    ),
  );
  log('\nIn-process memory (fresh process, one cold run: peak RSS growth while running; heap kept with the result alive)');
  log(
    table(
      ['tasks', 'check peak +MB', 'yaml peak +MB', 'ratio', 'check kept MB', 'yaml kept MB', 'check cold ms', 'yaml cold ms'],
      results.map((r) => [
        String(r.tasks),
        mb(r.memory.check.peakRssGrowth),
        mb(r.memory.yaml.peakRssGrowth),
        ratio(r.memory.peakGrowthRatio),
        mb(r.memory.check.retainedHeap),
        mb(r.memory.yaml.retainedHeap),
        ms(r.memory.check.coldMs),
        ms(r.memory.yaml.coldMs),
      ]),
    ),
  );
  if (results.length > 1) {
    log(`\nScaling (time at 10× the tasks / time before; linear is 10×, target ≤ ${targetGrowth}×)`);
    const s = report.scaling;
    log(
      table(
        ['step', 'check in-proc', 'check CPU', 'yaml in-proc', 'check process', 'yaml process', 'check peak mem'],
        s.checkInProcess.map((step, i) => [
          `t(${short(step.to)})/t(${short(step.from)})`,
          ratio(step.timeFactor),
          ratio(s.checkInProcessCpu[i]!.timeFactor),
          ratio(s.yamlInProcess[i]!.timeFactor),
          ratio(s.checkWholeProcess[i]!.timeFactor),
          ratio(s.yamlWholeProcess[i]!.timeFactor),
          ratio(s.checkPeakRssGrowth[i]!.timeFactor),
        ]),
      ),
    );
  }
  const t = report.targets;
  const verdict = (wall: boolean, cpu: boolean) => (wall && cpu ? 'MET' : !wall && !cpu ? 'NOT MET' : `${wall ? 'met' : 'not met'} by wall time, ${cpu ? 'met' : 'not met'} by CPU time`);
  log(`\nTarget ${t.ratio.target}: in-process ${ratio(t.ratio.inProcess)} (CPU ${ratio(t.ratio.inProcessCpu)}), whole process ${ratio(t.ratio.wholeProcess)} → ${verdict(t.ratio.met, t.ratio.metByCpu)}`);
  if (results.length > 1) {
    const steps = (xs: { timeFactor: number }[]) => xs.map((x) => ratio(x.timeFactor)).join(', ');
    log(`Target ${t.linear.target}: ${steps(report.scaling.checkInProcess)} (CPU ${steps(report.scaling.checkInProcessCpu)}) → ${verdict(t.linear.met, t.linear.metByCpu)}`);
  }
}

function short(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(0);
}

function log(line: string): void {
  process.stdout.write(line + '\n');
}
