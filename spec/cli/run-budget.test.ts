import { describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/project-copy.ts';
import { run } from '../support/io.ts';

describe('swarm run --budget, offline through the shipped cassette', () => {
  it('exits 5 when the budget runs out, prints how to go on, and --resume with a larger --budget finishes', async () => {
    const cwd = copyProject('swarm-cli-budget-', { cassettes: true });
    const env = { PATH: process.env['PATH'] ?? '' };
    const workflow = 'workflows/student-review.swarm';
    const short = await run(['run', workflow, '--run-id', 'short', '--budget', '$0.25'], { cwd, env });
    expect(short.code, short.stderr).toBe(5);
    expect(short.stdout).toMatch(/held: budget exhausted: the run's budget of \$0\.25 has \$0\.\d\d left, and `[a-z-]+` is estimated at \$0\.\d\d/);
    expect(short.stdout).toContain(`Run short budget-exhausted`);
    expect(short.stdout).toContain(`continue with a larger budget: swarm run ${workflow} --resume short --budget <dollars>`);

    const status = await run(['status', 'short', '-w', workflow], { cwd, env });
    expect(status.code).toBe(5);

    const more = await run(['run', workflow, '--resume', 'short', '--budget', '2'], { cwd, env });
    expect(more.code, more.stderr).toBe(0);
    expect(more.stdout).toContain('reopened (run resumed with a budget of $2.00)');
    expect(more.stdout).toContain('5 tasks: 5 done');
  });

  it('refuses a budget that is not an amount above zero, as a usage error', async () => {
    const r = await run(['run', 'workflows/student-review.swarm', '--budget', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Expected --budget to be an amount of dollars above zero, like $5 or 2.50, got `lots`');
  });
});
