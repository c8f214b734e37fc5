import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstUserText, messagesRequestSchema, systemText } from '../../src/model-server/request.ts';
import { eventsOf, project, type Project } from './harness.ts';
import { requestsFor } from './processes.ts';

const source = `workflow delegate {
  agent posture-checker {
    description = "Checks a dancer's posture from class notes"
    prompt      = "You are a posture specialist. Report alignment problems only."
    tools       = [Read]
  }
  worker marie {
    tools  = [Read, Task]
    agents = [posture-checker]
  }
  task review {
    worker = marie
    prompt = "[task:review] Review Emma's class notes"
  }
}
`;

describe('a worker that hands work to a sub-agent', () => {
  let p: Project;
  beforeAll(async () => {
    p = await project(source, {}, {
      script: {
        tasks: {
          '[task:review]': [
            { tool: 'Agent', input: { subagent_type: 'posture-checker', description: 'Check posture', prompt: '[sub:posture] Check Emma’s alignment in the notes' } },
            { tool: 'StructuredOutput', input: { summary: 'Emma needs to square her hips', findings: ['Hips open in arabesque'], artifacts: [] } },
          ],
        },
        subagents: { '[sub:posture]': [{ text: 'Hips open in arabesque; shoulders fine.' }] },
      },
    });
  });
  afterAll(() => p.close());

  it('runs the sub-agent with its own prompt as system, and the worker reads its answer', async () => {
    const outcome = await p.run({ runId: 'sub-agent' });
    expect(outcome.status).toBe('done');
    expect(eventsOf(outcome.events, 'task:done')[0]!.result.result).toBe('Emma needs to square her hips');

    const sub = p.server.messages().filter((r) => r.subagent);
    expect(sub.length).toBeGreaterThanOrEqual(1);
    const body = messagesRequestSchema.parse(sub[0]!.body);
    expect(systemText(body)).toContain('You are a posture specialist. Report alignment problems only.');
    expect(firstUserText(body)).toContain('[sub:posture] Check Emma’s alignment in the notes');
    expect(sub[0]!.match).toMatchObject({ table: 'subagents', key: '[sub:posture]' });
    // The sub-agent's tools are its own list, not the worker's.
    expect((body.tools ?? []).map((t) => t.name)).not.toContain('Agent');

    // The worker's next turn carries the sub-agent's answer as the Agent tool's result.
    const main = requestsFor(p.server, '[task:review]');
    expect(main).toHaveLength(2);
    expect(JSON.stringify(main[1]!.body)).toContain('Hips open in arabesque; shoulders fine.');
    const offered = (messagesRequestSchema.parse(main[0]!.body).tools ?? []).map((t) => t.name);
    expect(offered).toContain('Agent');
  });
});
