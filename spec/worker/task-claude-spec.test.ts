import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/compile.ts';
import { nodeHost } from '../../src/compiler/node-host.ts';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { taskSchema } from '../../src/queue/protocol.ts';
import type { RunInfo } from '../../src/runner/run-files.ts';
import { claudeArgs } from '../../src/worker/claude-args.ts';
import { taskClaudeSpec, taskPlace } from '../../src/worker/run-task.ts';

const workflow = fileURLToPath(new URL('../../workflows/student-review.swarm', import.meta.url));
const compiled = compile(readFileSync(workflow, 'utf8'), workflow, nodeHost);
const plan = compiled.plan as Plan;
const info: RunInfo = { run_id: 'r1', workflow_file: workflow, base_dir: dirname(workflow), inputs: { student: 'Emma Rodriguez' }, created_at: new Date(0).toISOString() };
const runDir = '/runs/r1';

function specFor(workerName: string, file: Record<string, unknown> = {}) {
  const worker = plan.workers.find((w) => w.name === workerName)!;
  const task = taskSchema.parse({ task_id: 'evaluate', worker: workerName, description: 'Evaluate $(whoami); rm -rf /', ...file });
  const place = taskPlace(runDir, info, worker, task);
  return { spec: taskClaudeSpec(plan, info, worker, task, place), place };
}

describe('taskClaudeSpec for the shipped student-review workflow', () => {
  it('compiles', () => {
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it("works in the task's own directory and reads a read-only workspace, with writes into it refused", () => {
    const { spec, place } = specFor('marie');
    const studio = resolve(dirname(workflow), 'studio');
    expect(place).toEqual({ cwd: join(runDir, 'results', 'marie', 'evaluate'), taskDir: join(runDir, 'results', 'marie', 'evaluate'), workspace: studio, writable: false });
    expect(spec.addDirs).toEqual([studio]);
    expect(spec.disallowedTools).toEqual([`Edit(/${studio}/**)`, `Write(/${studio}/**)`]);
    expect(spec.prompt).toContain(`Write every file you produce in ${place.taskDir}`);
  });

  it('offers and allows the same tools, naming the sub-agent tool as the CLI does', () => {
    const { spec } = specFor('marie');
    expect(spec.tools).toEqual(['Read', 'Write', 'Grep', 'Glob', 'Agent']);
    expect(spec.allowedTools).toEqual(spec.tools);
  });

  it("hands the worker's sub-agents over in the CLI's format, with their prompt from the agent file", () => {
    const { spec } = specFor('marie');
    const analyzer = spec.agents?.['choreography-analyzer'];
    expect(analyzer?.description.length).toBeGreaterThan(0);
    expect(analyzer?.prompt.length).toBeGreaterThan(0);
    expect(specFor('fabien').spec.agents).toBeUndefined();
  });

  it("uses the worker's system prompt, the task's own model and turn limit over the worker's, and asks for structured findings", () => {
    const { spec } = specFor('marie', { model: 'opus', max_turns: 3 });
    expect(spec.systemPrompt?.length).toBeGreaterThan(0);
    expect(spec).toMatchObject({ model: 'opus', maxTurns: 3, permissionMode: plan.workers.find((w) => w.name === 'marie')!.permissionMode });
    expect(spec.jsonSchema).toMatchObject({ properties: { findings: { type: 'array' } } });
  });

  it('passes the prompt, metacharacters and all, as the last argument after `--`', () => {
    const args = claudeArgs(specFor('marie').spec);
    expect(args.at(-2)).toBe('--');
    expect(args.at(-1)).toMatch(/^Evaluate \$\(whoami\); rm -rf \/\n\n<swarm-task id="evaluate">\n[^]*\n<\/swarm-task>$/);
    expect(args).toContain('--no-session-persistence');
  });
});
