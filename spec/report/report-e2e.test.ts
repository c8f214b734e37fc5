import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/project-copy.ts';
import type { Io } from '../../src/cli/io.ts';
import { runReport } from '../../src/cli/report.ts';
import { compile } from '../../src/compiler/compile.ts';
import { nodeHost } from '../../src/compiler/node-host.ts';
import { sumFigures, usageOf } from '../../src/report/figures.ts';
import { reportSchema } from '../../src/report/report-schema.ts';
import { journalPath, readJournal } from '../../src/runtime/journal.ts';
import { status } from '../../src/runtime/run-status.ts';
import { chooseModel } from '../../src/runner/model-source.ts';
import { testWorkflow, type TestOutcome } from '../../src/runner/test-workflow.ts';

function capture(cwd: string): { io: Io; out: () => string } {
  let out = '';
  return { io: { stdout: { write: (t) => void (out += t) }, stderr: { write: () => undefined }, env: {}, cwd }, out: () => out };
}

/** A real run: the shipped student review replayed offline from its cassette, in a scratch copy. */
describe('swarm report on a replayed run of workflows/student-review.swarm', () => {
  const dir = copyProject('swarm-report-e2e-', { cassettes: true });
  const workflowFile = join(dir, 'workflows', 'student-review.swarm');
  const plan = compile(readFileSync(workflowFile, 'utf8'), workflowFile, nodeHost).plan!;
  let tested: TestOutcome;
  let runDir: string;

  beforeAll(async () => {
    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin' };
    const model = chooseModel({ plan, workflowFile, env });
    if (!model.ok || model.choice.mode !== 'replay') throw new Error('student-review must replay from its shipped cassette');
    tested = await testWorkflow({ plan, workflowFile, inputs: {}, runsDir: join(dir, 'runs'), runId: 'offline', env, cassette: model.choice.cassette });
    runDir = tested.run.runDir;
    // Hooks get 10 s by default, not the 60 s tests get (vitest.config.ts); a loaded machine needs more.
  }, 60_000);

  it('prints JSON whose totals are swarm status\'s and whose workers are the plan\'s', async () => {
    expect(tested.run.status).toBe('done');
    const c = capture(dir);
    expect(await runReport({ format: 'json', run: 'offline', runsDir: 'runs' }, c.io)).toBe(0);
    const data = reportSchema.parse(JSON.parse(c.out()));
    const fromStatus = status(plan, readJournal(journalPath(runDir)).events).totals;
    expect(usageOf(data.totals)).toEqual(fromStatus.usage);
    expect(data.totals.cost_usd).toBe(fromStatus.costUsd);
    expect(data.totals.cost_usd).toBeGreaterThan(0);
    expect(data.workers.map((w) => w.worker)).toEqual(plan.workers.map((w) => w.name));
    expect(data.tasks.map((t) => [t.id, t.status])).toEqual(plan.nodes.map((n) => [n.id, 'done']));
    expect(data.tasks.every((t) => t.spans.length === t.attempts && t.spans.every((s) => s.outcome === 'done'))).toBe(true);
    expect(data.run).toMatchObject({ id: 'offline', workflow: 'student-review', state: 'done' });
  });

  it('checks every task against the gateway\'s ledger and splits out Marie\'s sub-agent', async () => {
    const c = capture(dir);
    await runReport({ format: 'json', run: runDir }, c.io);
    const data = reportSchema.parse(JSON.parse(c.out()));
    expect(data.ledger).toMatchObject({ present: true, matches: true });
    expect(data.notes).toEqual([]);
    expect(data.tasks.every((t) => t.ledger_matches === true && t.ledger!.requests > 0)).toBe(true);
    expect(data.agents.map((a) => [a.worker, a.agent])).toEqual([['marie', null], ['marie', 'choreography-analyzer'], ['fabien', null]]);
    expect(usageOf(sumFigures(data.agents))).toEqual(usageOf(data.totals));
  });

  it('writes a page in the run directory naming every task and worker', async () => {
    const c = capture(dir);
    expect(await runReport({ format: 'html', run: runDir }, c.io)).toBe(0);
    expect(c.out()).toBe(`${join(runDir, 'report.html')}\n`);
    const html = readFileSync(join(runDir, 'report.html'), 'utf8');
    for (const node of plan.nodes) expect(html).toContain(`<td>${node.id}</td>`);
    for (const worker of plan.workers) expect(html).toMatch(new RegExp(`class="lane-label"[^>]*>${worker.name}</text>`));
    expect(html).toContain('<span class="badge s-done">done</span>');
  });
});
