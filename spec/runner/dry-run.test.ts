import { dirname, join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { taskSchema } from '../../src/queue/protocol.ts';
import { taskFileFor } from '../../src/runner/dispatch.ts';
import { dryRun, dryRunSchema, type DryRun, type DryRunOptions } from '../../src/runner/dry-run.ts';
import type { RunInfo } from '../../src/runner/run-files.ts';
import { renderTemplate } from '../../src/runtime/render-template.ts';
import { claudeArgs } from '../../src/worker/claude-args.ts';
import { taskClaudeSpec, taskPlace } from '../../src/worker/run-task.ts';
import { compileRepoFile, repoRoot } from '../support/workspace.ts';

const workflowFile = join(repoRoot, 'workflows/student-review.swarm');
const plan = compileRepoFile('workflows/student-review.swarm').plan as Plan;
const runsDir = '/runs';

function planned(options: Partial<DryRunOptions> = {}): DryRun {
  const outcome = dryRun({ plan, workflowFile, given: {}, runsDir, runId: 'r1', env: {}, model: { mode: 'live' }, claudePath: 'claude', ...options });
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  return outcome.dryRun;
}

const taskOf = (dry: DryRun, id: string) => dry.tasks.find((t) => t.id === id)!;

describe('dryRun for the shipped student-review workflow', () => {
  it('groups tasks into waves by dependency depth, in dispatch order, per worker within its parallel', () => {
    const dry = planned();
    expect(dry.waves.map((w) => w.nodes)).toEqual([['evaluate'], ['placement', 'practice-plan', 'newsletter'], ['parent-letter']]);
    expect(dry.waves[1]!.workers).toEqual([
      { worker: 'marie', parallel: 2, tasks: ['placement', 'practice-plan'] },
      { worker: 'fabien', parallel: 1, tasks: ['newsletter'] },
    ]);
    expect(dry.tasks.map((t) => [t.id, t.wave])).toEqual([['evaluate', 1], ['placement', 2], ['practice-plan', 2], ['newsletter', 2], ['parent-letter', 3]]);
    expect(dry.problems).toEqual([]);
  });

  it('gives each task the argv the worker builds with taskClaudeSpec and claudeArgs', () => {
    const dry = planned();
    const runDir = join(runsDir, 'r1');
    const info: RunInfo = { run_id: 'r1', workflow_file: workflowFile, base_dir: dirname(workflowFile), inputs: { student: 'Emma Rodriguez' }, created_at: new Date(0).toISOString() };
    for (const node of plan.nodes) {
      if (node.kind !== 'task') continue;
      const shown = taskOf(dry, node.id);
      const worker = plan.workers.find((w) => w.name === node.worker)!;
      const task = taskSchema.parse(taskFileFor({ task: node.id, worker: worker.name, attempt: 1, prompt: shown.prompt, node, requeued: false }, 'r1', 0));
      const place = taskPlace(runDir, info, worker, task);
      expect(shown.argv).toEqual(claudeArgs(taskClaudeSpec(plan, info, worker, task, place)));
      expect(shown.cwd).toBe(place.cwd);
      expect(shown.command).toBe('claude');
    }
  });

  it('fills inputs into prompts and leaves upstream results as visible placeholders', () => {
    const dry = planned({ given: { student: 'Liam Chen' } });
    const evaluate = plan.nodes.find((n) => n.id === 'evaluate')!;
    // With nothing upstream the prompt is exactly the one a run would send.
    expect(taskOf(dry, 'evaluate').prompt).toBe(renderTemplate(evaluate.prompt, { inputs: { student: 'Liam Chen' }, results: new Map() }));
    // The CLI gets it followed by the note naming the task's directories, as a run sends it.
    const argv = taskOf(dry, 'evaluate').argv!;
    expect(argv.at(-2)).toBe('--');
    expect(argv.at(-1)!.startsWith(`${taskOf(dry, 'evaluate').prompt}\n\n<swarm-task id="evaluate">\n`)).toBe(true);
    expect(argv.at(-1)).toMatch(/\n<\/swarm-task>$/);
    const placement = taskOf(dry, 'placement');
    expect(placement.prompt).toContain("Here is the evaluation you wrote for Liam Chen:\n\n<result of evaluate>\n");
    expect(placement.awaits).toEqual([{ node: 'evaluate', field: 'result' }]);
    expect(taskOf(dry, 'newsletter').prompt).toContain('<findings of evaluate>');
    expect(taskOf(dry, 'parent-letter').awaits.map((a) => a.node)).toEqual(['evaluate', 'placement', 'practice-plan']);
    expect(dry.inputs).toEqual([{ name: 'student', value: 'Liam Chen', source: 'given' }]);
  });

  it("names each worker's key variable and never holds a secret value, wherever it was", () => {
    const secrets = {
      MARIE_API_KEY: 'marie-secret-value-0123456789abcdef',
      ANTHROPIC_API_KEY: 'runner-secret-value-0123456789abcdef',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    };
    const env = { ...secrets, ANTHROPIC_BASE_URL: 'https://gateway:hunter2-gateway-pass@llm.example.com', PATH: '/usr/bin' };
    // A key pasted into an input is masked in the prompt too.
    const dry = planned({ env, given: { student: `Ana ${secrets.AWS_SECRET_ACCESS_KEY}` } });
    const text = JSON.stringify(dry);
    for (const value of [...Object.values(secrets), 'hunter2-gateway-pass']) expect(text).not.toContain(value);
    expect(taskOf(dry, 'evaluate').env?.['ANTHROPIC_API_KEY']).toBe('<from MARIE_API_KEY>');
    expect(taskOf(dry, 'newsletter').env?.['ANTHROPIC_API_KEY']).toBe('<from ANTHROPIC_API_KEY>');
    expect(taskOf(dry, 'evaluate').inherits).toEqual(['PATH']);
    expect(dry.workers.map((w) => [w.name, w.api_key_env, w.api_key_set])).toEqual([['marie', 'MARIE_API_KEY', true], ['fabien', 'ANTHROPIC_API_KEY', true]]);
  });

  it('shows what a replay gives workers instead of a key', () => {
    const dry = planned({ model: { mode: 'replay', cassette: '/w/student-review.cassette.jsonl' } });
    expect(dry.model).toEqual({ mode: 'replay', cassette: '/w/student-review.cassette.jsonl' });
    expect(taskOf(dry, 'evaluate').env?.['ANTHROPIC_API_KEY']).toMatch(/^<stand-in/);
    expect(taskOf(dry, 'evaluate').env?.['ANTHROPIC_BASE_URL']).toContain('/w/student-review.cassette.jsonl');
  });

  it('puts a visible stand-in where the run id is not chosen yet', () => {
    const dry = planned({ runId: undefined });
    expect(dry.run_dir).toBe(join(runsDir, '<run-id>'));
    expect(taskOf(dry, 'evaluate').cwd).toBe(join(runsDir, '<run-id>', 'results', 'marie', 'evaluate'));
  });

  it('matches its schema', () => {
    expect(dryRunSchema.safeParse(planned()).success).toBe(true);
    expectTypeOf<DryRun>().toEqualTypeOf<z.infer<typeof dryRunSchema>>();
  });

  it('reports input problems as data, never thrown', () => {
    expect(dryRun({ plan, workflowFile, given: { studnet: 'Ana' }, runsDir, env: {}, model: { mode: 'live' }, claudePath: 'claude' })).toMatchObject({ ok: false, problems: [expect.stringContaining('studnet')] });
  });
});

describe('dryRun for a plan with decompose and synthesize nodes', () => {
  it('lists them in their waves, without argv: the runner calls the model itself, and the run would start', () => {
    const file = join(repoRoot, 'workflows/studio-week.swarm');
    const week = compileRepoFile('workflows/studio-week.swarm').plan as Plan;
    const outcome = dryRun({ plan: week, workflowFile: file, given: {}, runsDir, env: {}, model: { mode: 'live' }, claudePath: 'claude' });
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    const decompose = outcome.dryRun.tasks.find((t) => t.kind === 'decompose')!;
    expect(decompose.argv).toBeUndefined();
    expect(decompose.wave).toBeGreaterThan(1);
    expect(outcome.dryRun.problems.filter((p) => p.includes('cannot run'))).toEqual([]);
  });
});
