/** The whole-process baseline: load js-yaml, parse the file, exit. Nothing is checked. */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/yaml-entry.ts FILE\n');
  process.exit(2);
}
const doc = load(readFileSync(file, 'utf8'));
process.exitCode = doc && typeof doc === 'object' ? 0 : 1;
