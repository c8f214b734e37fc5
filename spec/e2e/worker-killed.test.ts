import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor, WorkerProcess } from '../../src/worker/executor.ts';
import { localExecutor } from '../../src/worker/local-executor.ts';
import { eventsOf, project, type Project } from './harness.ts';
import { claudeProcessesUnder, firstTurnsFor } from './processes.ts';

const source = `workflow crashy {
  worker marie {
    tools = [Read]
  }
  task long {
    worker = marie
    prompt = "[task:long] Go through every recording of the term"
  }
}
`;

describe('a worker killed in the middle of a task', () => {
  let p: Project;
  const started: WorkerProcess[] = [];
  // Hands out the local executor's workers, so the test can kill one as a crash would.
  const executor: Executor = {
    kind: 'local',
    start(spec) {
      const proc = localExecutor().start(spec);
      started.push(proc);
      return proc;
    },
  };
  let killed = false;
  beforeAll(async () => {
    p = await project(source, {}, {
      script: {
        tasks: {
          // The first attempt's CLI never gets an answer: its worker dies while it waits.
          '[task:long]': [{ hang: true }, { tool: 'StructuredOutput', input: { summary: 'All recordings reviewed', findings: [], artifacts: [] } }],
        },
      },
      respond: (request) => {
        if (!killed && request.firstUserText.includes('[task:long]')) {
          killed = true;
          started.at(-1)!.kill();
        }
        return undefined;
      },
    });
  });
  afterAll(() => p.close());

  it('restarts the worker, runs the task again once its lease lapses, and the run ends done', async () => {
    const runId = 'worker-killed';
    const outcome = await p.run({ runId, executor, leaseMs: 2_000 });
    expect(killed).toBe(true);
    expect(outcome.status).toBe('done');
    expect(started.length).toBe(2);
    expect(await started[0]!.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const requeued = eventsOf(outcome.events, 'task:requeued');
    expect(requeued).toMatchObject([{ task: 'long', attempt: 1, reason: 'lease lapsed' }]);
    const starts = eventsOf(outcome.events, 'task:start');
    expect(starts).toHaveLength(2);
    expect(starts[0]!.owner).not.toBe(starts[1]!.owner);
    expect(eventsOf(outcome.events, 'task:done')).toMatchObject([{ task: 'long', attempt: 1, result: { result: 'All recordings reviewed' } }]);
    expect(firstTurnsFor(p.server, '[task:long]')).toHaveLength(2);

    const log = readFileSync(join(p.runsDir, runId, 'logs', 'runner.log'), 'utf8');
    expect(log).toContain('worker marie killed by SIGKILL; restarting it (1 of 5)');
    expect(log).toContain('long: the lease of');
    // The dead worker's CLI went with it, rather than running on unsupervised.
    expect(claudeProcessesUnder(p.dir)).toEqual([]);
  });
});
