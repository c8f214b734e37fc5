import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../support/io.ts';
import { copyProject } from '../../scripts/project-copy.ts';

/**
 * `swarm test` on a copy of the shipped student review and its cassette: the real CLI, queue
 * and tools, with the model replayed. Expect blocks change nothing the run sends, so blocks
 * added to the copy still replay against the shipped cassette.
 */
function copyOfShipped(): { cwd: string; workflow: string; file: string } {
  const cwd = copyProject('swarm-cli-test-', { cassettes: true });
  return { cwd, workflow: 'workflows/student-review.swarm', file: join(cwd, 'workflows', 'student-review.swarm') };
}

/** Puts `blocks` inside the workflow, before its closing brace. */
function addBlocks(file: string, blocks: string): void {
  const text = readFileSync(file, 'utf8').trimEnd();
  writeFileSync(file, `${text.slice(0, -1)}\n${blocks}\n}\n`);
}

const env = () => ({ PATH: process.env['PATH'] ?? '' });

describe('swarm test', () => {
  it('replays the shipped workflow with no key and passes its expect blocks, exit 0', async () => {
    const { cwd, workflow } = copyOfShipped();
    const r = await run(['test', workflow], { cwd, env: env() });
    expect(r.stderr).toContain('replaying');
    expect(r.code).toBe(0);
    for (const name of ['evaluation-covers-the-term', 'office-notes-stay-internal', 'letter-names-the-deadline', 'whole-review-within-budget']) {
      expect(r.stdout).toMatch(new RegExp(`✓ ${name} `));
    }
    expect(r.stdout).toContain('4 expectations passed');
    // The tools really ran: the files the checks read are on disk.
    const runs = join(cwd, 'workflows', '.swarm', 'runs');
    expect(existsSync(runs)).toBe(true);
  });

  it('fails with exit 1 when an expectation does not hold, saying which check failed and what was there', async () => {
    const { cwd, workflow, file } = copyOfShipped();
    addBlocks(
      file,
      `  expect mentions-grand-jete {
    description = "Made to fail: the evaluation never says this"
    task     = evaluate
    file     = "evaluation.md"
    contains = ["## Strengths", "grand jeté en tournant"]
  }
  expect costs-nothing {
    cost-under = $0.01
  }
  expect placement-not-written-there {
    task = placement
    file = "no-such-file.md"
  }`,
    );
    const r = await run(['test', workflow], { cwd, env: env() });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ mentions-grand-jete \(task evaluate, workflows\/student-review\.swarm:\d+\)/);
    expect(r.stdout).toContain('Made to fail: the evaluation never says this');
    expect(r.stdout).toContain('✓ contains "## Strengths": found in evaluation.md');
    expect(r.stdout).toContain('✗ contains "grand jeté en tournant": not in evaluation.md: # Emma Rodriguez');
    expect(r.stdout).toMatch(/✗ cost under \$0\.01: \$0\.\d\d/);
    expect(r.stdout).toContain('✗ file no-such-file.md: not written');
    expect(r.stdout).toContain('3 of 7 expectations failed');
    // The shipped checks still pass alongside the failing ones.
    expect(r.stdout).toMatch(/✓ letter-names-the-deadline /);
  });

  it('prints one JSON report per workflow with --format json', async () => {
    const { cwd, workflow, file } = copyOfShipped();
    addBlocks(file, '  expect letter-opens-with-a-greeting {\n    task = parent-letter\n    file = "parent-letter.md"\n    matches = "^Dear \\\\w+,$"\n    excludes = "TODO"\n  }');
    const r = await run(['test', workflow, '--format', 'json'], { cwd, env: env() });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    const report = lines.find((l) => l.type === 'test') as unknown as {
      passed: boolean;
      run_status: string;
      cost_usd: number;
      expectations: { name: string; passed: boolean; checks: { kind: string; passed: boolean }[] }[];
    };
    expect(report.passed).toBe(true);
    expect(report.run_status).toBe('done');
    expect(report.cost_usd).toBeGreaterThan(0);
    const added = report.expectations.find((e) => e.name === 'letter-opens-with-a-greeting')!;
    expect(added.checks.map((c) => c.kind)).toEqual(['status', 'file', 'excludes', 'matches']);
    // Run events come first, one per line, as with swarm run -f json.
    expect(lines.some((l) => l.type === 'task:done')).toBe(true);
  });

  it('holds a workflow without expect blocks to running to the end', async () => {
    const { cwd, workflow, file } = copyOfShipped();
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n  # What `swarm test[\s\S]*$/, '\n}\n'));
    const r = await run(['test', workflow], { cwd, env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ run-completes (the run, workflows/student-review.swarm:1)');
  });

  it('exits 2 when there is no cassette, saying how to record one; and 2 for a workflow with errors', async () => {
    const { cwd, workflow, file } = copyOfShipped();
    rmSync(join(cwd, 'workflows', 'student-review.cassette.jsonl'));
    const none = await run(['test', workflow], { cwd, env: env() });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no cassette to replay at workflows/student-review.cassette.jsonl');
    expect(none.stderr).toContain('--record');
    expect(existsSync(join(cwd, 'workflows', '.swarm'))).toBe(false);

    appendFileSync(file, '\n');
    addBlocks(file, '  expect broken {\n    task = evalute\n  }');
    const bad = await run(['test', workflow], { cwd, env: env() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown task `evalute`');
    expect(bad.stderr).toContain('did you mean `evaluate`?');
  });
});
