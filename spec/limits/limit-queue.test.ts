import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/limits/clock.ts';
import { LimitQueue, type Admission, type Wait } from '../../src/limits/limit-queue.ts';
import { RateLimiter } from '../../src/limits/rate-limiter.ts';
import { VirtualClock } from '../../src/limits/virtual-clock.ts';

const key = 'key MARIE_API_KEY';
const marie = 'worker marie';
const jules = 'worker jules';
const input = (inputTokens: number) => ({ inputTokens, outputTokens: 0 });

function setup(limits: ConstructorParameters<typeof RateLimiter>[0]) {
  const clock = new VirtualClock(1_000_000);
  const queue = new LimitQueue(new RateLimiter(limits), clock);
  const order: string[] = [];
  const track = (name: string, p: Promise<Admission>) =>
    p.then((a) => {
      order.push(name);
      return { ...a, at: clock.now() };
    });
  return { clock, queue, order, track };
}

describe('LimitQueue', () => {
  it('admits at once when there is capacity', async () => {
    const { queue } = setup({ [key]: { requestsPerMinute: 10 } });
    await expect(queue.acquire([key], input(10))).resolves.toMatchObject({ waitedMs: 0, ticket: { scopes: [key] } });
  });

  it('admits a waiting request when its capacity has refilled, and says how long it waited', async () => {
    const { clock, queue, track } = setup({ [key]: { inputTokensPerMinute: 6_000 } });
    await queue.acquire([key], input(6_000));
    const second = track('second', queue.acquire([key], input(600)));
    await clock.advance(5_999);
    expect(queue.waiting).toBe(1);
    await clock.advance(1);
    await expect(second).resolves.toMatchObject({ waitedMs: 6_000, at: 1_006_000 });
  });

  it('keeps one timer armed however many requests wait', async () => {
    const { clock, queue } = setup({ [key]: { requestsPerMinute: 1 }, [marie]: { requestsPerMinute: 1 } });
    await queue.acquire([key], input(1));
    await queue.acquire([marie], input(1));
    for (let i = 0; i < 20; i++) void queue.acquire(i % 2 === 0 ? [key] : [marie], input(1));
    expect(clock.pending).toBe(1);
    await clock.advance(60_000);
    expect(queue.waiting).toBe(18);
    expect(clock.pending).toBe(1);
  });

  it('does not let a stream of small requests starve a large one', async () => {
    const { clock, queue, order, track } = setup({ [key]: { inputTokensPerMinute: 6_000 } });
    await queue.acquire([key], input(5_000));
    const large = track('large', queue.acquire([key], input(6_000)));
    // Each small one would fit now, but would push the large one back for ever.
    for (let i = 0; i < 5; i++) void track(`small ${i}`, queue.acquire([key], input(500)));
    await clock.advance(50_000);
    expect(order).toEqual(['large']);
    await expect(large).resolves.toMatchObject({ waitedMs: 50_000 });
    await clock.advance(5_000 * 5);
    expect(order).toEqual(['large', 'small 0', 'small 1', 'small 2', 'small 3', 'small 4']);
  });

  it('lets others use the key while a request waits on its own worker’s limit', async () => {
    const { clock, queue, order, track } = setup({ [key]: { requestsPerMinute: 100 }, [marie]: { requestsPerMinute: 1 } });
    await queue.acquire([key, marie], input(1));
    const waits: Wait[] = [];
    void track('marie', queue.acquire([key, marie], input(1), { onWait: (w) => waits.push(w) }));
    void track('marie again', queue.acquire([key, marie], input(1)));
    void track('jules', queue.acquire([key, jules], input(1)));
    await clock.advance(0);
    expect(order).toEqual(['jules']);
    expect(waits).toEqual([{ scope: marie, limit: 'requests/min', reason: 'capacity', waitMs: 60_000 }]);
    await clock.advance(60_000);
    expect(order).toEqual(['jules', 'marie']);
    await clock.advance(60_000);
    expect(order).toEqual(['jules', 'marie', 'marie again']);
  });

  it('queues later key requests behind a request from the moment the key, not its worker, refuses it', async () => {
    const { clock, queue, order, track } = setup({ [key]: { inputTokensPerMinute: 6_000 }, [marie]: { inputTokensPerMinute: 600 } });
    await queue.acquire([key, marie], input(600));
    const waits: Wait[] = [];
    void track('marie', queue.acquire([key, marie], input(600), { onWait: (w) => waits.push(w) }));
    // While marie waits on her worker, jules twice takes all the key holds.
    void track('jules 5,400', queue.acquire([key, jules], input(5_400)));
    await clock.advance(55_000);
    void track('jules 5,500', queue.acquire([key, jules], input(5_500)));
    await clock.advance(5_000);
    expect(order).toEqual(['jules 5,400', 'jules 5,500']);
    // Her worker has refilled; the key holds 500 of her 600: room for jules's 100, but not his turn.
    void track('jules 100', queue.acquire([key, jules], input(100)));
    await clock.advance(0);
    expect(waits).toEqual([
      { scope: marie, limit: 'input tokens/min', reason: 'capacity', waitMs: 60_000 },
      { scope: key, limit: 'input tokens/min', reason: 'capacity', waitMs: 1_000 },
    ]);
    expect(order).toEqual(['jules 5,400', 'jules 5,500']);
    await clock.advance(1_000);
    expect(order).toEqual(['jules 5,400', 'jules 5,500', 'marie']);
    await clock.advance(1_000);
    expect(order).toEqual(['jules 5,400', 'jules 5,500', 'marie', 'jules 100']);
  });

  it('lets a refund from a settled answer admit a waiting request at once', async () => {
    const { clock, queue, track } = setup({ [key]: { outputTokensPerMinute: 8_000 } });
    const { ticket } = await queue.acquire([key], { inputTokens: 0, outputTokens: 8_000 });
    const next = track('next', queue.acquire([key], { inputTokens: 0, outputTokens: 4_000 }));
    await clock.advance(2_000);
    queue.settle(ticket, { inputTokens: 0, outputTokens: 1_000 });
    await expect(next).resolves.toMatchObject({ waitedMs: 2_000 });
  });

  it('rejects an aborted request with the signal’s reason and frees its place', async () => {
    const { clock, queue, order, track } = setup({ [key]: { requestsPerMinute: 1 } });
    await queue.acquire([key], input(1));
    const controller = new AbortController();
    const first = queue.acquire([key], input(1), { signal: controller.signal });
    void track('second', queue.acquire([key], input(1)));
    await clock.advance(30_000);
    controller.abort(new Error('the CLI hung up'));
    await expect(first).rejects.toThrow('the CLI hung up');
    await clock.advance(30_000);
    expect(order).toEqual(['second']);
    expect(queue.waiting).toBe(0);
  });

  it('rejects at once on a signal that is already aborted', async () => {
    const { queue } = setup({});
    await expect(queue.acquire([key], input(1), { signal: AbortSignal.abort('gone') })).rejects.toBe('gone');
    expect(queue.waiting).toBe(0);
  });

  it('tells a waiting request why it waits, and again when the reason changes', async () => {
    const { clock, queue } = setup({ [key]: { requestsPerMinute: 1 } });
    await queue.acquire([key], input(1));
    const waits: Wait[] = [];
    const behind: Wait[] = [];
    const p = queue.acquire([key], input(1), { onWait: (w) => waits.push(w) });
    void queue.acquire([key, marie], input(1), { onWait: (w) => behind.push(w) });
    await clock.advance(10_000);
    queue.pause(key, clock.now() + 120_000, 'output tokens/min');
    await clock.advance(120_000);
    await p;
    expect(waits).toEqual([
      { scope: key, limit: 'requests/min', reason: 'capacity', waitMs: 60_000 },
      { scope: key, limit: 'output tokens/min', reason: 'paused', waitMs: 120_000 },
    ]);
    expect(behind[0]).toEqual({ scope: key, limit: 'requests/min', reason: 'capacity', waitMs: 60_000 });
  });

  it('rejects a demand that is not a count of tokens', async () => {
    const { queue } = setup({});
    await expect(queue.acquire([key], input(-1))).rejects.toThrow('Expected `inputTokens`');
    expect(queue.waiting).toBe(0);
  });

  it('runs on the system clock by default', async () => {
    const queue = new LimitQueue(new RateLimiter({ [key]: { requestsPerMinute: 60_000 } }));
    await queue.acquire([key], input(1));
    let fired = false;
    systemClock.setTimer(0, () => (fired = true)).cancel();
    await new Promise<void>((resolve) => systemClock.setTimer(0, resolve));
    expect(fired).toBe(false);
  });
});

describe('VirtualClock', () => {
  it('fires timers in time order, ties in the order they were set, each at its own time', async () => {
    const clock = new VirtualClock(100);
    const fired: string[] = [];
    clock.setTimer(50, () => fired.push(`b@${clock.now()}`));
    clock.setTimer(10, () => fired.push(`a@${clock.now()}`));
    clock.setTimer(50, () => fired.push(`c@${clock.now()}`));
    clock.setTimer(70, () => fired.push('cancelled')).cancel();
    clock.setTimer(90, () => fired.push('later'));
    await clock.advanceTo(160);
    expect(fired).toEqual(['a@110', 'b@150', 'c@150']);
    expect(clock.now()).toBe(160);
    await clock.runAll();
    expect(fired.at(-1)).toBe('later');
    expect(clock.now()).toBe(190);
  });

  it('fails instead of hanging when timers keep re-arming', async () => {
    const clock = new VirtualClock();
    const again = () => void clock.setTimer(1, again);
    again();
    await expect(clock.runAll(100)).rejects.toThrow('after firing 100');
  });
});
