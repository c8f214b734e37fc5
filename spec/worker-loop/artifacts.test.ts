import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArtifacts } from '../../src/worker/artifacts.ts';

function dirs() {
  const root = mkdtempSync(join(tmpdir(), 'swarm-artifacts-'));
  const task = join(root, 'task');
  const outside = join(root, 'outside');
  mkdirSync(task);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'x');
  return { root, task, outside };
}

describe('checkArtifacts', () => {
  it('keeps outputs that exist inside the task directory, as absolute paths', async () => {
    const { task } = dirs();
    mkdirSync(join(task, 'reports'));
    writeFileSync(join(task, 'reports', 'week.md'), '# week');
    const check = await checkArtifacts({ cwd: task, roots: [task], declared: ['reports/week.md'], reported: ['reports/week.md'] });
    expect(check).toEqual({ artifacts: [join(task, 'reports', 'week.md')], missing: [], escaping: [] });
  });

  it('reports a declared output that was never written', async () => {
    const { task } = dirs();
    const check = await checkArtifacts({ cwd: task, roots: [task], declared: ['evaluation.md'], reported: [] });
    expect(check.missing).toEqual(['evaluation.md']);
    expect(check.artifacts).toEqual([]);
  });

  it('refuses paths that leave the task directory by .., by absolute path or through a symlink', async () => {
    const { task, outside } = dirs();
    symlinkSync(join(outside, 'secret.txt'), join(task, 'link.txt'));
    const check = await checkArtifacts({ cwd: task, roots: [task], declared: [], reported: ['../outside/secret.txt', join(outside, 'secret.txt'), 'link.txt'] });
    expect(check.escaping).toEqual(['../outside/secret.txt', join(outside, 'secret.txt'), 'link.txt']);
    expect(check.artifacts).toEqual([]);
  });

  it('accepts files in a writable workspace root as well', async () => {
    const { task, outside } = dirs();
    const check = await checkArtifacts({ cwd: outside, roots: [task, outside], declared: ['secret.txt'], reported: [] });
    expect(check.artifacts).toEqual([join(outside, 'secret.txt')]);
  });
});
