import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntrySchema, ledgerFile, type LedgerEntry } from '../../src/cost/ledger-schema.ts';
import { eventsOf, project, type Project } from './harness.ts';

// A budget one answer of the first turn already uses up: the second call is refused.
const source = `workflow budgeted {
  budget = $0.01
  worker marie {
    tools = [Read]
  }
  task research {
    worker = marie
    prompt = "[task:research] Read the notes, then sum them up"
  }
  task report {
    worker = marie
    after  = [research]
    prompt = "[task:report] Write the report from \${research.result}"
  }
}
`;

const summary = (text: string) => ({ tool: 'StructuredOutput', input: { summary: text, findings: [], artifacts: [] } });

function ledger(p: Project, runId: string): LedgerEntry[] {
  return readFileSync(join(p.runsDir, runId, ledgerFile), 'utf8')
    .trim()
    .split('\n')
    .map((line) => ledgerEntrySchema.parse(JSON.parse(line)));
}

describe('a run that spends its budget, resumed with a larger one', () => {
  let p: Project;
  const runId = 'budget';
  let first: Awaited<ReturnType<Project['run']>>;
  let second: Awaited<ReturnType<Project['run']>>;
  beforeAll(async () => {
    p = await project(source, { 'notes.md': 'Emma: ready for Level 4.\n' }, ({ dir }) => ({
      script: {
        tasks: {
          '[task:research]': [{ tool: 'Read', input: { file_path: join(dir, 'notes.md') } }, summary('Emma is ready')],
          '[task:report]': [summary('Report written')],
        },
      },
    }));
    // The estimate says the task fits; the answers prove it wrong, so the stop comes mid-task.
    first = await p.run({ runId, estimateUsd: () => 0.001 });
    second = await p.run({ resume: runId, budgetUsd: 10, estimateUsd: () => 0.001 });
  }, 120_000);
  afterAll(() => p.close());

  it('stops the running task at the call that would spend past the budget, skips its dependant and ends `budget-exhausted`', () => {
    expect(first.status).toBe('budget-exhausted');
    const held = eventsOf(first.events, 'task:held');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ task: 'research', attempt: 1, cause: 'budget' });
    expect(held[0]!.reason).toMatch(/^budget exhausted: the run's budget of \$0\.01 is spent \(\$0\.\d+ so far\)$/);
    expect(held[0]!.cost_usd).toBeGreaterThan(0);
    expect(eventsOf(first.events, 'task:skipped')).toMatchObject([{ task: 'report', because: 'research' }]);
    expect(eventsOf(first.events, 'run:end')).toMatchObject([{ status: 'budget-exhausted', reason: held[0]!.reason }]);
    // The refused call never reached the server: only the first turn of research was asked.
    const research = p.server.messages().filter((m) => JSON.stringify(m.body).includes('[task:research]'));
    expect(research.length).toBeGreaterThanOrEqual(1);
    expect(first.report.summary.counts).toMatchObject({ held: 1, skipped: 1, done: 0 });
  });

  it('runs the held task and its dependant when resumed with --budget, and nothing twice', () => {
    expect(second.status).toBe('done');
    expect(second.events[0]).toMatchObject({ type: 'run:start', resumed: true, budget_usd: 10 });
    expect(eventsOf(second.events, 'task:reopened').map((e) => e.task)).toEqual(['research', 'report']);
    expect(eventsOf(second.events, 'task:done').map((e) => [e.task, e.attempt])).toEqual([
      ['research', 2],
      ['report', 1],
    ]);
  });

  it('counts every answer in the usage ledger, as the server reported it and as the CLI summed it', () => {
    const entries = ledger(p, runId);
    const served = p.server.messages().filter((m) => m.usage !== undefined);
    expect(entries).toHaveLength(served.length);
    const sum = (list: { input_tokens: number; output_tokens: number; cache_creation_input_tokens: number; cache_read_input_tokens: number }[]) =>
      list.reduce((t, u) => ({
        input_tokens: t.input_tokens + u.input_tokens,
        output_tokens: t.output_tokens + u.output_tokens,
        cache_creation_input_tokens: t.cache_creation_input_tokens + u.cache_creation_input_tokens,
        cache_read_input_tokens: t.cache_read_input_tokens + u.cache_read_input_tokens,
      }), { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    expect(sum(entries.map((e) => e.usage))).toEqual(sum(served.map((m) => m.usage!)));
    // Per finished attempt, the CLI's own totals equal the ledger's: nothing dropped on either side.
    for (const done of eventsOf(second.events, 'task:done')) {
      expect(sum(entries.filter((e) => e.task === done.task && e.attempt === done.attempt).map((e) => e.usage))).toEqual(done.result.usage);
    }
    expect(entries.every((e) => e.worker === 'marie' && e.status === 200 && e.cost_usd! > 0)).toBe(true);
  });
});
