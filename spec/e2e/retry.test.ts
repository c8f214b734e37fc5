import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEvent } from '../../src/render/run-log.ts';
import { plain } from '../../src/render/color.ts';
import { eventsOf, project, type Project } from './harness.ts';
import { firstTurnsFor } from './processes.ts';

const source = `workflow flaky {
  worker marie {
    tools = [Read]
  }
  task evaluate {
    worker  = marie
    retries = 1
    prompt  = "[task:evaluate] Evaluate Emma"
  }
  task newsletter {
    worker  = marie
    retries = 0
    prompt  = "[task:newsletter] Draft the newsletter"
  }
}
`;

const summary = (text: string) => ({ tool: 'StructuredOutput', input: { summary: text, findings: [], artifacts: [] } });

describe('failed and rate-limited attempts', () => {
  let p: Project;
  const runId = 'retry';
  let outcome: Awaited<ReturnType<Project['run']>>;
  beforeAll(async () => {
    p = await project(source, {}, {
      script: {
        tasks: {
          '[task:evaluate]': [{ error: 500 }, summary('Emma is ready for Level 4')],
          '[task:newsletter]': [{ error: 429, retryAfterSeconds: 1 }, summary('Newsletter drafted')],
        },
      },
    });
    outcome = await p.run({ runId });
  });
  afterAll(() => p.close());

  it('retries a task whose first attempt hit a 500, and keeps the failed attempt’s result aside', () => {
    expect(outcome.status).toBe('done');
    const retrying = eventsOf(outcome.events, 'task:retrying').filter((e) => e.task === 'evaluate');
    expect(retrying).toHaveLength(1);
    expect(retrying[0]).toMatchObject({ attempt: 1 });
    expect(retrying[0]!.reason).toContain('500');
    const done = eventsOf(outcome.events, 'task:done').find((e) => e.task === 'evaluate')!;
    expect(done).toMatchObject({ attempt: 2, result: { result: 'Emma is ready for Level 4' } });
    expect(outcome.events.indexOf(retrying[0]!)).toBeLessThan(outcome.events.indexOf(done));
    expect(firstTurnsFor(p.server, '[task:evaluate]')).toHaveLength(2);

    const results = join(p.runsDir, runId, 'results', 'marie');
    const retired = join(results, '.attempts', 'evaluate.1.json');
    expect(existsSync(retired)).toBe(true);
    expect(JSON.parse(readFileSync(retired, 'utf8'))).toMatchObject({ task_id: 'evaluate', status: 'failed', attempt: 1, error: { kind: 'api-error', status: 500 } });
    expect(JSON.parse(readFileSync(join(results, 'evaluate.json'), 'utf8'))).toMatchObject({ task_id: 'evaluate', status: 'complete', attempt: 2 });
  });

  it('waits out a 429 in the gateway for its retry-after, then sends the call again: same attempt, no retry spent', () => {
    const waits = eventsOf(outcome.events, 'limit:wait').filter((e) => e.task === 'newsletter');
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ attempt: 1, scope: 'key ANTHROPIC_API_KEY', limit: 'requests/min', cause: 'retry-after' });
    // retry-after: 1, with up to 25% jitter on top.
    expect(waits[0]!.wait_ms).toBeGreaterThanOrEqual(1000);
    expect(waits[0]!.wait_ms).toBeLessThanOrEqual(1250);
    expect(describeEvent(waits[0]!, plain)).toContain('rate-limited (requests/min on key ANTHROPIC_API_KEY, retry-after)');
    expect(eventsOf(outcome.events, 'task:rate-limited')).toEqual([]);
    expect(eventsOf(outcome.events, 'task:retrying').filter((e) => e.task === 'newsletter')).toEqual([]);
    expect(eventsOf(outcome.events, 'task:done').find((e) => e.task === 'newsletter')).toMatchObject({ attempt: 1, result: { result: 'Newsletter drafted' } });
    // The server was asked twice; the CLI saw one slow answer.
    expect(firstTurnsFor(p.server, '[task:newsletter]')).toHaveLength(2);
  });
});
