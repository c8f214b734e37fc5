import type { Expectation } from '../compiler/plan-schema.ts';
import { money } from '../render/run-log.ts';
import type { RunStatus } from '../runtime/events.ts';
import type { TaskStatus } from '../runtime/task-state.ts';

/** What a finished run shows of one node, as far as `expect` blocks can ask about it. */
export interface NodeFacts {
  status: TaskStatus;
  costUsd: number;
  /** The agent's final text; for a failed task, its error message. */
  text?: string;
}

/** The facts every expectation is checked against, gathered once the run has ended. */
export interface RunFacts {
  status: RunStatus;
  costUsd: number;
  nodes: ReadonlyMap<string, NodeFacts>;
  /** A file of the node's, relative to its working directory; `undefined` when it does not exist. */
  readFile: (node: string, path: string) => string | undefined;
}

export type CheckKind = 'status' | 'file' | 'contains' | 'excludes' | 'matches' | 'cost';

/** One attribute of one `expect` block, held against the run. */
export interface CheckOutcome {
  kind: CheckKind;
  passed: boolean;
  /** What the block asked for, e.g. `contains "Strengths"`. */
  expected: string;
  /** What the run had, e.g. `done`, or the start of the text that lacked the phrase. */
  actual: string;
}

export interface ExpectationOutcome {
  name: string;
  line: number;
  description?: string;
  task?: string;
  passed: boolean;
  checks: CheckOutcome[];
}

/** How much of a text a failed `contains` shows: enough to see what was written instead. */
const excerptChars = 160;

/**
 * Holds every expectation against the facts of one run. Pure: all I/O is in `facts.readFile`.
 * Each attribute is its own check, so a failure says which part failed and what was there.
 */
export function checkExpectations(expects: readonly Expectation[], facts: RunFacts): ExpectationOutcome[] {
  return expects.map((e) => {
    const checks = e.task === undefined ? runChecks(e, facts) : nodeChecks(e, e.task, facts);
    return {
      name: e.name,
      line: e.line,
      ...(e.description !== undefined && { description: e.description }),
      ...(e.task !== undefined && { task: e.task }),
      passed: checks.every((c) => c.passed),
      checks,
    };
  });
}

function runChecks(e: Expectation, facts: RunFacts): CheckOutcome[] {
  const checks: CheckOutcome[] = [{ kind: 'status', passed: facts.status === e.status, expected: `run ${e.status}`, actual: facts.status }];
  if (e.costUnderUsd !== undefined) checks.push(cost(e.costUnderUsd, facts.costUsd));
  return checks;
}

function nodeChecks(e: Expectation, task: string, facts: RunFacts): CheckOutcome[] {
  const node = facts.nodes.get(task);
  const checks: CheckOutcome[] = [{ kind: 'status', passed: node?.status === e.status, expected: e.status, actual: node?.status ?? 'not in the run' }];
  let text = node?.text;
  let source = 'the result';
  if (e.file !== undefined) {
    const content = facts.readFile(task, e.file);
    checks.push({ kind: 'file', passed: content !== undefined, expected: `file ${e.file}`, actual: content === undefined ? 'not written' : `${content.length} characters` });
    text = content;
    source = e.file;
  }
  const readable = text !== undefined;
  const body = text ?? '';
  const missing = readable ? '' : `no text: ${e.file === undefined ? 'the task left no result' : `${e.file} was not written`}`;
  for (const phrase of e.contains) {
    const found = body.includes(phrase);
    checks.push({ kind: 'contains', passed: found, expected: `contains ${quote(phrase)}`, actual: !readable ? missing : found ? `found in ${source}` : `not in ${source}: ${excerpt(body)}` });
  }
  for (const phrase of e.excludes) {
    const at = body.indexOf(phrase);
    checks.push({ kind: 'excludes', passed: readable && at < 0, expected: `excludes ${quote(phrase)}`, actual: !readable ? missing : at < 0 ? `absent from ${source}` : `in ${source}: ${excerpt(body, at)}` });
  }
  if (e.matches !== undefined) {
    const match = new RegExp(e.matches, 'mu').exec(body);
    checks.push({ kind: 'matches', passed: readable && match !== null, expected: `matches /${e.matches}/`, actual: !readable ? missing : match ? `${quote(match[0])} in ${source}` : `no match in ${source}: ${excerpt(body)}` });
  }
  if (e.costUnderUsd !== undefined) checks.push(cost(e.costUnderUsd, node?.costUsd ?? 0));
  return checks;
}

function cost(limit: number, spent: number): CheckOutcome {
  return { kind: 'cost', passed: spent < limit, expected: `cost under ${money(limit)}`, actual: money(spent) };
}

function quote(s: string): string {
  return JSON.stringify(s);
}

/** A one-line piece of `text` around `at`, so a failure shows what was written there. */
export function excerpt(text: string, at = 0): string {
  if (text.length === 0) return '(empty)';
  const start = Math.max(0, at - excerptChars / 4);
  const piece = text.slice(start, start + excerptChars).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${quote(piece).slice(1, -1)}${start + excerptChars < text.length ? '…' : ''}`;
}
