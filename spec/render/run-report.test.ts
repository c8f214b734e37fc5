import { describe, expect, it } from 'vitest';
import { plain } from '../../src/render/color.ts';
import { describeEvent } from '../../src/render/run-log.ts';
import { renderRunReport } from '../../src/render/run-report.ts';
import type { RunEvent } from '../../src/runtime/events.ts';
import { status } from '../../src/runtime/run-status.ts';
import { createScheduler } from '../../src/runtime/scheduler.ts';
import { planFrom } from '../support/workspace.ts';
import { t0 } from '../runtime/sim.ts';

const plan = planFrom(`workflow w {
  worker marie {
    api-key = env("MARIE_API_KEY")
  }
  task newsletter {
    worker = marie
    prompt = "x"
  }
}
`);

function running(): RunEvent[] {
  const events: RunEvent[] = [];
  const s = createScheduler(plan, { inputs: {}, emitter: { emit: (e: RunEvent) => events.push(e) } as never });
  s.begin(t0, 'run-1');
  s.dispatch(t0);
  s.started('newsletter', { now: t0 + 10, attempt: 1, owner: 'w' });
  return events;
}

const wait: RunEvent = { type: 'limit:wait', at: new Date(t0 + 100).toISOString(), task: 'newsletter', attempt: 1, scope: 'key MARIE_API_KEY', limit: 'requests/min', cause: 'capacity', wait_ms: 30_000 };

describe('the run table while a call waits out a rate limit', () => {
  it('shows the task as rate-limited, naming the limit and the key, until the wait ends', () => {
    const events = [...running(), wait];
    const during = renderRunReport(status(plan, events, { now: t0 + 5_000 }), plain);
    expect(during).toMatch(/newsletter +rate-limited +marie/);
    expect(during).toContain('newsletter: rate-limited (requests/min on key MARIE_API_KEY)');
    const after = renderRunReport(status(plan, events, { now: t0 + 40_000 }), plain);
    expect(after).toMatch(/newsletter +running +marie/);
    expect(after).not.toContain('rate-limited');
  });

  it('says the wait in the event line too, and the run’s cache hit rate in the totals', () => {
    expect(describeEvent(wait, plain)).toBe('newsletter rate-limited (requests/min on key MARIE_API_KEY); waiting 30.0s');
    const events = [...running()];
    const usage = { input_tokens: 100, output_tokens: 50, cache_creation_input_tokens: 100, cache_read_input_tokens: 800 };
    events.push({ type: 'task:done', at: new Date(t0 + 200).toISOString(), task: 'newsletter', worker: 'marie', attempt: 1, result: { result: 'ok', findings: [], artifacts: [], usage, cost_usd: 0.01, num_turns: 2, execution_time: 1 } });
    expect(renderRunReport(status(plan, events), plain)).toContain('80% of input read from cache');
  });
});
