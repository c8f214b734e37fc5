import { describe, expect, it } from 'vitest';
import { status } from '../../src/runtime/run-status.ts';
import { sumFigures, usageOf } from '../../src/report/figures.ts';
import { noLedgerNote, reportData } from '../../src/report/report-data.ts';
import { reportSchema, type ReportData } from '../../src/report/report-schema.ts';
import { Drive, request, usage } from './drive.ts';
import { studioLedger, studioPlan, studioRun } from './studio.ts';

const task = (data: ReportData, id: string) => data.tasks.find((t) => t.id === id)!;

describe('reportData', () => {
  it('totals are the sum of the tasks and of the workers, equal to swarm status, and fit the published schema', () => {
    const events = studioRun();
    const data = reportData(studioPlan, events);
    expect(reportSchema.safeParse(data).success).toBe(true);
    expect(usageOf(data.totals)).toEqual(usageOf(sumFigures(data.tasks)));
    expect(usageOf(data.totals)).toEqual(usageOf(sumFigures(data.workers)));
    expect(data.totals.cost_usd).toBeCloseTo(sumFigures(data.workers).cost_usd, 12);
    const fromStatus = status(studioPlan, events).totals;
    expect(usageOf(data.totals)).toEqual(fromStatus.usage);
    expect(data.totals.cost_usd).toBe(fromStatus.costUsd);
    expect(data.totals).toMatchObject({ input_tokens: 360, output_tokens: 380, cache_creation_input_tokens: 1500, cache_read_input_tokens: 4500 });
    expect(data.totals.cost_usd).toBeCloseTo(0.074, 12);
  });

  it('has a row for every worker of the plan, one with no tasks included', () => {
    const data = reportData(studioPlan, studioRun());
    expect(data.workers.map((w) => [w.worker, w.tasks, w.done, w.failed, w.attempts])).toEqual([
      ['marie', 3, 2, 0, 3],
      ['fabien', 1, 0, 1, 1],
      ['office', 0, 0, 0, 0],
    ]);
    expect(data.workers.find((w) => w.worker === 'office')).toMatchObject({ input_tokens: 0, cost_usd: 0, cache_hit_rate: 0 });
  });

  it('counts every attempt of a retried task and what a failed one spent, and keeps each try on the timeline', () => {
    const data = reportData(studioPlan, studioRun());
    const evaluate = task(data, 'evaluate');
    expect(evaluate).toMatchObject({ status: 'done', attempts: 2, turns: 7, input_tokens: 300, output_tokens: 350, cache_creation_input_tokens: 1000, cache_read_input_tokens: 4000 });
    expect(evaluate.cost_usd).toBeCloseTo(0.07, 12);
    expect(evaluate.spans.map((s) => [s.attempt, s.outcome, s.reason])).toEqual([
      [1, 'retried', 'exit: exited with code 1'],
      [2, 'done', undefined],
    ]);
    expect(evaluate.spans.every((s) => s.started_at !== undefined && s.ended_at !== undefined)).toBe(true);
    expect(task(data, 'newsletter')).toMatchObject({ status: 'failed', attempts: 1, input_tokens: 50, cost_usd: 0.001, error: { kind: 'api', message: 'invalid request' } });
    expect(task(data, 'newsletter').spans.map((s) => s.outcome)).toEqual(['failed']);
    expect(task(data, 'letter')).toMatchObject({ status: 'skipped', because: 'newsletter', attempts: 0, spans: [] });
  });

  it('works out the cache hit rate as cache reads over all input, and 0 when there was no input', () => {
    const data = reportData(studioPlan, studioRun());
    expect(task(data, 'evaluate').cache_hit_rate).toBeCloseTo(4000 / (300 + 1000 + 4000), 12);
    expect(task(data, 'side').cache_hit_rate).toBeCloseTo(500 / 1010, 12);
    expect(task(data, 'letter').cache_hit_rate).toBe(0);
    expect(data.totals.cache_hit_rate).toBeCloseTo(4500 / (360 + 1500 + 4500), 12);
  });

  it('shows an attempt the runner was stopped on as interrupted', () => {
    const d = new Drive(studioPlan);
    d.tick(0);
    d.start('evaluate');
    const data = reportData(studioPlan, d.end());
    expect(data.run).toMatchObject({ state: 'interrupted', id: 'r1', workflow: 'studio' });
    expect(task(data, 'evaluate').spans.map((s) => [s.outcome, s.ended_at])).toEqual([['interrupted', data.run.ended_at]]);
    expect(task(data, 'side').spans.map((s) => [s.outcome, s.started_at])).toEqual([['interrupted', undefined]]);
  });
});

describe('reportData with a usage ledger', () => {
  it('splits each worker by sub-agent and finds every task in agreement with the journal', () => {
    const data = reportData(studioPlan, studioRun(), studioLedger());
    expect(data.tasks.map((t) => [t.id, t.ledger_matches])).toEqual([
      ['evaluate', true],
      ['newsletter', true],
      ['letter', true],
      ['side', true],
    ]);
    expect(data.ledger).toEqual({ present: true, requests: 6, matches: true });
    expect(data.notes).toEqual([]);
    expect(data.agents.map((a) => [a.worker, a.agent, a.requests, a.input_tokens, a.cache_read_input_tokens])).toEqual([
      ['marie', null, 3, 220, 3500],
      ['marie', 'choreography-analyzer', 2, 90, 1000],
      ['fabien', null, 1, 50, 0],
    ]);
    expect(data.agents[1]!.cache_hit_rate).toBeCloseTo(1000 / 1090, 12);
  });

  it('reports a task whose ledger differs from the journal, naming the figures', () => {
    const ledger = studioLedger().filter((e) => !(e.task === 'evaluate' && e.attempt === 1 && e.agent === undefined));
    const data = reportData(studioPlan, studioRun(), ledger);
    expect(task(data, 'evaluate').ledger_matches).toBe(false);
    expect(task(data, 'evaluate').ledger).toMatchObject({ input_tokens: 240, requests: 3 });
    expect(task(data, 'side').ledger_matches).toBe(true);
    expect(data.ledger.matches).toBe(false);
    expect(data.notes).toHaveLength(1);
    expect(data.notes[0]).toContain('Task `evaluate`: the ledger and the journal differ');
    expect(data.notes[0]).toContain('input tokens: journal 300, ledger 240');
    expect(data.notes[0]).toContain('cache creation input tokens: journal 1000, ledger 0');
    expect(data.notes[0]).toContain('cost: journal $0.070000, ledger $0.055000');
  });

  it('compares only tokens for requests the price table could not cost', () => {
    const ledger = studioLedger().map((e) => (e.task === 'newsletter' ? request('newsletter', 'fabien', e.usage, undefined, { model: 'claude-unknown' }) : e));
    const data = reportData(studioPlan, studioRun(), ledger);
    expect(task(data, 'newsletter')).toMatchObject({ ledger_matches: true, ledger: { unpriced_requests: 1, cost_usd: 0 } });
  });

  it('flags requests for tasks the plan does not have', () => {
    const data = reportData(studioPlan, studioRun(), [...studioLedger(), request('ghost', 'marie', usage(1, 1), 0)]);
    expect(data.ledger.matches).toBe(false);
    expect(data.notes).toEqual(['The ledger names tasks this run\'s plan does not have: `ghost`.']);
  });

  it('without a ledger has no sub-agent rows, and says why', () => {
    const data = reportData(studioPlan, studioRun());
    expect(data.agents).toEqual([]);
    expect(data.ledger).toEqual({ present: false, requests: 0, matches: false });
    expect(data.notes).toEqual([noLedgerNote]);
    expect(data.tasks.every((t) => t.ledger === undefined && t.ledger_matches === undefined)).toBe(true);
  });
});
