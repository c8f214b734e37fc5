import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { TaskResult } from '../../src/queue/protocol.ts';
import { repoRoot } from '../support/workspace.ts';
import { testQueue } from './helpers.ts';

const node = join(repoRoot, 'node_modules/.bin/node');
const claimerScript = join(repoRoot, 'spec/queue/fixtures/claimer.ts');

interface Claimer {
  owner: string;
  ready: Promise<void>;
  go(): void;
  report: Promise<{ claimed: string[]; quarantined: string[] }>;
}

function startClaimer(runDir: string, worker: string, owner: string): Claimer {
  const child = spawn(node, [claimerScript, runDir, worker, owner], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  let readyResolve!: () => void;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const report = new Promise<{ claimed: string[]; quarantined: string[] }>((resolve, reject) => {
    lines.on('line', (line) => (line === 'ready' ? readyResolve() : resolve(JSON.parse(line))));
    child.once('exit', (code) => reject(new Error(`claimer ${owner} exited with ${code} before reporting`)));
  });
  return { owner, ready, go: () => child.stdin.end('go\n'), report };
}

describe('claimers in separate processes racing for the same tasks', () => {
  it('claim every task exactly once', async () => {
    const tasks = 120;
    const { queue, dir } = testQueue();
    const ids = Array.from({ length: tasks }, (_, i) => `t${String(i).padStart(3, '0')}`);
    for (const [i, id] of ids.entries()) {
      // Priorities and chains mixed, so the claimers walk the same order and collide often.
      await queue.enqueue({ task_id: id, worker: 'marie', description: id, priority: i % 3 === 0 ? 'high' : 'normal', chain: 1 + (i % 4) });
    }
    const claimers = ['a', 'b', 'c', 'd'].map((owner) => startClaimer(dir, 'marie', owner));
    await Promise.all(claimers.map((c) => c.ready));
    for (const claimer of claimers) claimer.go();
    const reports = await Promise.all(claimers.map((c) => c.report));

    const claimed = reports.flatMap((r) => r.claimed);
    expect(claimed).toHaveLength(tasks);
    expect(new Set(claimed).size).toBe(tasks);
    expect([...claimed].sort()).toEqual(ids);
    expect(reports.flatMap((r) => r.quarantined)).toEqual([]);

    // Each result was written by the claimer that says it claimed the task.
    const snapshot = await queue.snapshot();
    const byId = new Map<string, TaskResult>(snapshot.results.map((r) => [r.task_id, r]));
    for (const [i, report] of reports.entries()) for (const id of report.claimed) expect(byId.get(id)?.result).toBe(claimers[i]!.owner);
    expect(snapshot.pending).toEqual([]);
    expect(snapshot.claimed).toEqual([]);
    expect(readdirSync(join(dir, 'leases/marie'))).toEqual([]);
  });
});
