import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, project, type Project } from './harness.ts';

// Every call of anga's is refused as a bad key: a broken setup, not bad luck.
const source = `workflow broken {
  circuit-breaker = 2
  worker anga {
    tools = [Read]
  }
  worker marie {
    tools = [Read]
  }
  task one {
    worker   = anga
    priority = high
    prompt   = "[task:one] Draft one"
  }
  task two {
    worker   = anga
    priority = high
    prompt   = "[task:two] Draft two"
  }
  task three {
    worker = anga
    prompt = "[task:three] Draft three"
  }
  task review {
    worker = marie
    prompt = "[task:review] Review the plan"
  }
}
`;

describe('a worker whose every call fails the same way', () => {
  let p: Project;
  let outcome: Awaited<ReturnType<Project['run']>>;
  beforeAll(async () => {
    p = await project(source, {}, {
      script: {
        tasks: {
          '[task:one]': [{ error: 401 }],
          '[task:two]': [{ error: 401 }],
          '[task:three]': [{ error: 401 }],
          '[task:review]': [{ tool: 'StructuredOutput', input: { summary: 'Plan reviewed', findings: [], artifacts: [] } }],
        },
      },
    });
    outcome = await p.run({ runId: 'breaker' });
  }, 120_000);
  afterAll(() => p.close());

  it('stops taking tasks after `circuit-breaker` failures of one kind in a row, and the run says why', () => {
    const tripped = eventsOf(outcome.events, 'worker:tripped');
    expect(tripped).toHaveLength(1);
    expect(tripped[0]).toMatchObject({ worker: 'anga', failures: 2 });
    expect(tripped[0]!.message).toMatch(/^worker `anga` stopped taking tasks: 2 attempts in a row failed with `[a-z-]+` \(last: .+\)$/);
    // The third task never went to the CLI: it is held, for a resume once the key is fixed.
    expect(eventsOf(outcome.events, 'task:queued').map((e) => e.task)).not.toContain('three');
    expect(eventsOf(outcome.events, 'task:held')).toMatchObject([{ task: 'three', cause: 'breaker', reason: tripped[0]!.message }]);
    expect(p.server.messages().some((m) => JSON.stringify(m.body).includes('[task:three]'))).toBe(false);
    expect(outcome.status).toBe('failed');
    expect(outcome.report.reason).toBe(tripped[0]!.message);
  });

  it('lets the other workers go on', () => {
    expect(eventsOf(outcome.events, 'task:done').map((e) => e.task)).toEqual(['review']);
  });
});
