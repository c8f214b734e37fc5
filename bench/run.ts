/**
 * Runs the benchmarks: `npm run bench`, or `node bench/run.ts [NAME…] [--quick] [--sizes=100,1000]`.
 * Each benchmark is a module exporting a `Benchmark`; add new ones to the list below.
 */
import { cacheBenchmark } from './cache.ts';
import { checkBenchmark } from './check.ts';
import { dispatchBenchmark } from './dispatch.ts';
import { gatewayBenchmark } from './gateway.ts';
import { limiterBenchmark } from './limiter.ts';
import { makespanBenchmark } from './makespan.ts';
import type { Benchmark, BenchOptions } from './lib.ts';

const benchmarks: Benchmark[] = [checkBenchmark, dispatchBenchmark, makespanBenchmark, limiterBenchmark, gatewayBenchmark, cacheBenchmark];

function parseArgs(argv: string[]): { names: string[]; options: BenchOptions } {
  const names: string[] = [];
  const options: BenchOptions = { quick: false };
  for (const arg of argv) {
    if (arg === '--quick') options.quick = true;
    else if (arg.startsWith('--sizes=')) {
      options.sizes = arg
        .slice('--sizes='.length)
        .split(',')
        .map((s) => Number(s.replace(/_/g, '').replace(/k$/i, '000')));
      if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`bad --sizes: ${arg}`);
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`usage: node bench/run.ts [NAME…] [--quick] [--sizes=100,1000]\n\n${benchmarks.map((b) => `  ${b.name.padEnd(8)} ${b.description}`).join('\n')}\n`);
      process.exit(0);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else names.push(arg);
  }
  return { names, options };
}

const { names, options } = parseArgs(process.argv.slice(2));
const unknown = names.filter((n) => !benchmarks.some((b) => b.name === n));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; there are: ${benchmarks.map((b) => b.name).join(', ')}\n`);
  process.exit(2);
}
for (const benchmark of benchmarks) {
  if (names.length > 0 && !names.includes(benchmark.name)) continue;
  process.stdout.write(`\n# ${benchmark.name}: ${benchmark.description}\n\n`);
  await benchmark.run(options);
}
