import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/compile.ts';
import { nodeHost } from '../../src/compiler/node-host.ts';
import { chooseModel } from '../../src/runner/model-source.ts';
import { repoRoot } from '../support/workspace.ts';

const shipped = join(repoRoot, 'workflows', 'student-review.swarm');
const plan = compile(readFileSync(shipped, 'utf8'), shipped, nodeHost).plan!;

function workflowIn(dir: string): string {
  const file = join(dir, 'student-review.swarm');
  writeFileSync(file, readFileSync(shipped, 'utf8'));
  return file;
}

describe('chooseModel', () => {
  it('runs live whenever a worker has its key, and records with --record to the cassette beside the workflow', () => {
    const workflowFile = workflowIn(mkdtempSync(join(tmpdir(), 'swarm-model-')));
    expect(chooseModel({ plan, workflowFile, env: { ANTHROPIC_API_KEY: 'k' } })).toEqual({ ok: true, choice: { mode: 'live' } });
    expect(chooseModel({ plan, workflowFile, env: { ANTHROPIC_API_KEY: 'k' }, record: true, cassette: '/x.jsonl' })).toEqual({ ok: true, choice: { mode: 'record', cassette: '/x.jsonl' } });
  });

  it('replays the named cassette, or the one beside the workflow for a bare --replay', () => {
    const workflowFile = workflowIn(mkdtempSync(join(tmpdir(), 'swarm-model-')));
    expect(chooseModel({ plan, workflowFile, env: {}, replay: '/c.jsonl' })).toEqual({ ok: true, choice: { mode: 'replay', cassette: '/c.jsonl' } });
    expect(chooseModel({ plan, workflowFile, env: { ANTHROPIC_API_KEY: 'k' }, replay: true })).toEqual({ ok: true, choice: { mode: 'replay', cassette: workflowFile.replace(/\.swarm$/, '.cassette.jsonl') } });
  });

  it('refuses --record with --replay', () => {
    const result = chooseModel({ plan, workflowFile: shipped, env: {}, record: true, replay: true });
    expect(result).toMatchObject({ ok: false, problem: expect.stringContaining('cannot be used together') });
  });

  it('with no key and no cassette, explains the three choices', () => {
    const workflowFile = workflowIn(mkdtempSync(join(tmpdir(), 'swarm-model-')));
    const result = chooseModel({ plan, workflowFile, env: {} });
    expect(result.ok).toBe(false);
    const problem = result.ok ? '' : result.problem;
    for (const choice of ['ANTHROPIC_API_KEY', '--replay', '--dry-run']) expect(problem).toContain(choice);
  });

  it('with no key and a cassette beside the workflow, replays it and says so', () => {
    const workflowFile = workflowIn(mkdtempSync(join(tmpdir(), 'swarm-model-')));
    writeFileSync(workflowFile.replace(/\.swarm$/, '.cassette.jsonl'), '');
    const result = chooseModel({ plan, workflowFile, env: { MARIE_API_KEY: '' } });
    expect(result).toMatchObject({ ok: true, choice: { mode: 'replay' }, notice: expect.stringContaining('no API key is set') });
  });
});
