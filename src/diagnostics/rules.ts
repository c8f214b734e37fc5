import type { Severity } from './diagnostic.ts';

/**
 * Every diagnostic swarm can report, as data: `swarm check --list`, the SARIF rule table and the
 * language reference are all generated from this list. Codes are stable; never reuse one.
 */
export interface Rule {
  code: string;
  name: string;
  severity: Severity;
  summary: string;
}

export const rules = [
  // Syntax: reported by the lexer and parser, with recovery so one run reports every error.
  { code: 'SW0001', name: 'unexpected-character', severity: 'error', summary: 'A character that cannot start any token.' },
  { code: 'SW0002', name: 'unterminated-string', severity: 'error', summary: 'A string or text block that is never closed.' },
  { code: 'SW0003', name: 'invalid-escape', severity: 'error', summary: 'An escape other than \\" \\\\ \\n \\r \\t \\$ inside a string.' },
  { code: 'SW0004', name: 'syntax-error', severity: 'error', summary: 'Tokens that do not form blocks and attributes.' },
  { code: 'SW0005', name: 'invalid-interpolation', severity: 'error', summary: 'A `${…}` that is not `${name}` or `${name.field}`.' },
  { code: 'SW0006', name: 'invalid-literal', severity: 'error', summary: 'A number, duration, rate or amount that cannot be read.' },
  // Structure: block kinds and their attributes, checked against one schema per kind.
  { code: 'SW0101', name: 'workflow-block', severity: 'error', summary: 'A file must hold exactly one `workflow NAME { … }` and nothing else.' },
  { code: 'SW0102', name: 'unknown-block', severity: 'error', summary: 'A block kind that does not exist, or is not allowed where it stands.' },
  { code: 'SW0103', name: 'unknown-attribute', severity: 'error', summary: 'An attribute the block kind does not have.' },
  { code: 'SW0104', name: 'type-mismatch', severity: 'error', summary: 'A value of the wrong type, such as a string where a duration belongs.' },
  { code: 'SW0105', name: 'missing-attribute', severity: 'error', summary: 'A required attribute is absent.' },
  { code: 'SW0106', name: 'duplicate-attribute', severity: 'error', summary: 'An attribute or single block given twice in one block.' },
  { code: 'SW0107', name: 'block-label', severity: 'error', summary: 'A block that needs a name has none, or one that takes none has one.' },
  { code: 'SW0108', name: 'invalid-enum', severity: 'error', summary: 'A value outside the attribute’s allowed set.' },
  { code: 'SW0109', name: 'invalid-call', severity: 'error', summary: 'A call other than `file("…")` or `env("…")`, or one with the wrong arguments.' },
  // Names and references.
  { code: 'SW0201', name: 'duplicate-name', severity: 'error', summary: 'Two declarations share a name.' },
  { code: 'SW0202', name: 'unknown-reference', severity: 'error', summary: 'A reference to a worker, task, agent or input that is not declared.' },
  { code: 'SW0203', name: 'wrong-kind', severity: 'error', summary: 'A reference to a declaration of the wrong kind, such as a worker in `after`.' },
  { code: 'SW0204', name: 'decompose-workers', severity: 'error', summary: 'A `decompose` block offers workers that are not declared.' },
  { code: 'SW0205', name: 'invalid-field', severity: 'error', summary: 'An interpolation reads a field the referenced node does not have.' },
  // The dependency graph.
  { code: 'SW0301', name: 'dependency-cycle', severity: 'error', summary: 'Tasks that depend on each other in a loop.' },
  { code: 'SW0302', name: 'unordered-read', severity: 'error', summary: '`${x.result}` in a node that does not run after x.' },
  { code: 'SW0303', name: 'write-race', severity: 'error', summary: 'Two tasks that may run at once write the same output in the same workspace.' },
  // Tools and models.
  { code: 'SW0401', name: 'unknown-tool', severity: 'error', summary: 'A tool Claude Code does not have.' },
  { code: 'SW0402', name: 'unknown-model', severity: 'error', summary: 'A model that is neither a known alias nor a known model id.' },
  { code: 'SW0403', name: 'deprecated-model', severity: 'warning', summary: 'A model past or near its end of life.' },
  // Files the workflow reads.
  { code: 'SW0501', name: 'missing-file', severity: 'error', summary: 'A `file(…)` or agent file that does not exist, relative to the .swarm file.' },
  { code: 'SW0502', name: 'agent-file', severity: 'error', summary: 'A sub-agent markdown file whose front matter is invalid.' },
  // Secrets.
  { code: 'SW0601', name: 'literal-secret', severity: 'error', summary: 'Something that looks like an API key written into the file; use `env("NAME")`.' },
  // Values and limits.
  { code: 'SW0701', name: 'impossible-value', severity: 'error', summary: 'A zero or negative rate, timeout, budget or count that can never work.' },
  { code: 'SW0702', name: 'limit-too-small', severity: 'error', summary: 'A token limit smaller than one request of the worker could need.' },
  { code: 'SW0703', name: 'invalid-pattern', severity: 'error', summary: 'An `expect` block\'s `matches` that is not a regular expression.' },
  { code: 'SW0704', name: 'expect-target', severity: 'error', summary: 'An `expect` block that reads a result or file it cannot have: no `task`, or a skipped one.' },
  // Declarations that do nothing.
  { code: 'SW0801', name: 'unused-worker', severity: 'warning', summary: 'A worker no task, decompose or synthesize node uses.' },
  { code: 'SW0802', name: 'unused-agent', severity: 'warning', summary: 'A sub-agent no worker lists.' },
  { code: 'SW0803', name: 'unused-input', severity: 'warning', summary: 'An input no prompt reads.' },
  { code: 'SW0804', name: 'no-tasks', severity: 'error', summary: 'A workflow with no task, decompose or synthesize node.' },
] as const satisfies readonly Rule[];

export type RuleName = (typeof rules)[number]['name'];
export type RuleCode = (typeof rules)[number]['code'];

const byName = new Map<string, Rule>(rules.map((r) => [r.name, r]));
const byCode = new Map<string, Rule>(rules.map((r) => [r.code, r]));

export function rule(name: RuleName): Rule {
  return byName.get(name)!;
}

export function ruleByCode(code: string): Rule | undefined {
  return byCode.get(code);
}
