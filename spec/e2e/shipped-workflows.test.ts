import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/compile.ts';
import { nodeHost } from '../../src/compiler/node-host.ts';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { planResponder } from '../../src/model-server/plan-responder.ts';
import { startModelServer } from '../../src/model-server/server.ts';
import { resolveInputs } from '../../src/runtime/render-template.ts';
import { runWorkflow } from '../../src/runner/run-workflow.ts';
import { eventsOf, testEnv } from './harness.ts';
import { copyProject } from '../../scripts/project-copy.ts';

/**
 * Every shipped workflow without a decompose or synthesize node runs end to end: the real CLI,
 * worker processes and the file queue, with the model scripted to write each task's outputs
 * where the task works and to hand back a summary. The workflows run from a copy, so a writable
 * workspace (anga's code) is never the repository's own.
 */
const shipped = ['student-review', 'code-review', 'campaign-launch'];

describe.each(shipped)('workflows/%s.swarm', (name) => {
  it('runs to the end with every declared output written and every task done once', async () => {
    const dir = copyProject(`swarm-shipped-${name}-`, { cassettes: true });
    const workflowFile = join(dir, 'workflows', `${name}.swarm`);
    const compiled = compile(readFileSync(workflowFile, 'utf8'), workflowFile, nodeHost);
    const plan = compiled.plan!;
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const runsDir = join(dir, 'runs');
    const runId = 'shipped';
    const server = await startModelServer({ respond: planResponder(plan) });
    try {
      const inputs = resolveInputs(plan, {});
      if (!inputs.ok) throw new Error(inputs.problems.join('\n'));
      const events: { type: string; task?: string }[] = [];
      const outcome = await runWorkflow({
        plan,
        workflowFile,
        inputs: inputs.values,
        runsDir,
        runId,
        env: testEnv(server.url, { MARIE_API_KEY: 'sk-test-marie' }),
        onEvent: (e) => events.push(e),
      });
      expect(outcome.status).toBe('done');
      const done = eventsOf(events as never, 'task:done').map((e) => e.task);
      expect(done.sort()).toEqual(plan.nodes.map((n) => n.id).sort());
      for (const node of plan.nodes) {
        if (node.kind !== 'task') continue;
        for (const output of node.outputs) expect(existsSync(join(cwdOf(plan, node.worker, join(dir, 'workflows'), runsDir, runId, node.id), output))).toBe(true);
      }
    } finally {
      await server.close();
    }
  });
});

function cwdOf(plan: Plan, workerName: string, baseDir: string, runsDir: string, runId: string, task: string): string {
  const worker = plan.workers.find((w) => w.name === workerName)!;
  return worker.workspace !== undefined && !worker.readonly ? resolve(baseDir, worker.workspace) : join(runsDir, runId, 'results', worker.name, task);
}
