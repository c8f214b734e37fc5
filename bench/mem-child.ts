/**
 * Measures one operation's memory in a fresh process: `node --expose-gc bench/mem-child.ts
 * check|yaml FILE`. After the modules are loaded and the file is read, it records the peak RSS
 * and heap so far, runs the operation once (cold, as a CLI would), and prints JSON with the
 * growth of peak RSS (the operation's peak need, heap and code together) and the heap still held
 * afterwards with the result alive (what the result costs to keep).
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { compile } from '../src/compiler/compile.ts';
import { memoryHost } from '../src/compiler/file-loader.ts';

const [op, file] = process.argv.slice(2);
if ((op !== 'check' && op !== 'yaml') || !file) {
  process.stderr.write('usage: node --expose-gc bench/mem-child.ts check|yaml FILE\n');
  process.exit(2);
}
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
const text = readFileSync(file, 'utf8');
collect();
const before = { maxRss: process.resourceUsage().maxRSS * 1024, heapUsed: process.memoryUsage().heapUsed };
const t = performance.now();
const result: unknown = op === 'check' ? compile(text, file, memoryHost({}), { plan: false }) : load(text);
const coldMs = performance.now() - t;
const peakRss = process.resourceUsage().maxRSS * 1024;
collect();
const retainedHeap = process.memoryUsage().heapUsed - before.heapUsed;
process.stdout.write(
  JSON.stringify({ op, coldMs, rssBefore: before.maxRss, peakRss, peakRssGrowth: peakRss - before.maxRss, retainedHeap, alive: result !== undefined }) + '\n',
);
