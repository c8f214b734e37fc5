import { existsSync, readFileSync, renameSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGate, type Gate } from './gate.ts';
import { eventsOf, project, testEnv, type Project } from './harness.ts';

const source = `workflow open-queue {
  worker marie {
    tools    = [Read]
    parallel = 2
  }
  task inventory {
    worker = marie
    prompt = "[task:inventory] Check the studio inventory"
  }
}
`;

/** Resolves once every path exists, watching the directory tree (no polling interval). */
function whenAll(dir: string, paths: string[]): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dir, { recursive: true }, () => check());
    const check = () => {
      if (!paths.every((p) => existsSync(p))) return;
      watcher.close();
      resolve();
    };
    check();
  });
}

describe('files dropped into a worker’s queue by hand during a run', () => {
  let p: Project;
  let gate: Gate;
  const runId = 'by-hand';
  let runDir: string;
  let dropped!: () => void;
  const droppedThem = new Promise<void>((resolve) => (dropped = resolve));
  beforeAll(async () => {
    p = await project(source, {}, {
      script: {
        tasks: {
          '[task:inventory]': [{ tool: 'StructuredOutput', input: { summary: 'Inventory checked', findings: [], artifacts: [] } }],
          '[task:hand]': [{ tool: 'StructuredOutput', input: { summary: 'Twelve costumes', findings: ['12 costumes, 2 need mending'], artifacts: [] } }],
        },
      },
    });
    runDir = join(p.runsDir, runId);
    // The plan's own task waits for the model until the hand-dropped files have been dealt with, so the run outlives them.
    const handled = droppedThem.then(() => whenAll(runDir, [join(runDir, 'results', 'marie', 'hand.json'), join(runDir, 'quarantine', 'tasks', 'marie', 'broken.json.reason.json')]));
    gate = await startGate(p.server.url, (request) => (request.firstUserText.includes('[task:inventory]') ? handled : undefined));
  });
  afterAll(async () => {
    await gate.close();
    await p.close();
  });

  it('quarantines the malformed file with its reason, runs the seed-format task, and the run still finishes', async () => {
    const queue = join(runDir, 'tasks', 'marie');
    const drop = () => {
      writeFileSync(join(queue, 'broken.json'), '{not json');
      const seed = { task_id: 'hand', worker: 'marie', description: '[task:hand] Count the costumes', dependencies: [], timeout: 60, priority: 'high' };
      // As the README asks of any writer: a temporary name, then a rename.
      writeFileSync(join(queue, '.hand.json.tmp'), JSON.stringify(seed));
      renameSync(join(queue, '.hand.json.tmp'), join(queue, 'hand.json'));
      dropped();
    };
    const outcome = await p.run({ runId, env: testEnv(gate.url), onEvent: (e) => void (e.type === 'task:start' && e.task === 'inventory' && drop()) });
    expect(outcome.status).toBe('done');
    expect(eventsOf(outcome.events, 'task:done').map((e) => e.task)).toEqual(['inventory']);

    const quarantined = join(runDir, 'quarantine', 'tasks', 'marie', 'broken.json');
    expect(readFileSync(quarantined, 'utf8')).toBe('{not json');
    const reason = JSON.parse(readFileSync(`${quarantined}.reason.json`, 'utf8'));
    expect(reason).toMatchObject({ path: join('tasks', 'marie', 'broken.json') });
    expect(reason.reason).toMatch(/JSON/);
    expect(existsSync(join(queue, 'broken.json'))).toBe(false);
    // The worker quarantined it; the run's own log says so too, as swarm run's terminal does.
    expect(readFileSync(join(runDir, 'logs', 'marie.log'), 'utf8')).toContain(`quarantined ${join(queue, 'broken.json')}`);
    expect(readFileSync(join(runDir, 'logs', 'runner.log'), 'utf8')).toContain(`worker marie: quarantined ${join(queue, 'broken.json')}: ${reason.reason}`);

    const result = JSON.parse(readFileSync(join(runDir, 'results', 'marie', 'hand.json'), 'utf8'));
    expect(result).toMatchObject({ task_id: 'hand', status: 'complete', worker: 'marie', findings: ['12 costumes, 2 need mending'], artifacts: [], result: 'Twelve costumes' });
    expect(result.execution_time).toBeGreaterThan(0);
  });
});
