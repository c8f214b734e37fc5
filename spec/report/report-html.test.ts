import { describe, expect, it } from 'vitest';
import { reportData } from '../../src/report/report-data.ts';
import { request } from './drive.ts';
import { renderReportHtml } from '../../src/report/report-html.ts';
import { reportSchema } from '../../src/report/report-schema.ts';
import { studioLedger, studioPlan, studioRun } from './studio.ts';

const hostile = '<script>alert("owned")</script>';

describe('renderReportHtml', () => {
  it('escapes an error message and a task id that hold markup', () => {
    const data = reportData(studioPlan, studioRun({ message: hostile }));
    const renamed = reportSchema.parse({
      ...data,
      tasks: data.tasks.map((t) => (t.id === 'side' ? { ...t, id: hostile, worker: `${hostile}&` } : t)),
    });
    const html = renderReportHtml(renamed);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;/script&gt;&amp;');
  });

  it('shows every task and every worker, idle ones included', () => {
    const data = reportData(studioPlan, studioRun());
    const html = renderReportHtml(data);
    for (const t of data.tasks) {
      expect(html).toMatch(new RegExp(`class="node-id"[^>]*>${t.id}</text>`));
      expect(html).toContain(`<td>${t.id}</td>`);
    }
    for (const w of studioPlan.workers) {
      expect(html).toMatch(new RegExp(`class="lane-label"[^>]*>${w.name}</text>`));
      expect(html).toContain(`<td>${w.name}</td>`);
    }
  });

  it('draws one Gantt bar per attempt, coloured by how it ended', () => {
    const html = renderReportHtml(reportData(studioPlan, studioRun()));
    const bars = [...html.matchAll(/<g class="bar (o-[a-z-]+)">/g)].map((m) => m[1]);
    expect(bars.sort()).toEqual(['o-done', 'o-done', 'o-failed', 'o-retried']);
    expect(html).toContain('<title>evaluate, attempt 1: retried\n1.0s running\nexit: exited with code 1</title>');
  });

  it('colours each task box by its status', () => {
    const html = renderReportHtml(reportData(studioPlan, studioRun()));
    const boxes = Object.fromEntries([...html.matchAll(/<g class="node (s-[a-z-]+)"><title>([a-z-]+) /g)].map((m) => [m[2], m[1]]));
    expect(boxes).toEqual({ evaluate: 's-done', newsletter: 's-failed', letter: 's-skipped', side: 's-done' });
  });

  it('is one self-contained page: no script, nothing fetched', () => {
    const html = renderReportHtml(reportData(studioPlan, studioRun(), studioLedger()));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const outside of ['<script', '<link', '<img', ' src=', 'href=', '@import', 'http://', 'https://']) expect(html).not.toContain(outside);
    // The graph's arrow heads are the page's only references, and they point inside it.
    expect(new Set([...html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]))).toEqual(new Set(['#arrow']));
    expect(html).toContain('prefers-color-scheme: dark');
  });

  it('puts the sub-agents in the cost table, with cache writes, reads and hit rate', () => {
    const html = renderReportHtml(reportData(studioPlan, studioRun(), studioLedger()));
    expect(html).toContain('<th>sub-agent</th>');
    expect(html).toContain('<td>choreography-analyzer</td>');
    expect(html).toContain('<td>(the worker itself)</td>');
    expect(html).toContain('<th class="n">cache write</th><th class="n">cache read</th><th class="n">hit rate</th>');
    expect(html).toContain('<td class="n">91.7%</td>');
  });

  it('counts the sub-agent requests it could not price, and only when there are some', () => {
    const priced = renderReportHtml(reportData(studioPlan, studioRun(), studioLedger()));
    expect(priced).not.toContain('unpriced');
    const ledger = studioLedger().map((e) => (e.agent === undefined ? e : request(e.task, e.worker, e.usage, undefined, { attempt: e.attempt, agent: e.agent, model: 'claude-unknown' })));
    const html = renderReportHtml(reportData(studioPlan, studioRun(), ledger));
    expect(html).toContain('<th class="n">unpriced requests</th>');
    expect(html).toMatch(/<td>choreography-analyzer<\/td>.*?<td class="n">2<\/td><\/tr>/);
  });

  it('makes a ledger that disagrees with the journal impossible to miss', () => {
    const ledger = studioLedger().filter((e) => e.task !== 'side');
    const html = renderReportHtml(reportData(studioPlan, studioRun(), ledger));
    expect(html).toContain('<li class="warn">Task `side`: the ledger and the journal differ (input tokens: journal 10, ledger 0;');
    expect(html).toContain('<td class="mismatch">differs</td>');
  });

  it('says where sub-agent figures would come from when there is no ledger', () => {
    const html = renderReportHtml(reportData(studioPlan, studioRun()));
    expect(html).toContain('No usage ledger (usage.jsonl) in this run');
    expect(html).not.toContain('<th>sub-agent</th>');
  });
});
