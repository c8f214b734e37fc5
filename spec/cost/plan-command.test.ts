import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planReportSchema } from '../../src/cli/plan.ts';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { estimatePlan } from '../../src/cost/estimate.ts';
import { loadHistory } from '../../src/cost/history.ts';
import { priceTable } from '../../src/cost/prices.ts';
import { run } from '../support/io.ts';
import { compileRepoFile } from '../support/workspace.ts';
import { done, recordRun, usage } from './journals.ts';

const workflow = 'workflows/student-review.swarm';

/** `swarm plan ARGS` through the real CLI, in process, with captured output. */
function plan(argv: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}) {
  return run(['plan', ...argv], options);
}

function runsWithHistory(): string {
  const runsDir = join(mkdtempSync(join(tmpdir(), 'swarm-plan-runs-')), 'runs');
  const compiled = compileRepoFile(workflow).plan as Plan;
  recordRun(runsDir, 'earlier', compiled, Object.fromEntries(compiled.order.map((id, i) => [id, [done(0.1 * (i + 1), usage(20_000, 2_000))]])));
  return runsDir;
}

/** The lines from `Cost estimate` to the end of its paragraph of budgets. */
function costSection(text: string): string {
  const start = text.indexOf('Cost estimate');
  const end = text.indexOf('\n\n', text.indexOf('Prices of', start));
  return text.slice(start, end < 0 ? undefined : end).trimEnd();
}

describe('swarm plan', () => {
  it('prints the order, the critical path and the cost estimate of a workflow, running nothing', async () => {
    const r = await plan([workflow, '--runs-dir', join(mkdtempSync(join(tmpdir(), 'swarm-plan-')), 'none')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const compiled = compileRepoFile(workflow).plan as Plan;
    const estimate = estimatePlan(compiled);
    expect(r.stdout).toMatch(/^Plan of student-review {2}workflows\/student-review\.swarm: 5 nodes, 2 workers; nothing is run\.$/m);
    expect(r.stdout).toMatch(/^ {2}1\. evaluate \[marie\]$/m);
    expect(r.stdout).toMatch(/^ {2}4\. newsletter \[fabien\]$/m);
    expect(r.stdout).toContain(`Critical path  ${compiled.criticalPath.join(' → ')}`);
    expect(r.stdout).toMatch(/^Cost estimate {2}\$\d+\.\d\d–\$\d+\.\d\d for the run, expected \$\d+\.\d\d \(from prompt sizes\)$/m);
    expect(r.stdout).toMatch(/^ {2}evaluate +marie +sonnet +\d+k–\d+k +\d+–\d+k +\$\d\.\d\d–\$\d\.\d\d +prompt$/m);
    expect(r.stdout).toContain(`Prices of ${priceTable.date}, measured from Claude Code 2.1.197 by scripts/measure-prices.ts.`);
    const workflowBudget = estimate.budgets.find((b) => b.scope === 'workflow')!;
    expect(r.stdout).toContain(workflowBudget.status === 'within' ? "The workflow's budget of $3.00 holds" : "The workflow's budget of $3.00 is at risk");
    expect(r.stdout).toContain("Task evaluate's budget of $1.00");
  });

  it('shows the same cost section as swarm run --dry-run', async () => {
    const runsDir = runsWithHistory();
    const planned = await plan([workflow, '--runs-dir', runsDir]);
    const dry = await run(['run', workflow, '--dry-run', '--runs-dir', runsDir]);
    expect(costSection(planned.stdout)).toContain('history: 1 run of this task');
    expect(costSection(planned.stdout)).toBe(costSection(dry.stdout));
  });

  it('with --format json prints the order, critical path and estimate, from the runs in --runs-dir', async () => {
    const runsDir = runsWithHistory();
    const r = await plan([workflow, '-f', 'json', '--runs-dir', runsDir]);
    expect(r.code).toBe(0);
    const report = planReportSchema.parse(JSON.parse(r.stdout));
    const compiled = compileRepoFile(workflow).plan as Plan;
    expect(report.order.map((n) => n.id)).toEqual(compiled.order);
    expect(report.order[0]).toEqual({ id: 'evaluate', kind: 'task', worker: 'marie' });
    expect(report.critical_path).toEqual(compiled.criticalPath);
    expect(report.runs_dir).toBe(runsDir);
    expect(report.cost).toEqual(estimatePlan(compiled, loadHistory(runsDir)));
    expect(report.cost.tasks.every((t) => t.basis === 'history')).toBe(true);
    // evaluate cost $0.10 in the earlier run: its budget of $1 holds.
    expect(report.cost.budgets.find((b) => b.id === 'evaluate')).toMatchObject({ status: 'within' });
  });

  it('exits 1 for a workflow with errors, with its diagnostics on stderr and nothing on stdout', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'swarm-plan-'));
    writeFileSync(join(cwd, 'wf.swarm'), 'workflow w {\n  task t {\n    worker = nobody\n    prompt = "x"\n  }\n}\n');
    const r = await plan(['wf.swarm'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('wf.swarm:3:');
    expect(r.stdout).toBe('');
  });

  it('exits 2 for a file that does not exist, an unknown flag or format', async () => {
    expect(await plan(['nope.swarm'])).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read nope.swarm: no such file') });
    expect((await plan([workflow, '--budget', '3'])).code).toBe(2);
    expect((await plan([workflow, '-f', 'yaml'])).code).toBe(2);
  });

  it('warns about a journal it cannot read and estimates without it', async () => {
    const runsDir = runsWithHistory();
    const broken = join(runsDir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'journal.jsonl'), 'not json\n');
    const r = await plan([workflow, '--runs-dir', runsDir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^swarm plan: left a run out of the estimate: broken: journal\.jsonl:1: not valid JSON/m);
    expect(r.stdout).toContain('history: 1 run of this task');
  });

  it('has --help with examples', async () => {
    const r = await plan(['--help']);
    expect(r.stdout).toContain('--runs-dir');
    expect(r.stdout).toContain('swarm plan workflows/student-review.swarm');
    expect(r.stdout).toMatch(/Exit codes: 0 planned, 1 the workflow has errors, 2 usage error/);
  });
});
