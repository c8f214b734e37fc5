import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFixture, diagnosticLines, fixtures, outPath, outText, readRepoFile, repoRoot } from './conformance-fixtures.ts';

/**
 * Rewrites every `spec/conformance/err/*.out` from what the compiler reports now. Run it on
 * purpose, then read the diff: tests never rewrite fixtures, so a changed diagnostic is always
 * a reviewed change.
 */
let changed = 0;
for (const path of fixtures('err')) {
  const text = outText(diagnosticLines(compileFixture(path)));
  const out = outPath(path);
  if (existsSync(join(repoRoot, out)) && readRepoFile(out) === text) continue;
  writeFileSync(join(repoRoot, out), text);
  console.log(`wrote ${out}`);
  changed++;
}
console.log(changed === 0 ? 'all .out files are up to date' : `${changed} .out file(s) written; review the diff`);
