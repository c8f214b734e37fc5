import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { conversationUsage } from '../../src/cost/estimate-prompt.ts';
import { planEstimateSchema, type NodeEstimate, type PlanEstimate } from '../../src/cost/estimate-schema.ts';
import { estimatePlan, expectedTaskCost } from '../../src/cost/estimate.ts';
import { priceTable, type PriceTable } from '../../src/cost/prices.ts';
import { compileRepoFile, planFrom } from '../support/workspace.ts';

/** One worker `w` (with `worker` attributes) and one task `t` (with `task` attributes). */
function one(worker: string, task = '', more = ''): Plan {
  return planFrom(`workflow w {\n  worker w {\n${worker}\n  }\n  task t {\n    worker = w\n    prompt = "Review the term."\n${task}\n  }\n${more}}\n`);
}

const task = (estimate: PlanEstimate, id = 't'): NodeEstimate => estimate.tasks.find((t) => t.id === id)!;
const scaled = (factor: number): PriceTable => ({
  ...priceTable,
  models: priceTable.models.map((m) => ({ ...m, inputPerMTok: m.inputPerMTok * factor, outputPerMTok: m.outputPerMTok * factor, cacheWritePerMTok: m.cacheWritePerMTok * factor, cacheReadPerMTok: m.cacheReadPerMTok * factor })),
});

describe('estimatePlan from prompt sizes', () => {
  it('gives every node a range from its prompt, and the run the sum, in the schema of the JSON output', () => {
    const plan = compileRepoFile('workflows/student-review.swarm').plan!;
    const estimate = estimatePlan(plan);
    expect(planEstimateSchema.parse(estimate)).toEqual(estimate);
    expect(estimate.tasks.map((t) => t.id)).toEqual(plan.order);
    expect(estimate.tasks.every((t) => t.basis === 'prompt' && t.costUsd.low > 0 && t.costUsd.low < t.costUsd.expected && t.costUsd.expected < t.costUsd.high)).toBe(true);
    expect(estimate.workers.map((w) => [w.worker, w.tasks])).toEqual([
      ['marie', ['evaluate', 'placement', 'practice-plan', 'parent-letter']],
      ['fabien', ['newsletter']],
    ]);
    expect(estimate.run.costUsd.high).toBeCloseTo(estimate.tasks.reduce((n, t) => n + t.costUsd.high, 0), 12);
    expect(estimate.prices).toEqual({ date: priceTable.date, source: priceTable.source });
    expect(estimate.unpriced).toEqual([]);
  });

  it("prices tokens at the model's measured price: a dearer model or table costs more for the same tokens", () => {
    const sonnet = estimatePlan(one('    model = sonnet'));
    const opus = estimatePlan(one('    model = opus'));
    expect(task(opus).costUsd.expected).toBeGreaterThan(task(sonnet).costUsd.expected);
    const doubled = estimatePlan(one('    model = sonnet'), undefined, { prices: scaled(2) });
    expect(task(doubled).costUsd.expected).toBeCloseTo(2 * task(sonnet).costUsd.expected, 12);
    expect(task(doubled).inputTokens).toEqual(task(sonnet).inputTokens);
  });

  it('counts a longer prompt, a longer system prompt and bigger inputs', () => {
    const base = task(estimatePlan(one('')));
    const longPrompt = task(estimatePlan(planFrom(`workflow w {\n  worker w {}\n  task t {\n    worker = w\n    prompt = "${'Review the term. '.repeat(200)}"\n  }\n}\n`)));
    expect(longPrompt.inputTokens.low).toBeGreaterThan(base.inputTokens.low);
    const system = task(estimatePlan(planFrom('workflow w {\n  worker w {\n    system = file("s.md")\n  }\n  task t {\n    worker = w\n    prompt = "Review the term."\n  }\n}\n', { 's.md': 'You are Marie. '.repeat(500) })));
    expect(system.inputTokens.low).toBeGreaterThan(base.inputTokens.low);
    const withInput = (value: string) => task(estimatePlan(planFrom('workflow w {\n  input notes {\n    default = ""\n  }\n  worker w {}\n  task t {\n    worker = w\n    prompt = "Review ${notes}"\n  }\n}\n'), undefined, { inputs: { notes: value } }));
    expect(withInput('x'.repeat(40_000)).inputTokens.low).toBeGreaterThan(withInput('').inputTokens.low);
  });

  it('counts fewer turns without tools or under a max-turns cap, and fewer tokens for a short tool list', () => {
    const defaults = task(estimatePlan(one('')));
    const noTools = task(estimatePlan(one('    tools = []')));
    const capped = task(estimatePlan(one('', '    max-turns = 3')));
    const readOnly = task(estimatePlan(one('    tools = [Read]')));
    expect(noTools.outputTokens.high).toBeLessThan(defaults.outputTokens.high);
    expect(capped.outputTokens.high).toBeLessThan(defaults.outputTokens.high);
    expect(readOnly.inputTokens.low).toBeLessThan(defaults.inputTokens.low);
  });

  it('adds the sub-agents a worker may call at the high end only', () => {
    const agent = '  agent checker {\n    description = "Checks a routine"\n    prompt = "You check routines."\n  }\n';
    const alone = task(estimatePlan(one('    tools = [Read, Task]')));
    const helped = task(estimatePlan(planFrom(`workflow w {\n${agent}  worker w {\n    tools = [Read, Task]\n    agents = [checker]\n  }\n  task t {\n    worker = w\n    prompt = "Review the term."\n  }\n}\n`)));
    expect(helped.costUsd.high).toBeGreaterThan(alone.costUsd.high);
    // The definitions are in every request, so even the low end grows, but only by them.
    expect(helped.costUsd.low).toBeGreaterThanOrEqual(alone.costUsd.low);
    expect(helped.costUsd.low).toBeLessThan(alone.costUsd.low * 1.05);
  });

  it('counts an upstream result read into a prompt', () => {
    const plan = planFrom('workflow w {\n  worker w {}\n  task a {\n    worker = w\n    prompt = "First"\n  }\n  task b {\n    worker = w\n    after = [a]\n    prompt = "Then"\n  }\n  task c {\n    worker = w\n    after = [a]\n    prompt = "Then ${a.result}"\n  }\n}\n');
    const estimate = estimatePlan(plan);
    expect(task(estimate, 'c').inputTokens.high).toBeGreaterThan(task(estimate, 'b').inputTokens.high);
  });

  it('lists a model the price table lacks, counting its tokens but no cost', () => {
    const table: PriceTable = { ...priceTable, models: priceTable.models.filter((m) => m.model !== 'claude-sonnet-5') };
    const estimate = estimatePlan(one('    model = sonnet'), undefined, { prices: table });
    expect(estimate.unpriced).toEqual(['sonnet']);
    expect(task(estimate).costUsd).toEqual({ low: 0, expected: 0, high: 0 });
    expect(task(estimate).inputTokens.low).toBeGreaterThan(0);
  });

  it('prices the conversation as the CLI caches it: the prefix written once, then read on every later turn', () => {
    expect(conversationUsage(10_000, 500, 1, { output: 100, toolResult: 400 })).toEqual({ input_tokens: 0, output_tokens: 100, cache_creation_input_tokens: 10_500, cache_read_input_tokens: 0 });
    // Turn 2 reads turn 1's 10,500; turn 3 reads that plus turn 2's 500 new tokens.
    expect(conversationUsage(10_000, 500, 3, { output: 100, toolResult: 400 })).toEqual({ input_tokens: 0, output_tokens: 300, cache_creation_input_tokens: 11_500, cache_read_input_tokens: 21_500 });
  });
});

describe('budgets', () => {
  const estimateWith = (budget: (cost: NodeEstimate['costUsd']) => number) => {
    const probe = task(estimatePlan(one(''))).costUsd;
    const amount = Math.round(budget(probe) * 1e4) / 1e4;
    return estimatePlan(one('', `    budget = $${amount}`, '')).budgets;
  };

  it('says a budget under the low end is exceeded, one under the high end at risk, and one above it holds', () => {
    expect(estimateWith((c) => c.low / 2)).toEqual([expect.objectContaining({ scope: 'task', id: 't', status: 'exceeded' })]);
    expect(estimateWith((c) => (c.low + c.high) / 2)).toEqual([expect.objectContaining({ status: 'at-risk' })]);
    expect(estimateWith((c) => c.high * 2)).toEqual([expect.objectContaining({ status: 'within' })]);
  });

  it("checks the workflow's and each worker's budget against their sums", () => {
    const plan = planFrom('workflow w {\n  budget = $0.01\n  worker a {\n    budget = $100\n  }\n  task t {\n    worker = a\n    prompt = "x"\n  }\n  task u {\n    worker = a\n    prompt = "y"\n  }\n}\n');
    const estimate = estimatePlan(plan);
    expect(estimate.budgets).toEqual([
      { scope: 'workflow', id: 'w', budgetUsd: 0.01, costUsd: estimate.run.costUsd, status: 'exceeded' },
      { scope: 'worker', id: 'a', budgetUsd: 100, costUsd: estimate.workers[0]!.costUsd, status: 'within' },
    ]);
  });
});

describe('expectedTaskCost', () => {
  it("is the task's expected cost, and refuses a task the estimate does not hold", () => {
    const estimate = estimatePlan(one(''));
    expect(expectedTaskCost(estimate, 't')).toBe(task(estimate).costUsd.expected);
    expect(() => expectedTaskCost(estimate, 'nope')).toThrow('Expected a task of the estimated plan, got `nope` (the estimate has t)');
    expectTypeOf(expectedTaskCost).returns.toEqualTypeOf<number>();
    expectTypeOf(estimatePlan).returns.toEqualTypeOf<PlanEstimate>();
  });
});
