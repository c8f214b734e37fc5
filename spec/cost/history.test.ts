import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimatePlan, expectedTaskCost } from '../../src/cost/estimate.ts';
import { historySchema, loadHistory } from '../../src/cost/history.ts';
import { journalPath } from '../../src/runtime/journal.ts';
import { planFrom } from '../support/workspace.ts';
import { done, failed, recordRun, usage } from './journals.ts';

const tasks = (names: [string, string][], extra = '') =>
  names.map(([name, worker]) => `  task ${name} {\n    worker  = ${worker}\n    retries = 1\n    prompt  = "Do ${name}"\n${extra}  }`).join('\n');

const ran = planFrom(`workflow studio {\n  worker w1 {}\n  worker w2 {}\n${tasks([['a', 'w1'], ['b', 'w1'], ['c', 'w2']])}\n}\n`);

/** Two runs of `studio`: `b` needed a retry in the first, `c` failed for good in the second. */
function studioRuns(): string {
  const runsDir = join(mkdtempSync(join(tmpdir(), 'swarm-history-')), 'runs');
  recordRun(runsDir, 'run-1', ran, { a: [done(0.2, usage(10_000, 1_000))], b: [failed(0.05), done(0.1)], c: [done(0.3)] });
  recordRun(runsDir, 'run-2', ran, { a: [done(0.4, usage(30_000, 3_000))], b: [done(0.12)], c: [failed(0.03, false)] });
  return runsDir;
}

describe('loadHistory', () => {
  it('gives per task and per worker what one execution cost, every attempt of it included', () => {
    const history = loadHistory(studioRuns());
    expect(historySchema.parse(history)).toEqual(history);
    expect(history.runs).toBe(2);
    const seen = history.workflows['studio']!;
    expect(seen.tasks['a']).toEqual({
      count: 2,
      costUsd: { min: 0.2, mean: expect.closeTo(0.3, 12), max: 0.4 },
      inputTokens: { min: 10_000, mean: 20_000, max: 30_000 },
      outputTokens: { min: 1_000, mean: 2_000, max: 3_000 },
    });
    // The failed first attempt of b in run-1 is paid for too.
    expect(seen.tasks['b']!.costUsd).toEqual({ min: 0.12, mean: expect.closeTo(0.135, 12), max: expect.closeTo(0.15, 12) });
    expect(seen.tasks['c']!.costUsd).toEqual({ min: 0.03, mean: expect.closeTo(0.165, 12), max: 0.3 });
    expect(seen.workers['w1']!.count).toBe(4);
    expect(seen.workers['w1']!.costUsd.max).toBeCloseTo(0.4, 12);
  });

  it('leaves out a task the journal leaves running, other workflows, and journals it cannot read', () => {
    const runsDir = studioRuns();
    recordRun(runsDir, 'run-3', ran, { a: [done(9)], b: [] });
    const other = planFrom(`workflow elsewhere {\n  worker w1 {}\n${tasks([['a', 'w1']])}\n}\n`);
    recordRun(runsDir, 'run-4', other, { a: [done(5)] });
    mkdirSync(join(runsDir, 'broken'));
    writeFileSync(journalPath(join(runsDir, 'broken')), '{"type":"run:start"}\n');
    mkdirSync(join(runsDir, 'no-journal'));
    const history = loadHistory(runsDir);
    expect(history.runs).toBe(4);
    expect(history.warnings).toEqual([expect.stringMatching(/^broken: journal\.jsonl:1: not a run event/)]);
    expect(history.workflows['studio']!.tasks['b']!.count).toBe(2);
    expect(history.workflows['studio']!.tasks['a']!.count).toBe(3);
    expect(history.workflows['elsewhere']!.tasks['a']!.costUsd.max).toBe(5);
  });

  it('is empty for a runs directory that does not exist, and makes none', () => {
    const runsDir = join(mkdtempSync(join(tmpdir(), 'swarm-history-')), 'runs');
    expect(loadHistory(runsDir)).toEqual({ runs: 0, workflows: {}, warnings: [] });
  });

  it('reads a journal whose last line was torn by a crash', () => {
    const runsDir = studioRuns();
    appendFileSync(journalPath(join(runsDir, 'run-2')), '{"type":"task:do');
    const history = loadHistory(runsDir);
    expect(history.warnings).toEqual([]);
    expect(history.workflows['studio']!.tasks['a']!.count).toBe(2);
  });
});

describe('estimatePlan with history', () => {
  const next = planFrom(`workflow studio {\n  worker w1 {}\n  worker w2 {}\n  worker w3 {}\n${tasks([['a', 'w1'], ['b', 'w1'], ['c', 'w2'], ['d', 'w1'], ['e', 'w3']])}\n}\n`);

  it('estimates a task that ran before from its own runs: the mean, and min..max widened a little', () => {
    const estimate = estimatePlan(next, loadHistory(studioRuns()));
    const a = estimate.tasks.find((t) => t.id === 'a')!;
    expect(a).toMatchObject({ basis: 'history', history: { of: 'task', count: 2 }, worker: 'w1' });
    expect(a.costUsd.expected).toBeCloseTo(0.3, 12);
    expect(a.costUsd.low).toBeLessThan(0.2);
    expect(a.costUsd.low).toBeGreaterThanOrEqual(0.2 * 0.7);
    expect(a.costUsd.high).toBeGreaterThan(0.4);
    expect(a.costUsd.high).toBeLessThanOrEqual(0.4 * 1.3);
    expect(a.inputTokens.low).toBeLessThan(10_000);
    expect(a.inputTokens.high).toBeGreaterThan(30_000);
    expect(expectedTaskCost(estimate, 'a')).toBe(a.costUsd.expected);
  });

  it("estimates a new task from its worker's other tasks, and a new worker's from its prompt", () => {
    const history = loadHistory(studioRuns());
    const estimate = estimatePlan(next, history);
    const d = estimate.tasks.find((t) => t.id === 'd')!;
    expect(d).toMatchObject({ basis: 'history', history: { of: 'worker', count: 4 } });
    expect(d.costUsd.expected).toBeCloseTo(history.workflows['studio']!.workers['w1']!.costUsd.mean, 12);
    expect(estimate.tasks.find((t) => t.id === 'e')).toMatchObject({ basis: 'prompt' });
    expect(estimate.tasks.find((t) => t.id === 'e')!.history).toBeUndefined();
  });

  it('is the prompt estimate when the history is of another workflow', () => {
    const other = planFrom(`workflow fresh {\n  worker w1 {}\n${tasks([['a', 'w1']])}\n}\n`);
    expect(estimatePlan(other, loadHistory(studioRuns()))).toEqual(estimatePlan(other));
  });

  it('puts a task budget below what the task always cost before at certain risk', () => {
    const budgeted = planFrom(`workflow studio {\n  worker w1 {}\n  worker w2 {}\n${tasks([['a', 'w1'], ['b', 'w1'], ['c', 'w2']], '    budget  = $0.1\n')}\n}\n`);
    const estimate = estimatePlan(budgeted, loadHistory(studioRuns()));
    expect(estimate.budgets.find((b) => b.id === 'a')).toMatchObject({ scope: 'task', budgetUsd: 0.1, status: 'exceeded' });
    // c once cost 0.03, once 0.30: over the budget only at the high end.
    expect(estimate.budgets.find((b) => b.id === 'c')).toMatchObject({ status: 'at-risk' });
  });
});
