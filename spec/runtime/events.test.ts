import { describe, expect, expectTypeOf, it } from 'vitest';
import { isoAt, RunEmitter, runEventSchema, type RunEvent, type RunEventMap, type RunEventType } from '../../src/runtime/events.ts';
import { canonicalJson, planHash } from '../../src/runtime/plan-hash.ts';
import { compileText } from '../support/workspace.ts';
import { resultFor } from './sim.ts';

const at = '2026-11-25T10:00:00.000Z';

describe('run event schemas', () => {
  it('accept one event of every type', () => {
    const all: RunEvent[] = [
      { type: 'run:start', at, run_id: 'r', workflow: 'w', plan_hash: 'sha256:0', inputs: { a: 'x', b: 2, c: false } },
      { type: 'task:queued', at, task: 't', worker: 'w', attempt: 1 },
      { type: 'task:start', at, task: 't', worker: 'w', attempt: 1, owner: 'pid-1' },
      { type: 'task:retrying', at, task: 't', attempt: 1, delay_ms: 1000, reason: 'exit: 1' },
      { type: 'task:rate-limited', at, task: 't', attempt: 2, delay_ms: 5000, limit: '429', cost_usd: 0.1 },
      { type: 'task:requeued', at, task: 't', attempt: 3, reason: 'lease lapsed' },
      { type: 'task:done', at, task: 't', worker: 'w', attempt: 3, result: resultFor('t', 3) },
      { type: 'task:failed', at, task: 'u', worker: 'w', attempt: 1, error: { kind: 'timeout', message: 'after 5m' } },
      { type: 'task:skipped', at, task: 'v', reason: 'upstream `u` failed', because: 'u' },
      { type: 'run:end', at, status: 'failed' },
    ];
    for (const event of all) expect(runEventSchema.parse(event)).toEqual(event);
    expect(new Set(all.map((e) => e.type)).size).toBe(10);
  });

  it('reject events with a bad time, a missing field, an unknown field or an unknown type', () => {
    const bad = [
      { type: 'task:queued', at: '25/11/2026', task: 't', worker: 'w', attempt: 1 },
      { type: 'task:queued', task: 't', worker: 'w', attempt: 1 },
      { type: 'task:queued', at, task: 't', worker: 'w', attempt: 0 },
      { type: 'task:queued', at, task: 't', worker: 'w', attempt: 1, extra: true },
      { type: 'run:end', at, status: 'maybe' },
      { type: 'task:done', at, task: 't', worker: 'w', attempt: 1, result: { ...resultFor('t', 1), cost_usd: -1 } },
      { type: 'task:exploded', at },
    ];
    for (const event of bad) expect(runEventSchema.safeParse(event).success, JSON.stringify(event)).toBe(false);
  });

  it('map each type to its event', () => {
    expectTypeOf<RunEventMap['task:rate-limited']>().toHaveProperty('limit');
    expectTypeOf<RunEventMap['task:skipped']['because']>().toEqualTypeOf<string>();
    expectTypeOf<keyof RunEventMap>().toEqualTypeOf<RunEventType>();
  });

  it('write times as ISO strings to the millisecond', () => {
    expect(isoAt(Date.UTC(2026, 10, 25, 10))).toBe(at);
    expect(Date.parse(isoAt(1_790_000_000_123))).toBe(1_790_000_000_123);
  });
});

describe('RunEmitter', () => {
  it('calls every-event listeners, then the listeners of the type, in subscription order', () => {
    const emitter = new RunEmitter();
    const calls: string[] = [];
    emitter.on('run:end', (e) => calls.push(`end:${e.status}`));
    emitter.onAny((e) => calls.push(`any:${e.type}`));
    emitter.on('run:start', (e) => calls.push(`start:${e.run_id}`));
    emitter.emit({ type: 'run:start', at, run_id: 'r1', workflow: 'w', plan_hash: 'h', inputs: {} });
    emitter.emit({ type: 'run:end', at, status: 'done' });
    expect(calls).toEqual(['any:run:start', 'start:r1', 'any:run:end', 'end:done']);
  });

  it('lets a throwing listener stop the emit, so a journal that cannot write halts the run', () => {
    const emitter = new RunEmitter();
    emitter.onAny(() => {
      throw new Error('disk full');
    });
    expect(() => emitter.emit({ type: 'run:end', at, status: 'done' })).toThrow('disk full');
  });
});

describe('planHash', () => {
  it('is the same for the same plan whatever the key order, and differs when the plan does', () => {
    const plan = compileText('workflow w {\n  worker a {}\n  task t {\n    worker = a\n    prompt = "x"\n  }\n}\n').plan!;
    const reverse = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverse) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverse(x)])) : v;
    const reordered = reverse(plan) as typeof plan;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(plan));
    expect(planHash(reordered)).toBe(planHash(plan));
    expect(planHash(JSON.parse(JSON.stringify(plan)))).toBe(planHash(plan));
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
    expect(planHash({ ...plan, workflow: { ...plan.workflow, name: 'v' } })).not.toBe(planHash(plan));
    expect(planHash(plan)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
