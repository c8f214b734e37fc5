import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/compile.ts';
import { nodeHost } from '../../src/compiler/node-host.ts';
import { planResponder } from '../../src/model-server/plan-responder.ts';
import { startModelServer } from '../../src/model-server/server.ts';
import { run } from '../support/io.ts';
import { copyProject } from '../../scripts/project-copy.ts';

function copyOfShipped(): { cwd: string; workflow: string } {
  // Without the repository's own runs and shipped cassettes: each test says what it has.
  const cwd = copyProject('swarm-cli-cassette-', { cassettes: false });
  return { cwd, workflow: 'workflows/student-review.swarm' };
}

describe('swarm run --record / --replay', () => {
  it('records a run to the cassette beside the workflow, then replays it with no key and no upstream', async () => {
    const { cwd, workflow } = copyOfShipped();
    const file = join(cwd, workflow);
    const plan = compile(readFileSync(file, 'utf8'), file, nodeHost).plan!;
    const upstream = await startModelServer({ respond: planResponder(plan) });
    const keys = { ANTHROPIC_API_KEY: 'sk-cli-runner-0123456789', MARIE_API_KEY: 'sk-cli-marie-0123456789' };
    const recorded = await run(['run', workflow, '--record', '--run-id', 'rec'], { cwd, env: { PATH: process.env['PATH'] ?? '', ANTHROPIC_BASE_URL: upstream.url, ...keys } });
    await upstream.close();
    expect(recorded.code).toBe(0);
    expect(recorded.stderr).toContain('recording every answer');
    const cassette = join(cwd, 'workflows', 'student-review.cassette.jsonl');
    expect(existsSync(cassette)).toBe(true);
    for (const key of Object.values(keys)) expect(readFileSync(cassette, 'utf8')).not.toContain(key);

    // No key, no --replay: the cassette beside the workflow is replayed, and the user is told.
    const replayed = await run(['run', workflow, '--run-id', 'rep'], { cwd, env: { PATH: process.env['PATH'] ?? '' } });
    expect(replayed.stderr).toContain('no API key is set: replaying');
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toContain('5 tasks: 5 done');
    expect(readFileSync(join(cwd, 'workflows', '.swarm', 'runs', 'rep', 'results', 'marie', 'evaluate', 'evaluation.md'), 'utf8')).toBe(
      readFileSync(join(cwd, 'workflows', '.swarm', 'runs', 'rec', 'results', 'marie', 'evaluate', 'evaluation.md'), 'utf8'),
    );
  });

  it('with no key and no cassette, exits 2 naming the missing keys and the three ways on', async () => {
    const { cwd, workflow } = copyOfShipped();
    const r = await run(['run', workflow], { cwd, env: { PATH: process.env['PATH'] ?? '' } });
    expect(r.code).toBe(2);
    for (const text of ['MARIE_API_KEY', 'ANTHROPIC_API_KEY', '--replay', '--dry-run']) expect(r.stderr).toContain(text);
    expect(existsSync(join(cwd, 'workflows', '.swarm'))).toBe(false);
  });

  it('refuses a cassette that is not one, naming the line', async () => {
    const { cwd, workflow } = copyOfShipped();
    const r = await run(['run', workflow, '--replay', 'missing.jsonl'], { cwd, env: { PATH: process.env['PATH'] ?? '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no cassette there');
  });
});
