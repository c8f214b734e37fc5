import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countBy, journalEvents, spawnSwarm, whenJournal } from './cli-child.ts';
import { project, testEnv, type Project } from './harness.ts';
import { claudeProcessesUnder, firstTurnsFor } from './processes.ts';

const source = `workflow resumable {
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
  task photos {
    worker = fabien
    prompt = "[task:photos] Sort the recital photos"
  }
  task newsletter {
    worker = marie
    after  = [evaluate, photos]
    prompt = "[task:newsletter] Write the newsletter from: \${evaluate.result} and \${photos.result}"
  }
}
`;

const summary = (text: string) => ({ tool: 'StructuredOutput', input: { summary: text, findings: [], artifacts: [] } });

describe('the runner killed mid-run, then resumed', () => {
  let p: Project;
  let photosAsked!: () => void;
  const photosInFlight = new Promise<void>((resolve) => (photosAsked = resolve));
  beforeAll(async () => {
    p = await project(source, {}, {
      script: {
        tasks: {
          '[task:evaluate]': [summary('Emma is ready for Level 4')],
          // The first run's CLI for photos never gets an answer: the runner dies under it.
          '[task:photos]': [{ hang: true }, summary('42 photos sorted')],
          '[task:newsletter]': [summary('Newsletter written')],
        },
      },
      respond: (request) => {
        if (request.firstUserText.includes('[task:photos]')) photosAsked();
        return undefined;
      },
    });
  });
  afterAll(() => p.close());

  it('finishes every task exactly once, never sending a done task to the model again', async () => {
    const runId = 'killed';
    const runDir = join(p.runsDir, runId);
    const env = testEnv(p.server.url);
    const args = ['--runs-dir', p.runsDir, '--lease', '3000'];
    const first = spawnSwarm(['run', p.workflowFile, '--run-id', runId, ...args], { cwd: p.dir, env });
    const before = await whenJournal(runDir, (events) => events.some((e) => e.type === 'task:done' && e.task === 'evaluate'), first);
    await photosInFlight;
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const doneBefore = before.filter((e) => e.type === 'task:done').map((e) => e.task);
    expect(doneBefore).toEqual(['evaluate']);
    expect(journalEvents(runDir).some((e) => e.type === 'run:end')).toBe(false);

    const second = await spawnSwarm(['run', p.workflowFile, '--resume', runId, ...args], { cwd: p.dir, env }).exited;
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`Run ${runId} done`);

    const events = journalEvents(runDir);
    expect(countBy(events.filter((e) => e.type === 'task:done'), (e) => e.task)).toEqual({ evaluate: 1, photos: 1, newsletter: 1 });
    expect(events.filter((e) => e.type === 'run:start').map((e) => e.resumed ?? false)).toEqual([false, true]);
    expect(events.at(-1)).toMatchObject({ type: 'run:end', status: 'done' });
    expect(events.filter((e) => e.type === 'task:requeued')).toMatchObject([{ task: 'photos', reason: 'runner resumed' }]);

    expect(firstTurnsFor(p.server, '[task:evaluate]')).toHaveLength(1);
    expect(firstTurnsFor(p.server, '[task:photos]')).toHaveLength(2);
    expect(firstTurnsFor(p.server, '[task:newsletter]')).toHaveLength(1);
    expect(JSON.stringify(firstTurnsFor(p.server, '[task:newsletter]')[0]!.body)).toContain('Emma is ready for Level 4 and 42 photos sorted');
    expect(claudeProcessesUnder(p.dir)).toEqual([]);
  });
});
