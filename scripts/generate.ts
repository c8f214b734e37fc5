import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './conformance-fixtures.ts';
import { generatedFiles, staleDiagrams } from './generated-files.ts';

/** `npm run gen`: writes every generated file, and removes diagrams of rules that are gone. */
const files = generatedFiles();
let written = 0;
for (const file of files) {
  const target = join(repoRoot, file.path);
  if (existsSync(target) && readFileSync(target, 'utf8') === file.content) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.content);
  console.log(`wrote ${file.path}`);
  written++;
}
for (const path of staleDiagrams(files)) {
  rmSync(join(repoRoot, path));
  console.log(`removed ${path}`);
  written++;
}
console.log(written === 0 ? `all ${files.length} generated files are up to date` : `${written} file(s) changed`);
