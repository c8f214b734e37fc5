import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSwarm } from './cli-child.ts';
import { project, type Project } from './harness.ts';

const source = `workflow reported {
  worker marie {
    tools = [Read]
  }
  worker fabien {
    tools = [Read]
  }
  task evaluate {
    worker = marie
    prompt = "[task:evaluate] Evaluate Emma"
  }
  task newsletter {
    worker = fabien
    after  = [evaluate]
    prompt = "[task:newsletter] Write about: \${evaluate.result}"
  }
}
`;

const summary = (text: string) => [{ tool: 'StructuredOutput', input: { summary: text, findings: [], artifacts: [] } }];

describe('swarm status on a finished run', () => {
  let p: Project;
  const runId = 'reported';
  beforeAll(async () => {
    p = await project(source, {}, { script: { tasks: { '[task:evaluate]': summary('Ready for Level 4'), '[task:newsletter]': summary('Drafted') } } });
    const outcome = await p.run({ runId });
    expect(outcome.status).toBe('done');
  });
  afterAll(() => p.close());

  const status = (...args: string[]) => spawnSwarm(['status', ...args], { cwd: p.dir, env: { PATH: process.env['PATH'] ?? '' } }).exited;

  it('exits 0 and lists every task, its worker and its state in a table', async () => {
    const out = await status(runId, '--runs-dir', p.runsDir);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Run ${runId} of reported: done`);
    const rows = out.stdout.split('\n');
    expect(rows.find((r) => /^\s*task\s+status\s+worker\s+tries/.test(r))).toBeDefined();
    expect(rows.find((r) => /^\s*evaluate\s+done\s+marie\s+1\b/.test(r))).toBeDefined();
    expect(rows.find((r) => /^\s*newsletter\s+done\s+fabien\s+1\b/.test(r))).toBeDefined();
  });

  it('finds the latest run of the workflow by itself, and prints JSON with --format json', async () => {
    const out = await status('--workflow', p.workflowFile, '--format', 'json');
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report).toMatchObject({ run_dir: join(p.runsDir, runId), runId, workflow: 'reported', state: 'done', resumes: 0, summary: { total: 2, finished: true, outcome: 'done' } });
    expect(report.tasks.map((t: { id: string; worker: string; status: string; attempts: number }) => [t.id, t.worker, t.status, t.attempts])).toEqual([
      ['evaluate', 'marie', 'done', 1],
      ['newsletter', 'fabien', 'done', 1],
    ]);
    expect(report.tasks.every((t: { turns: number }) => t.turns >= 1)).toBe(true);
  });
});
