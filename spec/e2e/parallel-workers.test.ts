import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGate, type Gate } from './gate.ts';
import { eventsOf, project, testEnv, type Project } from './harness.ts';
import { firstTurnsFor, requestsFor } from './processes.ts';

const names = ['anna', 'ben', 'cleo'] as const;

const source = `workflow parallel {
${names.map((w) => `  worker ${w} {\n    tools = [Read]\n  }\n`).join('')}
${names.map((w) => `  task ${w}-task {\n    worker  = ${w}\n    timeout = 30s\n    retries = 0\n    prompt  = "[task:${w}] Check the ${w} folder"\n  }\n`).join('')}}
`;

const done = (w: string) => ({ tool: 'StructuredOutput', input: { summary: `${w} checked`, findings: [`${w}: fine`], artifacts: [] } });

describe('three independent tasks on three workers', () => {
  let p: Project;
  let gate: Gate;
  beforeAll(async () => {
    p = await project(source, {}, { script: { tasks: Object.fromEntries(names.map((w) => [`[task:${w}]`, [done(w)]])) } });
    // Each task's first request waits until all three are in flight: the run can only pass by running them at once.
    const arrived = new Set<string>();
    let release!: () => void;
    const allThere = new Promise<void>((resolve) => (release = resolve));
    gate = await startGate(p.server.url, (request) => {
      const w = names.find((n) => request.firstUserText.includes(`[task:${n}]`));
      if (w === undefined || !request.firstTurn) return undefined;
      arrived.add(w);
      if (arrived.size === names.length) release();
      return allThere;
    });
  });
  afterAll(async () => {
    await gate.close();
    await p.close();
  });

  it('runs them at the same time, each on its own worker, and finishes them all', async () => {
    const outcome = await p.run({ runId: 'parallel', env: testEnv(gate.url) });
    expect(outcome.status).toBe('done');
    const starts = eventsOf(outcome.events, 'task:start');
    const dones = eventsOf(outcome.events, 'task:done');
    expect(starts.map((e) => `${e.task}@${e.worker}`).sort()).toEqual(names.map((w) => `${w}-task@${w}`));
    expect(dones.map((e) => e.task).sort()).toEqual(names.map((w) => `${w}-task`));
    // Overlap: every task had started before the first one finished.
    const firstDone = outcome.events.indexOf(dones[0]!);
    for (const start of starts) expect(outcome.events.indexOf(start)).toBeLessThan(firstDone);
    // Each task went to the model once, with its worker's own conversation.
    for (const w of names) expect(firstTurnsFor(p.server, `[task:${w}]`)).toHaveLength(1);
    for (const w of names) expect(requestsFor(p.server, `[task:${w}]`)).toHaveLength(1);
    for (const w of names) expect(dones.find((e) => e.worker === w)!.result.result).toBe(`${w} checked`);
  });
});
