import type { Diagnostic } from '../src/diagnostics/diagnostic.ts';
import { rules, type Rule } from '../src/diagnostics/rules.ts';
import { plain } from '../src/render/color.ts';
import { renderHuman } from '../src/render/diagnostics-human.ts';
import { compileFixture, fixtureCode, fixtures, readRepoFile } from './conformance-fixtures.ts';
import { anchor, code, fenced, inline, table } from './markdown.ts';

/**
 * The checks section of the language reference: every rule from `rules.ts`, each shown with its
 * own conformance fixture and the real output of `swarm check` on it, so the examples in the
 * documentation are exactly what the compiler prints.
 */
export function checksSection(): string {
  const byCode = new Map<string, string[]>();
  for (const path of fixtures('err')) {
    const c = fixtureCode(path);
    if (c !== undefined) byCode.set(c, [...(byCode.get(c) ?? []), path]);
  }
  const heading = (r: Rule) => `${r.code} ${r.name}`;
  const overview = table(
    ['Code', 'Name', 'Severity', 'Summary'],
    rules.map((r) => [`[${r.code}](#${anchor(heading(r))})`, code(r.name, true), r.severity, inline(r.summary, true)]),
  );
  const sections = rules.map((r) => checkDoc(r, heading(r), byCode.get(r.code) ?? []));
  return [overview, ...sections].join('\n\n');
}

function checkDoc(rule: Rule, heading: string, paths: string[]): string {
  const main = paths.find((p) => p.endsWith(`/${rule.code}-${rule.name}.swarm`));
  if (main === undefined) throw new Error(`reference: no fixture spec/conformance/err/${rule.code}-${rule.name}.swarm to show`);
  const result = compileFixture(main);
  const output = renderHuman(result.diagnostics, result.sources, { style: plain, filesChecked: 1 });
  const parts = [
    `### ${heading}`,
    `${inline(rule.summary)} Severity: ${rule.severity}.`,
    `[${fileName(main)}](../${main}):`,
    fenced('swarm', readRepoFile(main)),
    ...otherFiles(result.diagnostics, main).flatMap((path) => [`[${fileName(path)}](../${path}):`, fenced(language(path), readRepoFile(path))]),
    `\`swarm check ${main}\`:`,
    fenced('text', output),
  ];
  const others = paths.filter((p) => p !== main);
  if (others.length > 0) parts.push(`More cases: ${others.map((p) => `[${variant(p, rule)}](../${p})`).join(', ')}.`);
  return parts.join('\n\n');
}

/** Files other than the fixture that diagnostics point into, such as an agent's markdown. */
function otherFiles(diagnostics: readonly Diagnostic[], main: string): string[] {
  return [...new Set(diagnostics.map((d) => d.file).filter((f) => f !== main))].sort();
}

function language(path: string): string {
  return path.endsWith('.md') ? 'markdown' : path.endsWith('.swarm') ? 'swarm' : 'text';
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `SW0301-dependency-cycle-self.swarm` → `self`. */
function variant(path: string, rule: Rule): string {
  return fileName(path).replace(`${rule.code}-${rule.name}-`, '').replace(/\.swarm$/, '');
}
