/**
 * A minimal `swarm check FILE` for whole-process timing while the real CLI is not usable:
 * reads the file, compiles it with the disk host, prints problems, exits 0 (clean) or 1.
 * `check.ts` prefers `src/cli/bin.ts check` whenever that runs cleanly.
 */
import { readFileSync } from 'node:fs';
import { compile } from '../src/compiler/compile.ts';
import { nodeHost } from '../src/compiler/node-host.ts';
import { plain } from '../src/render/color.ts';
import { renderHuman } from '../src/render/diagnostics-human.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/check-entry.ts FILE\n');
  process.exit(2);
}
const result = compile(readFileSync(file, 'utf8'), file, nodeHost);
const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
if (result.diagnostics.length > 0) process.stdout.write(renderHuman(result.diagnostics, result.sources, { style: plain, filesChecked: 1 }) + '\n');
process.exitCode = errors > 0 ? 1 : 0;
