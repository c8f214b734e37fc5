import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, project, taskDir, type Project } from './harness.ts';

const source = `workflow one {
  worker marie {
    system = "You teach ballet."
    tools  = [Read, Write]
  }
  task evaluate {
    worker  = marie
    prompt  = "[task:evaluate] Review Emma's term and write evaluation.md"
    outputs = ["evaluation.md"]
  }
}
`;

describe('swarm run with one worker', () => {
  let p: Project;
  const runId = 'one-worker';
  beforeAll(async () => {
    p = await project(source, {}, ({ runsDir }) => ({
      script: {
        tasks: {
          '[task:evaluate]': [
            { tool: 'Write', input: { file_path: join(taskDir(runsDir, runId, 'marie', 'evaluate'), 'evaluation.md'), content: '# Emma\nStrong turnout.\n' } },
            { tool: 'StructuredOutput', input: { summary: 'Emma is ready for Level 4.', findings: ['Strong turnout', 'Work on spotting'], artifacts: ['evaluation.md'] } },
          ],
        },
      },
    }));
  });
  afterAll(() => p.close());

  it('runs the task with the real CLI and records its result, findings and artifact', async () => {
    const outcome = await p.run({ runId });
    expect(outcome.status).toBe('done');
    const done = eventsOf(outcome.events, 'task:done');
    expect(done.map((e) => e.task)).toEqual(['evaluate']);
    expect(done[0]!.result.result).toBe('Emma is ready for Level 4.');
    expect(done[0]!.result.findings).toEqual(['Strong turnout', 'Work on spotting']);
    const artifact = join(p.runsDir, runId, 'results', 'marie', 'evaluate', 'evaluation.md');
    expect(outcome.artifacts).toEqual([artifact]);
    expect(readFileSync(artifact, 'utf8')).toContain('Strong turnout');
    const result = JSON.parse(readFileSync(join(p.runsDir, runId, 'results', 'marie', 'evaluate.json'), 'utf8'));
    expect(result).toMatchObject({ task_id: 'evaluate', status: 'complete', worker: 'marie', findings: ['Strong turnout', 'Work on spotting'], artifacts: [artifact] });
    expect(result.execution_time).toBeGreaterThan(0);
    expect(existsSync(join(p.runsDir, runId, 'journal.jsonl'))).toBe(true);
  });
});
