import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CassetteWriter, readCassette } from '../../src/cassette/cassette-file.ts';
import { startRecorder } from '../../src/cassette/recorder.ts';
import { startReplayServer } from '../../src/cassette/replay-server.ts';
import { runPaths } from '../../src/cassette/run-paths.ts';
import { compile } from '../../src/compiler/compile.ts';
import { nodeHost } from '../../src/compiler/node-host.ts';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { planResponder } from '../../src/model-server/plan-responder.ts';
import { startModelServer } from '../../src/model-server/server.ts';
import { resultSchema } from '../../src/queue/protocol.ts';
import { resolveInputs } from '../../src/runtime/render-template.ts';
import { chooseModel } from '../../src/runner/model-source.ts';
import { runWorkflow, type RunOutcome } from '../../src/runner/run-workflow.ts';
import { testEnv } from './harness.ts';
import { copyProject } from '../../scripts/project-copy.ts';

const keys = { ANTHROPIC_API_KEY: 'sk-test-runner-0123456789', MARIE_API_KEY: 'sk-test-marie-0123456789' };

function setUp() {
  const dir = copyProject('swarm-cassette-', { cassettes: false });
  const workflowFile = join(dir, 'workflows', 'student-review.swarm');
  const plan = compile(readFileSync(workflowFile, 'utf8'), workflowFile, nodeHost).plan!;
  const inputs = resolveInputs(plan, {});
  if (!inputs.ok) throw new Error(inputs.problems.join('\n'));
  const run = (runId: string, url: string) =>
    runWorkflow({ plan, workflowFile, inputs: inputs.values, runsDir: join(dir, 'runs'), runId, env: { ...testEnv(url), ...keys } });
  const runWith = (runId: string, env: Record<string, string>, model: Parameters<typeof runWorkflow>[0]['model']) =>
    runWorkflow({ plan, workflowFile, inputs: inputs.values, runsDir: join(dir, 'runs'), runId, env, ...(model && { model }) });
  const paths = (runId: string) => runPaths(join(dir, 'runs', runId), dirname(workflowFile));
  return { dir, plan, run, runWith, paths, workflowFile };
}

/** What a person would compare between two runs: each task's answer, findings and the text of its files. */
function whatRunSaid(plan: Plan, outcome: RunOutcome) {
  const tasks = plan.nodes.flatMap((n) => (n.kind === 'task' ? [n] : []));
  return Object.fromEntries(
    tasks.map((t) => {
      const result = resultSchema.parse(JSON.parse(readFileSync(join(outcome.runDir, 'results', t.worker, `${t.id}.json`), 'utf8')));
      const files = Object.fromEntries(result.artifacts.map((a) => [relative(join(outcome.runDir, 'results', t.worker, t.id), a), readFileSync(a, 'utf8')]));
      return [t.id, { status: result.status, result: result.result, findings: result.findings, files, usage: result.usage }];
    }),
  );
}

describe('swarm run --record, then --replay, through the real CLI', () => {
  it('records every Messages exchange and replays the run identically, without the upstream', async () => {
    const { dir, plan, run, paths } = setUp();
    const upstream = await startModelServer({ respond: planResponder(plan) });
    const path = join(dir, 'student-review.cassette.jsonl');
    const header = { type: 'cassette', version: 1, workflow: 'student-review', recorded_at: new Date().toISOString(), source: 'recorded', upstream: upstream.url, paths: paths('recorded') } as const;
    const writer = new CassetteWriter(path, header, Object.values(keys));
    const recorder = await startRecorder({ upstream: upstream.url, cassette: writer, paths: paths('recorded') });
    let recorded: RunOutcome;
    try {
      recorded = await run('recorded', recorder.url);
    } finally {
      await recorder.close();
    }
    expect(recorded.status).toBe('done');
    const upstreamCalls = upstream.messages().length;
    expect(recorder.recorded()).toBe(upstreamCalls);
    await upstream.close();

    const cassette = readCassette(path);
    expect(cassette.exchanges).toHaveLength(upstreamCalls);
    // Every task's conversation is there, turn after turn, and no credential is.
    expect(new Set(cassette.exchanges.map((e) => e.key.task))).toEqual(new Set(plan.nodes.map((n) => n.id)));
    const text = readFileSync(path, 'utf8');
    for (const secret of [...Object.values(keys), 'x-api-key', 'authorization']) expect(text).not.toContain(secret);

    const replay = await startReplayServer(cassette, { paths: paths('replayed') });
    try {
      const replayed = await run('replayed', replay.url);
      expect(replayed.status).toBe('done');
      expect(replay.messages()).toHaveLength(upstreamCalls);
      expect(whatRunSaid(plan, replayed)).toEqual(whatRunSaid(plan, recorded));
    } finally {
      await replay.close();
    }
  });

  it('stops a task the cassette has no answer for with a message naming it, and skips what depends on it', async () => {
    const { dir, plan, run, paths } = setUp();
    const upstream = await startModelServer({ respond: planResponder(plan) });
    const path = join(dir, 'c.jsonl');
    const writer = new CassetteWriter(path, { type: 'cassette', version: 1, workflow: 'student-review', recorded_at: new Date().toISOString(), source: 'recorded', paths: paths('full') }, []);
    const recorder = await startRecorder({ upstream: upstream.url, cassette: writer, paths: paths('full') });
    try {
      expect((await run('full', recorder.url)).status).toBe('done');
    } finally {
      await recorder.close();
      await upstream.close();
    }
    // The cassette loses the last turn of `placement`.
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    const placement = lines.map((l, i) => ({ l: JSON.parse(l), i })).filter(({ l }) => l.type === 'exchange' && l.key.task === 'placement');
    const last = placement.reduce((a, b) => (b.l.key.turn > a.l.key.turn ? b : a));
    writeFileSync(path, lines.filter((_, i) => i !== last.i).join('\n') + '\n');

    const replay = await startReplayServer(readCassette(path), { paths: paths('short') });
    try {
      const outcome = await run('short', replay.url);
      expect(outcome.status).toBe('failed');
      const result = resultSchema.parse(JSON.parse(readFileSync(join(outcome.runDir, 'results', 'marie', 'placement.json'), 'utf8')));
      expect(result.status).toBe('failed');
      expect(result.error?.message).toContain(`has no answer for task placement attempt 1 turn ${last.l.key.turn}`);
      expect(result.error?.retryable).toBe(false);
      const letter = outcome.report.tasks.find((t) => t.id === 'parent-letter');
      expect(letter?.status).toBe('skipped');
    } finally {
      await replay.close();
    }
  });

  it('runWorkflow records with model: record, and a run with no key at all replays the cassette beside the workflow', async () => {
    const { plan, runWith, workflowFile } = setUp();
    const upstream = await startModelServer({ respond: planResponder(plan) });
    const recordChoice = chooseModel({ plan, workflowFile, env: keys, record: true });
    if (!recordChoice.ok) throw new Error(recordChoice.problem);
    expect(recordChoice.choice).toEqual({ mode: 'record', cassette: join(dirname(workflowFile), 'student-review.cassette.jsonl') });
    const recorded = await runWith('rec', { ...testEnv(upstream.url), ...keys }, recordChoice.choice);
    await upstream.close();
    expect(recorded.status).toBe('done');

    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin' };
    const auto = chooseModel({ plan, workflowFile, env });
    if (!auto.ok) throw new Error(auto.problem);
    expect(auto.choice.mode).toBe('replay');
    expect(auto.notice).toContain('no API key is set');
    const replayed = await runWith('rep', env, auto.choice);
    expect(replayed.status).toBe('done');
    expect(whatRunSaid(plan, replayed)).toEqual(whatRunSaid(plan, recorded));
  });
});
