import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../scripts/conformance-fixtures.ts';
import { generatedFiles, staleDiagrams } from '../scripts/generated-files.ts';

/** Every generated file, regenerated in memory, must equal its committed copy. */
describe('generated files', () => {
  const files = generatedFiles();

  it.each(files.map((f) => [f.path, f] as const))('%s is up to date', (path, file) => {
    const target = join(repoRoot, path);
    const committed = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    expect(committed, `${path} is missing: run npm run gen`).toBeDefined();
    expect(committed === file.content, `${path} differs from what the code generates: run npm run gen`).toBe(true);
  });

  it('grammar/diagrams holds a diagram for each grammar rule and nothing else', () => {
    expect(staleDiagrams(files), 'diagrams of rules the grammar no longer has: run npm run gen').toEqual([]);
  });
});
