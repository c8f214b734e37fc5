import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstUserText, messagesRequestSchema } from '../../src/model-server/request.ts';
import { eventsOf, project, type Project } from './harness.ts';
import { requestsFor } from './processes.ts';

const source = `workflow chain {
  worker marie {
    tools = [Read]
  }
  task a {
    worker = marie
    prompt = "[task:a] List the studio's classes"
  }
  task b {
    worker = marie
    after  = [a]
    prompt = "[task:b] Pick the busiest class from: \${a.result}"
  }
  task c {
    worker = marie
    after  = [b]
    prompt = "[task:c] Plan a showcase for: \${b.result}"
  }
}
`;

const answer = (summary: string) => [{ tool: 'StructuredOutput', input: { summary, findings: [summary], artifacts: [] } }];

describe('a chain a → b → c', () => {
  let p: Project;
  beforeAll(async () => {
    p = await project(source, {}, {
      script: {
        tasks: {
          '[task:a]': answer('Ballet 1 (14 pupils), Jazz 2 (9 pupils)'),
          '[task:b]': answer('Ballet 1 is the busiest'),
          '[task:c]': answer('Showcase planned for Ballet 1'),
        },
      },
    });
  });
  afterAll(() => p.close());

  it('runs the tasks in order, each prompt carrying the result it reads', async () => {
    const outcome = await p.run({ runId: 'chain' });
    expect(outcome.status).toBe('done');
    expect(eventsOf(outcome.events, 'task:start').map((e) => e.task)).toEqual(['a', 'b', 'c']);
    // A task starts only once the one before it is done.
    const order = outcome.events.filter((e) => e.type === 'task:start' || e.type === 'task:done').map((e) => `${e.type}:${'task' in e ? e.task : ''}`);
    expect(order).toEqual(['task:start:a', 'task:done:a', 'task:start:b', 'task:done:b', 'task:start:c', 'task:done:c']);

    const prompt = (marker: string) => {
      const [first] = requestsFor(p.server, marker);
      return firstUserText(messagesRequestSchema.parse(first!.body));
    };
    expect(prompt('[task:b]')).toContain('[task:b] Pick the busiest class from: Ballet 1 (14 pupils), Jazz 2 (9 pupils)');
    expect(prompt('[task:c]')).toContain('[task:c] Plan a showcase for: Ballet 1 is the busiest');
    expect(eventsOf(outcome.events, 'task:done').at(-1)!.result.result).toBe('Showcase planned for Ballet 1');
  });
});
