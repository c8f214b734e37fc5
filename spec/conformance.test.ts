import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSchema } from '../src/compiler/plan-schema.ts';
import { ruleByCode, rules } from '../src/diagnostics/rules.ts';
import {
  compileFixture,
  diagnosticLines,
  fixtureCode,
  fixtures,
  outPath,
  readRepoFile,
  repoRoot,
  shippedWorkflows,
} from '../scripts/conformance-fixtures.ts';

/**
 * The conformance suite: `ok/` files and shipped workflows check clean and produce a valid
 * plan; each `err/` file reports exactly the lines of its `.out`. Only
 * `npm run update-fixtures` rewrites `.out` files.
 */
const okFiles = fixtures('ok');
const errFiles = fixtures('err');

/**
 * Fixtures that do not yet report the rule they are named for, because of a known compiler
 * problem. Their `.out` records today's output; remove the entry once the compiler is fixed.
 */
const knownProblems = new Set<string>([]);

describe.each([
  ['ok', okFiles],
  ['workflows', shippedWorkflows()],
])('%s', (_, paths) => {
  it.each(paths)('%s checks clean and compiles to a valid plan', (path) => {
    const result = compileFixture(path);
    expect(diagnosticLines(result)).toEqual([]);
    expect(result.plan).toBeDefined();
    expect(planSchema.safeParse(result.plan).success).toBe(true);
  });
});

describe('err', () => {
  it.each(errFiles)('%s reports exactly its .out lines', (path) => {
    const out = outPath(path);
    expect(existsSync(join(repoRoot, out)), `${out} is missing: run npm run update-fixtures and review it`).toBe(true);
    const expected = readRepoFile(out).split('\n').filter((line) => line !== '');
    const actual = diagnosticLines(compileFixture(path));
    expect(actual, `${path} no longer reports its .out; if the change is intended, run npm run update-fixtures`).toEqual(expected);
    expect(actual.length, `${path} reports nothing; an err fixture must fail`).toBeGreaterThan(0);
  });

  it.each(errFiles)('%s is named <code>-<name>[-variant] after a rule', (path) => {
    const code = fixtureCode(path);
    const rule = code === undefined ? undefined : ruleByCode(code);
    expect(rule, `${path} must be named after a rule in rules.ts`).toBeDefined();
    expect(path).toContain(`/${rule!.code}-${rule!.name}`);
  });

  for (const path of errFiles) {
    const test = knownProblems.has(path) ? it.fails : it;
    test(`${path} reports the rule it is named for`, () => {
      const code = fixtureCode(path);
      expect(diagnosticLines(compileFixture(path)).some((line) => line.includes(` ${code} `))).toBe(true);
    });
  }

  it('every rule has a fixture named <code>-<name>.swarm, the one the reference shows', () => {
    const missing = rules.map((r) => `spec/conformance/err/${r.code}-${r.name}.swarm`).filter((p) => !errFiles.includes(p));
    expect(missing).toEqual([]);
  });

  it('every .out file belongs to a fixture', () => {
    const orphans = fixtures('err', '.out').filter((out) => !errFiles.includes(out.replace(/\.out$/, '.swarm')));
    expect(orphans).toEqual([]);
  });
});
