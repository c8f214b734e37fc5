import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { taskSchema } from '../../src/queue/protocol.ts';
import { taskFileFor } from '../../src/runner/dispatch.ts';
import { estimatePlan } from '../../src/cost/estimate.ts';
import { loadHistory } from '../../src/cost/history.ts';
import { priceTable } from '../../src/cost/prices.ts';
import { dryRunSchema } from '../../src/runner/dry-run.ts';
import { claudeArgs } from '../../src/worker/claude-args.ts';
import { taskClaudeSpec, taskPlace } from '../../src/worker/run-task.ts';
import { run } from '../support/io.ts';
import { compileRepoFile, repoRoot } from '../support/workspace.ts';
import { done, recordRun } from '../cost/journals.ts';

const workflow = 'workflows/student-review.swarm';
const keys = {
  MARIE_API_KEY: 'marie-secret-value-0123456789abcdef',
  ANTHROPIC_API_KEY: 'runner-secret-value-0123456789abcdef',
  GITHUB_TOKEN: 'ghp_0123456789abcdefghijABCDEFGHIJ0123456789',
};

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'swarm-cli-dry-run-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('swarm run --dry-run', () => {
  it('prints the waves, each command line and the prompts, and starts nothing', async () => {
    const runsDir = join(mkdtempSync(join(tmpdir(), 'swarm-dry-runs-')), 'runs');
    const r = await run(['run', workflow, '--dry-run', '--runs-dir', runsDir, '--claude', '/no/such/claude'], { env: keys });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}1 {2}evaluate \[marie\]$/m);
    expect(r.stdout).toMatch(/^ {2}2 {2}placement \[marie\], practice-plan \[marie\], newsletter \[fabien\]$/m);
    expect(r.stdout).toMatch(/^ {2}3 {2}parent-letter \[marie\]$/m);
    expect(r.stdout).toContain('command  claude -p --output-format json --model sonnet');
    expect(r.stdout).toMatch(/--system-prompt <[\d,]+ chars: "# Marie/);
    expect(r.stdout).toContain('Write Emma Rodriguez\'s end-of-term evaluation');
    expect(r.stdout).toContain('<result of evaluate>');
    // The CLI named is shown, never started, and no run directory is made.
    expect(r.stdout).toContain('/no/such/claude');
    expect(existsSync(runsDir)).toBe(false);
  });

  it('shows which variable each key comes from and no secret value, even with keys in the environment', async () => {
    const r = await run(['run', workflow, '--dry-run', '-i', `student=Ana ${keys.GITHUB_TOKEN}`], { env: keys });
    const json = await run(['run', workflow, '--dry-run', '-f', 'json'], { env: keys });
    expect(r.stdout).toContain('ANTHROPIC_API_KEY=<from MARIE_API_KEY>');
    expect(r.stdout).toContain('ANTHROPIC_API_KEY=<from ANTHROPIC_API_KEY>');
    for (const value of Object.values(keys)) {
      expect(r.stdout + r.stderr + json.stdout + json.stderr).not.toContain(value);
    }
  });

  it('needs no key: without one it shows the replay that would run, and exits 0', async () => {
    const r = await run(['run', workflow, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('replayed from workflows/student-review.cassette.jsonl');
  });

  it('with --format json prints the whole plan, argv unabbreviated and as the worker builds it', async () => {
    const r = await run(['run', workflow, '--dry-run', '-f', 'json', '--run-id', 'r1'], { env: keys });
    expect(r.code).toBe(0);
    const dry = dryRunSchema.parse(JSON.parse(r.stdout));
    const plan = compileRepoFile(workflow).plan as Plan;
    const file = join(repoRoot, workflow);
    const info = { run_id: 'r1', workflow_file: file, base_dir: dirname(file), inputs: { student: 'Emma Rodriguez' }, created_at: new Date(0).toISOString() };
    const shown = dry.tasks.find((t) => t.id === 'placement')!;
    const node = plan.nodes.find((n) => n.id === 'placement')!;
    if (node.kind !== 'task') throw new Error('placement is a task');
    const worker = plan.workers.find((w) => w.name === 'marie')!;
    const task = taskSchema.parse(taskFileFor({ task: 'placement', worker: 'marie', attempt: 1, prompt: shown.prompt, node, requeued: false }, 'r1', 0));
    const place = taskPlace(join(dirname(file), '.swarm', 'runs', 'r1'), info, worker, task);
    expect(shown.argv).toEqual(claudeArgs(taskClaudeSpec(plan, info, worker, task, place)));
    expect(shown.argv![shown.argv!.indexOf('--system-prompt') + 1]!.length).toBeGreaterThan(1000);
  });

  it('exits 1 for a workflow with errors, printing its diagnostics, and makes nothing', async () => {
    const cwd = scratch({ 'wf.swarm': 'workflow w {\n  task t {\n    worker = nobody\n    prompt = "x"\n  }\n}\n' });
    const r = await run(['run', 'wf.swarm', '--dry-run'], { cwd, env: keys });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('wf.swarm:3:');
    expect(r.stderr).toContain('unknown worker `nobody`');
    expect(r.stdout).toBe('');
    expect(existsSync(join(cwd, '.swarm'))).toBe(false);
  });

  it('shows a decompose and a synthesize node in their waves, as the runner’s own calls', async () => {
    const r = await run(['run', 'workflows/studio-week.swarm', '--dry-run']);
    expect(r.stdout).toContain('plan-week');
    expect(r.stdout).toContain('weekly-brief');
    expect(r.stdout).not.toMatch(/cannot run yet/);
  });

  it('refuses a missing input or --resume, as a usage error', async () => {
    const cwd = scratch({ 'wf.swarm': 'workflow w {\n  input student {}\n  worker marie {}\n  task t {\n    worker = marie\n    prompt = "Review ${student}"\n  }\n}\n' });
    expect((await run(['run', 'wf.swarm', '--dry-run'], { cwd })).code).toBe(2);
    expect((await run(['run', 'wf.swarm', '--dry-run', '-i', 'student=Ana', '--resume', 'x'], { cwd })).code).toBe(2);
    const ok = await run(['run', 'wf.swarm', '--dry-run', '-i', 'student=Ana'], { cwd });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Review Ana');
    expect(existsSync(join(cwd, '.swarm'))).toBe(false);
  });

  it("says which tasks of a wave wait for a slot of their worker's parallel", async () => {
    const cwd = scratch({ 'wf.swarm': 'workflow w {\n  worker solo {}\n  task a {\n    worker = solo\n    prompt = "a"\n  }\n  task b {\n    worker = solo\n    prompt = "b"\n  }\n  task c {\n    worker = solo\n    priority = high\n    prompt = "c"\n  }\n}\n' });
    const r = await run(['run', 'wf.swarm', '--dry-run'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}1 {2}c \[solo\], a \[solo\], b \[solo\]$/m);
    expect(r.stdout).toContain('solo runs 1 at a time: a, b wait for a free slot');
  });

  it('colours only on a terminal without NO_COLOR', async () => {
    const escape = '\u001b[';
    expect((await run(['run', workflow, '--dry-run'], { env: keys, tty: true })).stdout).toContain(escape);
    expect((await run(['run', workflow, '--dry-run'], { env: { ...keys, NO_COLOR: '1' }, tty: true })).stdout).not.toContain(escape);
    expect((await run(['run', workflow, '--dry-run'], { env: keys })).stdout).not.toContain(escape);
  });

  it('prints the cost estimate: the run as a range, per task and worker, the basis, the prices\' date and the budgets', async () => {
    const runsDir = join(mkdtempSync(join(tmpdir(), 'swarm-dry-runs-')), 'runs');
    const r = await run(['run', workflow, '--dry-run', '--runs-dir', runsDir], { env: keys });
    const json = dryRunSchema.parse(JSON.parse((await run(['run', workflow, '--dry-run', '-f', 'json', '--runs-dir', runsDir], { env: keys })).stdout));
    const plan = compileRepoFile(workflow).plan as Plan;
    expect(json.cost).toEqual(estimatePlan(plan, undefined, { inputs: { student: 'Emma Rodriguez' } }));
    const cents = (usd: number, round: (n: number) => number) => `$${(round(usd * 100 + (round === Math.floor ? 1e-9 : -1e-9)) / 100).toFixed(2)}`;
    const total = json.cost.run.costUsd;
    expect(r.stdout).toContain(`Cost estimate  ${cents(total.low, Math.floor)}–${cents(total.high, Math.ceil)} for the run, expected $${total.expected.toFixed(2)} (from prompt sizes)`);
    expect(r.stdout).toMatch(/^ {2}task +worker +model +input tokens +output tokens +cost +basis$/m);
    expect(r.stdout).toMatch(/^ {2}newsletter +fabien +sonnet +\d+k–\d+k +\d+–\d+k +\$\d\.\d\d–\$\d\.\d\d +prompt$/m);
    expect(r.stdout).toMatch(/^ {2}marie +sonnet +4 +\$\d\.\d\d–\$\d\.\d\d +\$\d\.\d\d$/m);
    expect(r.stdout).toContain(`Prices of ${priceTable.date}, measured from Claude Code 2.1.197`);
    for (const b of json.cost.budgets) {
      const who = b.scope === 'workflow' ? "The workflow's budget" : `Task ${b.id}'s budget`;
      expect(r.stdout).toContain(`${who} of $${b.budgetUsd.toFixed(2)} ${{ within: 'holds', 'at-risk': 'is at risk', exceeded: 'will be exceeded' }[b.status]}`);
    }
  });

  it('estimates from the earlier runs in the runs directory, and warns of a budget the history says is exceeded', async () => {
    const runsDir = join(mkdtempSync(join(tmpdir(), 'swarm-dry-runs-')), 'runs');
    const plan = compileRepoFile(workflow).plan as Plan;
    recordRun(runsDir, 'earlier', plan, { evaluate: [done(1.5)], placement: [done(0.2)], 'practice-plan': [done(0.2)], newsletter: [done(0.1)], 'parent-letter': [done(0.2)] });
    const r = await run(['run', workflow, '--dry-run', '--runs-dir', runsDir], { env: keys });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}evaluate +marie +sonnet .+ +\$1\.05–\$1\.95 +history: 1 run of this task$/m);
    expect(r.stdout).toContain("Task evaluate's budget of $1.00 will be exceeded: the estimate is at least $1.05.");
    const json = dryRunSchema.parse(JSON.parse((await run(['run', workflow, '--dry-run', '-f', 'json', '--runs-dir', runsDir], { env: keys })).stdout));
    expect(json.cost).toEqual(estimatePlan(plan, loadHistory(runsDir), { inputs: { student: 'Emma Rodriguez' } }));
    expect(json.cost.budgets.find((b) => b.id === 'evaluate')).toMatchObject({ scope: 'task', status: 'exceeded' });
  });

  it('estimates with the inputs given: a longer input, a larger prompt', async () => {
    // A runs directory of its own: earlier runs beside the workflow (the demo's) would make it an estimate from history.
    const runsDir = mkdtempSync(join(tmpdir(), 'swarm-dry-run-none-'));
    const cost = async (student: string) =>
      dryRunSchema.parse(JSON.parse((await run(['run', workflow, '--dry-run', '-f', 'json', '--runs-dir', runsDir, '-i', `student=${student}`], { env: keys })).stdout)).cost;
    expect((await cost('Ana '.repeat(2_000))).run.inputTokens.low).toBeGreaterThan((await cost('Ana')).run.inputTokens.low);
  });

  it('is in swarm run --help, with an example', async () => {
    const r = await run(['run', '--help']);
    expect(r.stdout).toContain('--dry-run');
    expect(r.stdout).toMatch(/swarm run \S+ --dry-run/);
  });
});
