import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countBy, journalEvents, spawnSwarm } from './cli-child.ts';
import { project, testEnv, type Project } from './harness.ts';
import { claudeProcessesUnder, firstTurnsFor } from './processes.ts';

const source = `workflow stoppable {
  worker marie {
    tools = [Read]
  }
  task evaluate {
    worker = marie
    prompt = "[task:evaluate] Evaluate Emma"
  }
  task newsletter {
    worker = marie
    after  = [evaluate]
    prompt = "[task:newsletter] Write the newsletter from: \${evaluate.result}"
  }
}
`;

const summary = (text: string) => ({ tool: 'StructuredOutput', input: { summary: text, findings: [], artifacts: [] } });

describe('Ctrl-C during swarm run', () => {
  let p: Project;
  let asked!: () => void;
  const inFlight = new Promise<void>((resolve) => (asked = resolve));
  beforeAll(async () => {
    p = await project(source, {}, {
      script: {
        tasks: {
          // Still waiting for the model when Ctrl-C comes.
          '[task:evaluate]': [{ hang: true }, summary('Emma is ready for Level 4')],
          '[task:newsletter]': [summary('Newsletter written')],
        },
      },
      respond: (request) => {
        if (request.firstUserText.includes('[task:evaluate]')) asked();
        return undefined;
      },
    });
  });
  afterAll(() => p.close());

  it('stops with 130 and `run:end interrupted`, hands the task back to pending, and --resume finishes it', async () => {
    const runId = 'ctrl-c';
    const runDir = join(p.runsDir, runId);
    const env = testEnv(p.server.url);
    const args = ['--runs-dir', p.runsDir];
    const first = spawnSwarm(['run', p.workflowFile, '--run-id', runId, ...args], { cwd: p.dir, env });
    await inFlight;
    first.child.kill('SIGINT');
    const stopped = await first.exited;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain('swarm: stopping');
    expect(stopped.stdout).toContain(`continue with: swarm run ${p.workflowFile} --resume ${runId}`);
    expect(journalEvents(runDir).at(-1)).toMatchObject({ type: 'run:end', status: 'interrupted' });
    // Nothing is left claimed or leased: the task is pending again, to be run whole.
    expect(readdirSync(join(runDir, 'claimed', 'marie'))).toEqual([]);
    expect(readdirSync(join(runDir, 'leases', 'marie'))).toEqual([]);
    expect(readdirSync(join(runDir, 'tasks', 'marie'))).toEqual(['evaluate.json']);
    expect(claudeProcessesUnder(p.dir)).toEqual([]);

    const resumed = await spawnSwarm(['run', p.workflowFile, '--resume', runId, ...args], { cwd: p.dir, env }).exited;
    expect(resumed.code, resumed.stderr).toBe(0);
    const events = journalEvents(runDir);
    expect(countBy(events.filter((e) => e.type === 'task:done'), (e) => e.task)).toEqual({ evaluate: 1, newsletter: 1 });
    expect(events.filter((e) => e.type === 'run:end').map((e) => e.status)).toEqual(['interrupted', 'done']);
    expect(firstTurnsFor(p.server, '[task:evaluate]')).toHaveLength(2);
    expect(readdirSync(join(runDir, 'tasks', 'marie'))).toEqual([]);
  });
});
