import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueueError } from '../../src/queue/errors.ts';
import { normalizePriority, priorityRank, type FilePriority } from '../../src/queue/protocol.ts';
import type { Claim } from '../../src/queue/task-queue.ts';
import { seeded } from '../support/property.ts';
import { testQueue } from './helpers.ts';

const workers = ['marie', 'fabien'] as const;
const ids = ['a', 'b', 'c', 'd'] as const;
const leaseMs = 1000;

type Op =
  | { op: 'enqueue'; worker: number; id: number; priority: FilePriority; chain: number }
  | { op: 'claim'; worker: number; owner: number }
  | { op: 'complete'; handle: number; status: 'complete' | 'failed' }
  | { op: 'release'; handle: number }
  | { op: 'renew'; handle: number }
  | { op: 'advance'; ms: number }
  | { op: 'reclaim' }
  | { op: 'retry'; worker: number; id: number };

// Weighted so that tasks get queued and claimed often enough for the rest to matter.
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('enqueue' as const),
      worker: fc.nat(1),
      id: fc.nat(ids.length - 1),
      priority: fc.constantFrom<FilePriority>('low', 'medium', 'normal', 'high', 'critical'),
      chain: fc.integer({ min: 1, max: 3 }),
    }),
  },
  // Few owners, so one owner often claims again a task whose lease it let lapse.
  { weight: 3, arbitrary: fc.record({ op: fc.constant('claim' as const), worker: fc.nat(1), owner: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('complete' as const), handle: fc.nat(), status: fc.constantFrom('complete' as const, 'failed' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('release' as const), handle: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('renew' as const), handle: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 2 * leaseMs }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reclaim' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('retry' as const), worker: fc.nat(1), id: fc.nat(ids.length - 1) }) },
);

interface ModelTask {
  worker: string;
  id: string;
  attempt: number;
  rank: number;
  chain: number;
  created: number;
}

/** What the queue should hold for one task: a pending copy, a live claim, a result; any mix the protocol allows. */
interface Slot {
  pending?: ModelTask;
  claim?: { task: ModelTask; handle: number; expiresAt: number };
  result?: { attempt: number; status: 'complete' | 'failed' };
}

interface Handle {
  claim: Claim;
  key: string;
  settled: boolean;
}

describe('the file queue against a model', () => {
  it('loses no task, duplicates none, and keeps at most one live claim per task, for any sequence of operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 60, size: 'max' }), async (ops) => {
        const { queue, clock, quarantined } = testQueue();
        const slots = new Map<string, Slot>();
        const slot = (key: string) => slots.get(key) ?? (slots.set(key, {}), slots.get(key)!);
        const handles: Handle[] = [];
        const keyOf = (worker: string, id: string) => `${worker}/${id}`;

        const enqueue = async (worker: string, id: string, attempt: number, priority: FilePriority, chain: number) => {
          const s = slot(keyOf(worker, id));
          const expected = s.pending ? 'pending' : s.claim ? 'claimed' : s.result ? 'done' : undefined;
          const outcome = await queue.enqueue({ task_id: id, worker, description: id, attempt, priority, chain });
          expect(outcome).toEqual(expected ? { queued: false, state: expected } : { queued: true });
          if (!expected) s.pending = { worker, id, attempt, rank: priorityRank[normalizePriority(priority)], chain, created: clock.now() };
        };

        for (const op of ops) {
          const now = clock.now();
          switch (op.op) {
            case 'enqueue':
              await enqueue(workers[op.worker]!, ids[op.id]!, 1, op.priority, op.chain);
              break;
            case 'retry': {
              const key = keyOf(workers[op.worker]!, ids[op.id]!);
              const s = slot(key);
              if (s.result?.status !== 'failed') break;
              expect(await queue.retireAttempt(workers[op.worker]!, ids[op.id]!, s.result.attempt)).toBe(true);
              const attempt = s.result.attempt + 1;
              delete s.result;
              await enqueue(workers[op.worker]!, ids[op.id]!, attempt, 'normal', 1);
              break;
            }
            case 'claim': {
              const worker = workers[op.worker]!;
              const pending = [...slots.values()]
                .flatMap((s) => (s.pending?.worker === worker ? [s.pending] : []))
                .sort((a, b) => b.rank - a.rank || b.chain - a.chain || a.created - b.created || (a.id < b.id ? -1 : 1));
              let expected: ModelTask | undefined;
              for (const task of pending) {
                const s = slot(keyOf(task.worker, task.id));
                delete s.pending;
                // A pending copy of a task whose result is in is dropped by the claim that finds it.
                if (s.result && s.result.attempt >= task.attempt) continue;
                expected = task;
                s.claim = { task, handle: handles.length, expiresAt: now + leaseMs };
                break;
              }
              const claim = await queue.claim(worker, `host:1:owner${op.owner}`, leaseMs);
              expect(claim && [claim.task.task_id, claim.task.attempt]).toEqual(expected && [expected.id, expected.attempt]);
              if (claim) handles.push({ claim, key: keyOf(worker, claim.task.task_id), settled: false });
              break;
            }
            case 'complete':
            case 'release':
            case 'renew': {
              if (handles.length === 0) break;
              const index = op.handle % handles.length;
              const handle = handles[index]!;
              const s = slot(handle.key);
              const held = s.claim?.handle === index;
              if (op.op === 'renew') {
                expect(await handle.claim.renew()).toBe(held && !handle.settled);
                if (held) s.claim!.expiresAt = now + leaseMs;
                break;
              }
              if (handle.settled) {
                await expect(op.op === 'release' ? handle.claim.release() : handle.claim.complete({ status: op.status })).rejects.toThrow(QueueError);
                break;
              }
              handle.settled = true;
              if (op.op === 'release') {
                expect(await handle.claim.release()).toBe(held);
                if (held) {
                  s.pending = s.claim!.task;
                  delete s.claim;
                }
                break;
              }
              const recorded = s.result === undefined;
              expect(await handle.claim.complete({ status: op.status })).toEqual({ recorded, held });
              if (recorded) s.result = { attempt: handle.claim.task.attempt, status: op.status };
              if (held) delete s.claim;
              break;
            }
            case 'advance':
              clock.advance(op.ms);
              break;
            case 'reclaim': {
              const expected: string[] = [];
              for (const [key, s] of slots) {
                if (!s.claim) continue;
                if (s.result && s.result.attempt >= s.claim.task.attempt) delete s.claim;
                else if (s.claim.expiresAt <= now) {
                  expected.push(key);
                  s.pending = s.claim.task;
                  delete s.claim;
                }
              }
              const reclaimed = await queue.reclaimExpired();
              expect(reclaimed.map((r) => keyOf(r.worker, r.taskId)).sort()).toEqual(expected.sort());
              break;
            }
          }

          // The queue holds exactly what the model says, each task once in each place.
          const snapshot = await queue.snapshot();
          const pending = snapshot.pending.map((t) => `${keyOf(t.worker, t.task_id)}#${t.attempt}`);
          const claimed = snapshot.claimed.map((c) => `${keyOf(c.task.worker, c.task.task_id)}#${c.task.attempt}:${c.lease?.claim_id}:${c.leaseState}`);
          const results = snapshot.results.map((r) => `${keyOf(r.worker, r.task_id)}#${r.attempt}:${r.status}`);
          const model = [...slots.entries()];
          expect(pending.sort()).toEqual(model.flatMap(([key, s]) => (s.pending ? [`${key}#${s.pending.attempt}`] : [])).sort());
          expect(claimed.sort()).toEqual(
            model
              .flatMap(([key, s]) =>
                s.claim ? [`${key}#${s.claim.task.attempt}:${handles[s.claim.handle]!.claim.lease.claim_id}:${s.claim.expiresAt > clock.now() ? 'live' : 'expired'}`] : [],
              )
              .sort(),
          );
          expect(results.sort()).toEqual(model.flatMap(([key, s]) => (s.result ? [`${key}#${s.result.attempt}:${s.result.status}`] : [])).sort());
          for (const list of [pending, claimed, results]) expect(new Set(list).size).toBe(list.length);
          // At most one claim handle still holds each task.
          const holders = new Map<string, number>();
          for (const [i, h] of handles.entries()) if (!h.settled && slots.get(h.key)?.claim?.handle === i) holders.set(h.key, (holders.get(h.key) ?? 0) + 1);
          for (const count of holders.values()) expect(count).toBe(1);
          expect(quarantined).toEqual([]);
        }
      }),
      seeded(40),
    );
  });
});
