import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QueueError } from '../../src/queue/errors.ts';
import { keepRenewed, newOwnerId } from '../../src/queue/lease.ts';
import type { TaskFile, TaskResult } from '../../src/queue/protocol.ts';
import { Inbox, testQueue } from './helpers.ts';

const task = (task_id: string, extra: Partial<TaskFile> = {}): TaskFile => ({ task_id, worker: 'marie', description: `do ${task_id}`, ...extra });
const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};

describe('a task file written by hand in the seed format', () => {
  it('is claimed, leased and completed with a result a seed reader understands', async () => {
    const { queue, dir, clock } = testQueue();
    write(
      join(dir, 'tasks/marie/sec-001.json'),
      `{
  "task_id": "sec-001",
  "worker": "marie",
  "description": "Review student Emma Rodriguez progress and create detailed evaluation",
  "dependencies": [],
  "timeout": 300,
  "priority": "high"
}`,
    );
    const claim = await queue.claim('marie', 'host:1:aa', 60_000);
    expect(claim?.task).toMatchObject({ task_id: 'sec-001', priority: 'high', timeout: 300, attempt: 1 });
    expect(existsSync(join(dir, 'tasks/marie/sec-001.json'))).toBe(false);
    expect(json(join(dir, 'claimed/marie/sec-001.json'))).toMatchObject({ task_id: 'sec-001' });
    expect(json(join(dir, 'leases/marie/sec-001.json'))).toMatchObject({ owner: 'host:1:aa', attempt: 1, expires_at: clock.now() + 60_000 });

    clock.advance(45_200);
    expect(await claim!.complete({ status: 'complete', findings: ['Excellent turnout'], artifacts: ['evaluation.md'] })).toEqual({ recorded: true, held: true });
    expect(json(join(dir, 'results/marie/sec-001.json'))).toEqual({
      task_id: 'sec-001',
      status: 'complete',
      worker: 'marie',
      findings: ['Excellent turnout'],
      artifacts: ['evaluation.md'],
      execution_time: 45.2,
      attempt: 1,
    });
    expect(existsSync(join(dir, 'claimed/marie/sec-001.json'))).toBe(false);
    expect(existsSync(join(dir, 'leases/marie/sec-001.json'))).toBe(false);
    expect(await queue.claim('marie', 'host:1:aa', 60_000)).toBeUndefined();
  });
});

describe('enqueue', () => {
  it('writes every seed field, with the creation time', async () => {
    const { queue, dir, clock } = testQueue();
    expect(await queue.enqueue(task('evaluate', { run_id: 'r1', chain: 2 }))).toEqual({ queued: true });
    expect(json(join(dir, 'tasks/marie/evaluate.json'))).toEqual({
      task_id: 'evaluate',
      worker: 'marie',
      description: 'do evaluate',
      dependencies: [],
      timeout: 600,
      priority: 'medium',
      attempt: 1,
      run_id: 'r1',
      chain: 2,
      created_at: new Date(clock.now()).toISOString(),
    });
  });

  it('queues a task once, whether it is pending, claimed or done', async () => {
    const { queue } = testQueue();
    await queue.enqueue(task('a'));
    expect(await queue.enqueue(task('a'))).toEqual({ queued: false, state: 'pending' });
    const claim = await queue.claim('marie', 'me', 1000);
    expect(await queue.enqueue(task('a'))).toEqual({ queued: false, state: 'claimed' });
    await claim!.complete({ status: 'failed' });
    expect(await queue.enqueue(task('a', { attempt: 2 }))).toEqual({ queued: false, state: 'done' });
    expect(await queue.retireAttempt('marie', 'a', 1)).toBe(true);
    expect(await queue.enqueue(task('a', { attempt: 2 }))).toEqual({ queued: true });
  });

  it('throws on a task that fails the schema, naming the field', async () => {
    const { queue } = testQueue();
    await expect(queue.enqueue({ ...task('a'), timeout: -1 })).rejects.toThrow(QueueError);
    await expect(queue.enqueue({ ...task('a'), worker: '../x' })).rejects.toThrow(/worker: /);
  });
});

describe('claim', () => {
  it('takes the highest priority, then the longest chain, then the oldest, then by id', async () => {
    const { queue, clock } = testQueue();
    await queue.enqueue(task('low', { priority: 'low', chain: 9 }));
    clock.advance(1);
    await queue.enqueue(task('normal-old', { chain: 2 }));
    clock.advance(1);
    await queue.enqueue(task('normal-new-b', { chain: 2 }));
    await queue.enqueue(task('normal-new-a', { chain: 2 }));
    await queue.enqueue(task('normal-short', { chain: 1 }));
    await queue.enqueue(task('high', { priority: 'high' }));
    await queue.enqueue(task('critical', { priority: 'critical' }));
    const order: string[] = [];
    for (let claim = await queue.claim('marie', 'me', 1000); claim; claim = await queue.claim('marie', 'me', 1000)) order.push(claim.task.task_id);
    expect(order).toEqual(['critical', 'high', 'normal-old', 'normal-new-a', 'normal-new-b', 'normal-short', 'low']);
  });

  it('takes the oldest file first when hand-written tasks give no creation time', async () => {
    const { queue, dir } = testQueue();
    for (const [id, age] of [['b', 10], ['a', 20], ['c', 30]] as const) {
      const path = join(dir, `tasks/marie/${id}.json`);
      write(path, JSON.stringify(task(id)));
      const when = new Date(Date.now() - age * 1000);
      utimesSync(path, when, when);
    }
    const first = await queue.claim('marie', 'me', 1000);
    expect(first?.task.task_id).toBe('c');
  });

  it("only takes its own worker's tasks", async () => {
    const { queue } = testQueue();
    await queue.enqueue({ ...task('t'), worker: 'fabien' });
    expect(await queue.claim('marie', 'me', 1000)).toBeUndefined();
    expect((await queue.claim('fabien', 'me', 1000))?.task.task_id).toBe('t');
  });

  it('refuses a bad lease length or owner', async () => {
    const { queue } = testQueue();
    await expect(queue.claim('marie', 'me', 0)).rejects.toThrow('Expected `leaseMs` to be a finite number > 0, got 0');
    await expect(queue.claim('marie', '', 10)).rejects.toThrow(QueueError);
  });
});

describe('a claim', () => {
  it('released, goes back to pending untouched for the next claimer', async () => {
    const { queue, dir } = testQueue();
    await queue.enqueue(task('a', { chain: 4 }));
    const before = readFileSync(join(dir, 'tasks/marie/a.json'), 'utf8');
    const first = await queue.claim('marie', 'one', 1000);
    expect(await first!.release()).toBe(true);
    expect(readFileSync(join(dir, 'tasks/marie/a.json'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'leases/marie/a.json'))).toBe(false);
    expect(await first!.renew()).toBe(false);
    const second = await queue.claim('marie', 'two', 1000);
    expect(second?.task).toEqual(first!.task);
  });

  it('cannot be settled twice', async () => {
    const { queue } = testQueue();
    await queue.enqueue(task('a'));
    const claim = await queue.claim('marie', 'me', 1000);
    await claim!.complete({ status: 'complete' });
    await expect(claim!.complete({ status: 'complete' })).rejects.toThrow(/already completed or released/);
    await expect(claim!.release()).rejects.toThrow(QueueError);
  });

  it('given a bad result, throws and can still be released', async () => {
    const { queue } = testQueue();
    await queue.enqueue(task('a'));
    const claim = await queue.claim('marie', 'me', 1000);
    await expect(claim!.complete({ status: 'complete', cost_usd: -1 })).rejects.toThrow(/cost_usd: /);
    expect(await claim!.release()).toBe(true);
  });
});

describe('leases', () => {
  it('once lapsed, are reclaimed: the task goes back to pending and another claimer gets it', async () => {
    const { queue, clock } = testQueue();
    await queue.enqueue(task('a'));
    const first = await queue.claim('marie', 'slow', 1000);
    clock.advance(999);
    expect(await queue.reclaimExpired()).toEqual([]);
    clock.advance(1);
    expect(await queue.reclaimExpired()).toEqual([{ worker: 'marie', taskId: 'a', attempt: 1, owner: 'slow', reason: 'lease-expired' }]);
    expect((await queue.snapshot()).pending.map((t) => t.task_id)).toEqual(['a']);

    const second = await queue.claim('marie', 'fast', 1000);
    expect(second?.task.attempt).toBe(1);
    expect(await first!.renew()).toBe(false);
    // The slow claimer finishes first: its result is recorded, but the claim is not its to clear.
    expect(await first!.complete({ status: 'complete', result: 'slow' })).toEqual({ recorded: true, held: false });
    expect((await queue.snapshot()).claimed.map((c) => [c.task.task_id, c.lease?.owner, c.settled])).toEqual([['a', 'fast', true]]);
    expect(await second!.complete({ status: 'complete', result: 'fast' })).toEqual({ recorded: false, held: true });
    const snapshot = await queue.snapshot();
    expect(snapshot.claimed).toEqual([]);
    expect(snapshot.results.map((r) => r.result)).toEqual(['slow']);
  });

  it('renewed, hold the task past their first expiry', async () => {
    const { queue, clock, dir } = testQueue();
    await queue.enqueue(task('a'));
    const claim = await queue.claim('marie', 'me', 1000);
    clock.advance(800);
    expect(await claim!.renew()).toBe(true);
    expect(json(join(dir, 'leases/marie/a.json'))).toMatchObject({ expires_at: clock.now() + 1000, renewed_at: clock.now() });
    expect(claim!.lease.expires_at).toBe(clock.now() + 1000);
    clock.advance(800);
    expect(await queue.reclaimExpired()).toEqual([]);
    expect((await queue.snapshot()).claimed.map((c) => c.leaseState)).toEqual(['live']);
    clock.advance(200);
    expect((await queue.snapshot()).claimed.map((c) => c.leaseState)).toEqual(['expired']);
  });

  it('missing (the claimer died before writing it) are given a grace period, then reclaimed', async () => {
    const { queue, clock, dir } = testQueue({ missingLeaseGraceMs: 5000 });
    write(join(dir, 'claimed/marie/a.json'), JSON.stringify(task('a')));
    expect(await queue.reclaimExpired()).toEqual([]);
    expect((await queue.snapshot()).claimed.map((c) => c.leaseState)).toEqual(['missing']);
    clock.advance(4999);
    expect(await queue.reclaimExpired()).toEqual([]);
    clock.advance(1);
    expect(await queue.reclaimExpired()).toEqual([{ worker: 'marie', taskId: 'a', attempt: 1, reason: 'lease-missing' }]);
    expect((await queue.claim('marie', 'me', 1000))?.task.task_id).toBe('a');
  });

  it('are kept alive by keepRenewed until it is stopped, and it tells when one is lost', async () => {
    const { queue, clock, dir } = testQueue();
    await queue.enqueue(task('a'));
    const claim = await queue.claim('marie', 'me', 1000);
    const renewals = new Inbox<number>();
    clock.advance(500);
    const renewer = keepRenewed(claim!, { everyMs: 5, onRenewed: () => renewals.push(claim!.lease.expires_at) });
    await renewals.until(2);
    await renewer.stop();
    expect(json(join(dir, 'leases/marie/a.json'))).toMatchObject({ expires_at: clock.now() + 1000 });

    const lost = new Promise<void>((resolve) => keepRenewed(claim!, { everyMs: 5, onLost: resolve }));
    clock.advance(2000);
    expect(await queue.reclaimExpired()).toHaveLength(1);
    await lost;
    expect(() => keepRenewed(claim!, { everyMs: 0 })).toThrow('Expected `everyMs` to be a finite number > 0, got 0');
  });
});

describe('a result written just before its claimer crashed', () => {
  it('wins over the claimed file left beside it', async () => {
    const { queue, clock, dir } = testQueue();
    await queue.enqueue(task('a'));
    await queue.claim('marie', 'crashed', 1000);
    // complete() got as far as its first step, writing the result, and the process died.
    write(join(dir, 'results/marie/a.json'), JSON.stringify({ task_id: 'a', worker: 'marie', status: 'complete', findings: ['x'], artifacts: [], execution_time: 1 }));

    const results = new Inbox<TaskResult>();
    await queue.watchResults(results.push);
    expect((await results.until(1)).map((r) => r.findings)).toEqual([['x']]);
    expect((await queue.snapshot()).claimed.map((c) => c.settled)).toEqual([true]);

    clock.advance(5000);
    expect(await queue.reclaimExpired()).toEqual([]);
    const snapshot = await queue.snapshot();
    expect(snapshot.pending).toEqual([]);
    expect(snapshot.claimed).toEqual([]);
    expect(snapshot.results.map((r) => r.task_id)).toEqual(['a']);
    expect(await queue.claim('marie', 'next', 1000)).toBeUndefined();
  });

  it('also wins over a pending copy: the claim that finds it there drops it', async () => {
    const { queue, dir } = testQueue();
    write(join(dir, 'tasks/marie/a.json'), JSON.stringify(task('a')));
    write(join(dir, 'results/marie/a.json'), JSON.stringify({ task_id: 'a', worker: 'marie', status: 'complete' }));
    expect(await queue.claim('marie', 'me', 1000)).toBeUndefined();
    expect(existsSync(join(dir, 'tasks/marie/a.json'))).toBe(false);
    expect(existsSync(join(dir, 'claimed/marie/a.json'))).toBe(false);
  });
});

describe('bad files', () => {
  it('in tasks/ are quarantined with a readable reason while good tasks are claimed', async () => {
    const { queue, dir, quarantined } = testQueue();
    write(join(dir, 'tasks/marie/broken.json'), '{"task_id": "broken", ');
    write(join(dir, 'tasks/marie/invalid.json'), JSON.stringify({ ...task('invalid'), priority: 'urgent' }));
    write(join(dir, 'tasks/marie/task-001.json'), JSON.stringify(task('sec-001')));
    write(join(dir, 'tasks/marie/elsewhere.json'), JSON.stringify({ ...task('elsewhere'), worker: 'fabien' }));
    write(join(dir, 'tasks/marie/notes.txt'), 'remember the tutus');
    await queue.enqueue(task('good'));

    expect((await queue.claim('marie', 'me', 1000))?.task.task_id).toBe('good');
    expect(quarantined.map((q) => [q.path.slice(dir.length + 1), q.reason])).toEqual([
      ['tasks/marie/broken.json', expect.stringMatching(/^not valid JSON: /)],
      ['tasks/marie/elsewhere.json', 'worker "fabien" does not match the folder "marie"'],
      ['tasks/marie/invalid.json', expect.stringMatching(/^priority: Invalid option: expected one of "low"\|"normal"\|"high"\|"critical"\|"medium"/)],
      ['tasks/marie/notes.txt', 'the file name "notes.txt" is not <task id>.json'],
      ['tasks/marie/task-001.json', 'task_id "sec-001" does not match the file name "task-001.json"'],
    ]);
    expect(readdirSync(join(dir, 'tasks/marie'))).toEqual([]);
    expect(readFileSync(join(dir, 'quarantine/tasks/marie/broken.json'), 'utf8')).toBe('{"task_id": "broken", ');
    expect(json(join(dir, 'quarantine/tasks/marie/broken.json.reason.json'))).toMatchObject({
      path: 'tasks/marie/broken.json',
      reason: expect.stringMatching(/^not valid JSON/),
      quarantined_at: expect.any(String),
    });
  });

  it('quarantined twice at one place both keep their copy', async () => {
    const { queue, dir, quarantined } = testQueue();
    write(join(dir, 'tasks/marie/x.json'), 'one');
    await queue.snapshot();
    write(join(dir, 'tasks/marie/x.json'), 'two');
    await queue.snapshot();
    expect(quarantined.map((q) => q.movedTo.slice(dir.length + 1))).toEqual(['quarantine/tasks/marie/x.json', 'quarantine/tasks/marie/x.json.1']);
    expect(readFileSync(join(dir, 'quarantine/tasks/marie/x.json.1'), 'utf8')).toBe('two');
  });

  it('outside a worker folder, or in a folder that is no worker id, are quarantined too', async () => {
    const { queue, dir, quarantined } = testQueue();
    write(join(dir, 'tasks/loose.json'), JSON.stringify(task('loose')));
    write(join(dir, 'tasks/not a worker/t.json'), JSON.stringify(task('t')));
    await queue.snapshot();
    expect(quarantined.map((q) => q.reason)).toEqual([
      'queue files belong in tasks/<worker>/, not in tasks/ itself',
      'the folder name "not a worker" is not a valid worker id',
    ]);
  });

  it('in results/ are quarantined while good results are delivered; artifacts are left alone', async () => {
    const { queue, dir, quarantine, quarantined } = testQueue();
    write(join(dir, 'results/marie/bad.json'), '[1, 2');
    write(join(dir, 'results/marie/good.json'), JSON.stringify({ task_id: 'good', worker: 'marie', status: 'complete' }));
    write(join(dir, 'results/marie/emma-evaluation.md'), '# Emma');
    write(join(dir, 'results/marie/good/evaluation.md'), '# Emma');
    const results = new Inbox<TaskResult>();
    await queue.watchResults(results.push);
    expect((await results.until(1)).map((r) => r.task_id)).toEqual(['good']);
    expect(quarantined.map((q) => q.path.slice(dir.length + 1))).toEqual(['results/marie/bad.json']);

    // And after the start, seen by the watcher.
    write(join(dir, 'results/marie/late.json'), JSON.stringify({ task_id: 'other', worker: 'marie', status: 'complete' }));
    const [, late] = await quarantine.until(2);
    expect(late?.reason).toBe('task_id "other" does not match the file name "late.json"');
    expect(results.items).toHaveLength(1);
    expect(existsSync(join(dir, 'results/marie/emma-evaluation.md'))).toBe(true);
    expect(existsSync(join(dir, 'results/marie/good/evaluation.md'))).toBe(true);
  });

  it('of writes in progress (hidden temporary files) are never picked up or quarantined', async () => {
    const { queue, dir, quarantined } = testQueue();
    write(join(dir, 'tasks/marie/.a.json.123.0a1b.tmp'), '{"task_id": "a", "wor');
    write(join(dir, 'results/marie/.a.json.123.0a1b.tmp'), '{"task_id": "a", "sta');
    const results = new Inbox<TaskResult>();
    const available = new Inbox<string>();
    await queue.watchResults(results.push);
    await queue.watchTasks('marie', available.push);
    await queue.enqueue(task('b'));
    expect(await available.until(1)).toEqual(['b']);
    expect((await queue.claim('marie', 'me', 1000))?.task.task_id).toBe('b');
    expect(await queue.claim('marie', 'me', 1000)).toBeUndefined();
    const snapshot = await queue.snapshot();
    expect([snapshot.pending, snapshot.results, results.items, quarantined]).toEqual([[], [], [], []]);
    expect(existsSync(join(dir, 'tasks/marie/.a.json.123.0a1b.tmp'))).toBe(true);
  });
});

describe('watchResults', () => {
  it('delivers results there before it started and those written after, each once', async () => {
    const { queue, dir } = testQueue();
    write(join(dir, 'results/fabien/early.json'), JSON.stringify({ task_id: 'early', worker: 'fabien', status: 'complete' }));
    await queue.enqueue(task('late'));
    const results = new Inbox<TaskResult>();
    const subscription = await queue.watchResults(results.push);
    expect((await results.until(1)).map((r) => r.task_id)).toEqual(['early']);

    const claim = await queue.claim('marie', 'me', 1000);
    await claim!.complete({ status: 'complete', result: 'done' });
    expect((await results.until(2)).map((r) => [r.task_id, r.result])).toEqual([
      ['early', undefined],
      ['late', 'done'],
    ]);

    // Rewriting a delivered result is not a new result; the retry's result is.
    write(join(dir, 'results/fabien/early.json'), JSON.stringify({ task_id: 'early', worker: 'fabien', status: 'complete', findings: ['again'] }));
    write(join(dir, 'results/fabien/retried.json'), JSON.stringify({ task_id: 'retried', worker: 'fabien', status: 'failed', attempt: 1 }));
    await results.first((r) => r.task_id === 'retried');
    expect(await queue.retireAttempt('fabien', 'retried', 2)).toBe(false);
    expect(await queue.retireAttempt('fabien', 'retried', 1)).toBe(true);
    expect(json(join(dir, 'results/fabien/.attempts/retried.1.json'))).toMatchObject({ status: 'failed' });
    write(join(dir, 'results/fabien/retried.json'), JSON.stringify({ task_id: 'retried', worker: 'fabien', status: 'complete', attempt: 2 }));
    await results.first((r) => r.task_id === 'retried' && r.attempt === 2);
    await subscription.close();
    expect(results.items.map((r) => `${r.task_id}#${r.attempt}`)).toEqual(['early#1', 'late#1', 'retried#1', 'retried#2']);
  });

  it('sees results in a worker folder made after it started', async () => {
    const { queue, dir } = testQueue();
    const results = new Inbox<TaskResult>();
    await queue.watchResults(results.push);
    write(join(dir, 'results/anga/review.json'), JSON.stringify({ task_id: 'review', worker: 'anga', status: 'complete' }));
    expect((await results.until(1)).map((r) => r.task_id)).toEqual(['review']);
  });

  it('gives each subscription every result', async () => {
    const { queue } = testQueue();
    await queue.enqueue(task('a'));
    const one = new Inbox<TaskResult>();
    const two = new Inbox<TaskResult>();
    await queue.watchResults(one.push);
    await (await queue.claim('marie', 'me', 1000))!.complete({ status: 'complete' });
    await queue.watchResults(two.push);
    expect((await one.until(1)).map((r) => r.task_id)).toEqual(['a']);
    expect((await two.until(1)).map((r) => r.task_id)).toEqual(['a']);
  });

  it('reports an error thrown by its callback and goes on', async () => {
    const { queue, dir, errors } = testQueue();
    write(join(dir, 'results/marie/a.json'), JSON.stringify({ task_id: 'a', worker: 'marie', status: 'complete' }));
    write(join(dir, 'results/marie/b.json'), JSON.stringify({ task_id: 'b', worker: 'marie', status: 'complete' }));
    const seen: string[] = [];
    await queue.watchResults((r) => {
      seen.push(r.task_id);
      throw new Error(`callback failed on ${r.task_id}`);
    });
    expect(seen).toEqual(['a', 'b']);
    expect(errors.map((e) => (e as Error).message)).toEqual(['callback failed on a', 'callback failed on b']);
  });
});

describe('watchTasks', () => {
  it('tells a worker about tasks pending when it starts, then about each one that arrives', async () => {
    const { queue } = testQueue();
    await queue.enqueue(task('first'));
    await queue.enqueue({ ...task('other'), worker: 'fabien' });
    const available = new Inbox<string>();
    await queue.watchTasks('marie', available.push);
    expect(await available.until(1)).toEqual(['first']);
    await queue.enqueue(task('second'));
    expect(await available.until(2)).toEqual(['first', 'second']);
    const claim = await queue.claim('marie', 'me', 1000);
    await claim!.release();
    expect((await available.until(3))[2]).toBe('first');
  });
});

describe('newOwnerId', () => {
  it('names the host and process, and differs on each call', () => {
    const owner = newOwnerId();
    expect(owner).toMatch(new RegExp(`^.+:${process.pid}:[0-9a-f]{8}$`));
    expect(newOwnerId()).not.toBe(owner);
  });
});

describe('snapshot', () => {
  it('shows pending tasks in claim order, claims with their lease, and results', async () => {
    const { queue, clock } = testQueue();
    await queue.enqueue(task('a'));
    await queue.enqueue(task('b', { priority: 'high' }));
    await queue.enqueue({ ...task('c'), worker: 'fabien' });
    const claim = await queue.claim('fabien', 'me', 1000);
    await queue.enqueue({ ...task('d'), worker: 'fabien' });
    const done = await queue.claim('fabien', 'me', 1000);
    await done!.complete({ status: 'complete' });
    const snapshot = await queue.snapshot();
    expect(snapshot.pending.map((t) => `${t.worker}/${t.task_id}`)).toEqual(['marie/b', 'marie/a']);
    expect(snapshot.claimed).toEqual([{ task: claim!.task, lease: claim!.lease, leaseState: 'live', settled: false }]);
    expect(snapshot.results.map((r) => r.task_id)).toEqual(['d']);
    expect(claim!.lease.expires_at).toBe(clock.now() + 1000);
  });
});
