import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/compile.ts';
import { nodeHost } from '../../src/compiler/node-host.ts';
import { resolveInputs } from '../../src/runtime/render-template.ts';
import { chooseModel } from '../../src/runner/model-source.ts';
import { testWorkflow } from '../../src/runner/test-workflow.ts';
import { repoRoot } from '../support/workspace.ts';
import { copyProject } from '../../scripts/project-copy.ts';

/**
 * Each cassette shipped in workflows/ replays its workflow to the end, offline, with no key,
 * from a copy in another directory (so the recorded paths must be rewritten): a cassette that
 * no longer matches its workflow or prompts fails here, naming the task and turn.
 */
const cassettes = readdirSync(join(repoRoot, 'workflows')).filter((f) => f.endsWith('.cassette.jsonl'));

describe.each(cassettes)('workflows/%s', (cassette) => {
  it('replays its workflow to the end with no key: every task done, every declared output written, every expect block held', async () => {
    const name = cassette.replace('.cassette.jsonl', '');
    const dir = copyProject(`swarm-shipped-cassette-${name}-`, { cassettes: true });
    const workflowFile = join(dir, 'workflows', `${name}.swarm`);
    const plan = compile(readFileSync(workflowFile, 'utf8'), workflowFile, nodeHost).plan!;
    const inputs = resolveInputs(plan, {});
    if (!inputs.ok) throw new Error(inputs.problems.join('\n'));
    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin' };
    const model = chooseModel({ plan, workflowFile, env });
    if (!model.ok) throw new Error(model.problem);
    expect(model.choice.mode).toBe('replay');
    const failures: string[] = [];
    expect(plan.expects?.length ?? 0).toBeGreaterThan(0);
    const tested = await testWorkflow({
      plan,
      workflowFile,
      inputs: inputs.values,
      runsDir: join(dir, 'runs'),
      runId: 'offline',
      env,
      cassette: model.choice.mode === 'replay' ? model.choice.cassette : '',
      onEvent: (e) => void (e.type === 'task:failed' && failures.push(`${e.task}: ${e.error.message}`)),
    });
    const outcome = tested.run;
    expect(failures).toEqual([]);
    expect(outcome.status).toBe('done');
    expect(tested.expectations.filter((e) => !e.passed)).toEqual([]);
    expect(outcome.artifacts.length).toBeGreaterThan(0);
    for (const artifact of outcome.artifacts) expect(existsSync(artifact)).toBe(true);
  });
});
