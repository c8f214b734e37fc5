import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, project, type Project } from './harness.ts';
import { claudeProcessesUnder, firstTurnsFor } from './processes.ts';

const source = `workflow stuck {
  worker marie {
    tools = [Read]
  }
  worker fabien {
    tools = [Read]
  }
  task slow {
    worker  = marie
    timeout = 2s
    retries = 0
    prompt  = "[task:slow] Review the whole archive"
  }
  task after-slow {
    worker = marie
    after  = [slow]
    prompt = "[task:after-slow] Summarise: \${slow.result}"
  }
  task other {
    worker = fabien
    prompt = "[task:other] Draft the newsletter"
  }
}
`;

describe('a task that runs past its timeout', () => {
  let p: Project;
  beforeAll(async () => {
    p = await project(source, {}, {
      script: {
        tasks: {
          '[task:slow]': [{ hang: true }],
          '[task:other]': [{ tool: 'StructuredOutput', input: { summary: 'Newsletter drafted', findings: [], artifacts: [] } }],
        },
      },
    });
  });
  afterAll(() => p.close());

  it('fails as `timeout`, skips its dependants, finishes the unrelated branch, and leaves no CLI running', async () => {
    const outcome = await p.run({ runId: 'timeout' });
    expect(outcome.status).toBe('failed');
    const failed = eventsOf(outcome.events, 'task:failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ task: 'slow', attempt: 1, error: { kind: 'timeout' } });
    expect(eventsOf(outcome.events, 'task:retrying')).toEqual([]);
    expect(eventsOf(outcome.events, 'task:skipped')).toMatchObject([{ task: 'after-slow', because: 'slow' }]);
    expect(eventsOf(outcome.events, 'task:done').map((e) => e.task)).toEqual(['other']);
    expect(outcome.events.at(-1)).toMatchObject({ type: 'run:end', status: 'failed' });
    // On a loaded machine the CLI may not have reached the model in 2 s; it never got an answer.
    expect(firstTurnsFor(p.server, '[task:slow]').length).toBeLessThanOrEqual(1);
    expect(firstTurnsFor(p.server, '[task:after-slow]')).toEqual([]);
    // The hung CLI was ended with its process group, not left behind.
    expect(claudeProcessesUnder(p.dir)).toEqual([]);
  });
});
