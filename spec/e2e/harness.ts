import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compile } from '../../src/compiler/compile.ts';
import { nodeHost } from '../../src/compiler/node-host.ts';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { startModelServer, type ModelServer, type ModelServerOptions } from '../../src/model-server/server.ts';
import type { RunEvent } from '../../src/runtime/events.ts';
import { resolveInputs } from '../../src/runtime/render-template.ts';
import { runWorkflow, type RunOutcome, type RunWorkflowOptions } from '../../src/runner/run-workflow.ts';

export interface Project {
  dir: string;
  workflowFile: string;
  plan: Plan;
  server: ModelServer;
  runsDir: string;
  /** Runs the workflow in process, against the scripted server, with the real CLI. */
  run(options?: Partial<RunWorkflowOptions>): Promise<RunOutcome & { events: RunEvent[] }>;
  /** Stops the server and removes the scratch directory. */
  close(): Promise<void>;
}

/**
 * A workflow in a scratch directory, compiled, with a model server answering from `script`.
 * Everything below the model is real: worker processes, the file queue, `claude`.
 */
export async function project(source: string, files: Record<string, string>, server: ModelServerOptions | ((where: { dir: string; runsDir: string }) => ModelServerOptions)): Promise<Project> {
  const dir = mkdtempSync(join(tmpdir(), 'swarm-e2e-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const workflowFile = join(dir, 'test.swarm');
  writeFileSync(workflowFile, source);
  const compiled = compile(source, workflowFile, nodeHost);
  if (!compiled.plan) throw new Error(`the test workflow does not compile:\n${compiled.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`);
  const plan = compiled.plan;
  const runsDir = join(dir, '.swarm', 'runs');
  const model = await startModelServer(typeof server === 'function' ? server({ dir, runsDir }) : server);
  return {
    dir,
    workflowFile,
    plan,
    server: model,
    runsDir,
    async run(options = {}) {
      const events: RunEvent[] = [];
      const inputs = resolveInputs(plan, {});
      if (!inputs.ok) throw new Error(inputs.problems.join('\n'));
      const outcome = await runWorkflow({
        plan,
        workflowFile,
        inputs: inputs.values,
        runsDir,
        env: testEnv(model.url),
        leaseMs: 5_000,
        scheduler: { random: () => 0, backoff: { initialMs: 10, maxMs: 50 }, rateLimitBackoff: { initialMs: 10, maxMs: 50 } },
        ...options,
        onEvent: (e) => {
          events.push(e);
          options.onEvent?.(e);
        },
      });
      return { ...outcome, events };
    },
    async close() {
      await model.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a runner needs to reach the stand-in: its URL and a throwaway key, and nothing of this shell's secrets. */
export function testEnv(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    ANTHROPIC_BASE_URL: url,
    ANTHROPIC_API_KEY: 'sk-test-runner',
    ...extra,
  };
}

/** Where a task of a run writes its files when its worker has no writable workspace. */
export function taskDir(runsDir: string, runId: string, worker: string, task: string): string {
  return join(runsDir, runId, 'results', worker, task);
}

export function eventsOf<T extends RunEvent['type']>(events: RunEvent[], type: T): Extract<RunEvent, { type: T }>[] {
  return events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
}
