import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QueueError } from '../../src/queue/errors.ts';
import { assertQueueId, idFromFileName, isQueueId, RunLayout } from '../../src/queue/layout.ts';

describe('RunLayout', () => {
  const layout = new RunLayout('/runs/r1');

  it('puts each kind of file in its own place', () => {
    expect(layout.pending('marie', 'evaluate')).toBe('/runs/r1/tasks/marie/evaluate.json');
    expect(layout.claimed('marie', 'evaluate')).toBe('/runs/r1/claimed/marie/evaluate.json');
    expect(layout.lease('marie', 'evaluate')).toBe('/runs/r1/leases/marie/evaluate.json');
    expect(layout.result('marie', 'evaluate')).toBe('/runs/r1/results/marie/evaluate.json');
    expect(layout.artifactsDir('marie', 'evaluate')).toBe('/runs/r1/results/marie/evaluate');
    expect(layout.retiredResult('marie', 'evaluate', 2)).toBe('/runs/r1/results/marie/.attempts/evaluate.2.json');
    expect([layout.plan, layout.run, layout.journal, layout.quarantineDir]).toEqual([
      '/runs/r1/plan.json',
      '/runs/r1/run.json',
      '/runs/r1/journal.jsonl',
      '/runs/r1/quarantine',
    ]);
  });

  it('resolves a relative run directory', () => {
    expect(new RunLayout('r2').root).toBe(join(process.cwd(), 'r2'));
  });

  it.each(['..', '../x', 'a/b', 'a\\b', '', '.hidden', '-dash', '1abc', 'a.', 'a..b', 'a.1b', 'x'.repeat(201), 'naïve'])('refuses the id %j', (id) => {
    expect(isQueueId(id)).toBe(false);
    expect(() => layout.pending('marie', id)).toThrow(QueueError);
    expect(() => layout.pending(id, 'evaluate')).toThrow(QueueError);
    expect(() => assertQueueId('task', id)).toThrow(/Expected a task id matching/);
  });

  // `follow-up.call` is the planned task `follow-up/call` on the queue.
  it.each(['evaluate', 'follow-up', '_t1', 'A_b-9', 'follow-up.call-families'])('accepts the id %j', (id) => {
    expect(isQueueId(id)).toBe(true);
  });

  it('refuses an attempt below 1', () => {
    expect(() => layout.retiredResult('marie', 'evaluate', 0)).toThrow(/attempt to be an integer >= 1, got 0/);
  });

  it('reads the task id from a file name', () => {
    expect(idFromFileName('evaluate.json')).toBe('evaluate');
    expect(idFromFileName('evaluate.json.tmp')).toBeUndefined();
    expect(idFromFileName('.evaluate.json.1.ab.tmp')).toBeUndefined();
    expect(idFromFileName('a b.json')).toBeUndefined();
  });
});
