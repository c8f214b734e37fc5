import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { planEstimateSchema, type CostRange, type PlanEstimate, type TokenRange } from '../../src/cost/estimate-schema.ts';
import { estimatePlan } from '../../src/cost/estimate.ts';
import type { History, Observed } from '../../src/cost/history.ts';
import { seeded } from '../support/property.ts';
import { compileText } from '../support/workspace.ts';

const toolLists = [undefined, '[]', '[Read]', '[Read, Write, Task]', '[Bash, Workflow]'];
const models = ['haiku', 'sonnet', 'opus', 'fable', 'claude-opus-4-1'];

interface Spec {
  workers: { tools: number; model: number; maxTurns: number | null; agent: boolean }[];
  tasks: { worker: number; words: number; deps: boolean[]; read: boolean; budget: number | null }[];
  decompose: { maxTasks: number; budget: number | null } | null;
  synthesize: boolean;
  budget: number | null;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  workers: fc.array(fc.record({ tools: fc.nat(toolLists.length - 1), model: fc.nat(models.length - 1), maxTurns: fc.option(fc.integer({ min: 1, max: 40 })), agent: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  tasks: fc.array(
    fc.record({ worker: fc.nat(), words: fc.nat(400), deps: fc.array(fc.boolean(), { maxLength: 8 }), read: fc.boolean(), budget: fc.option(fc.double({ min: 0.001, max: 5, noNaN: true })) }),
    { minLength: 1, maxLength: 8 },
  ),
  decompose: fc.option(fc.record({ maxTasks: fc.integer({ min: 1, max: 8 }), budget: fc.option(fc.double({ min: 0.001, max: 5, noNaN: true })) })),
  synthesize: fc.boolean(),
  budget: fc.option(fc.double({ min: 0.001, max: 20, noNaN: true })),
});

const money = (usd: number) => `$${Math.max(0.001, Math.round(usd * 1000) / 1000)}`;

/** A workflow for the spec, through the real compiler. */
function planOf(s: Spec): Plan {
  const lines = ['workflow p {', ...(s.budget === null ? [] : [`  budget = ${money(s.budget)}`]), '  agent helper {', '    description = "Checks things"', '    prompt = "You check things carefully."', '  }'];
  s.workers.forEach((w, i) => {
    const tools = toolLists[w.tools];
    lines.push(`  worker w${i} {`, `    model = ${models[w.model]}`);
    if (tools !== undefined) lines.push(`    tools = ${tools}`);
    if (w.maxTurns !== null) lines.push(`    max-turns = ${w.maxTurns}`);
    if (w.agent) lines.push('    agents = [helper]');
    lines.push('  }');
  });
  s.tasks.forEach((t, i) => {
    const deps = t.deps.slice(0, i).flatMap((on, j) => (on ? [`t${j}`] : []));
    const hole = t.read && deps.length > 0 ? ` \${${deps[0]}.result}` : '';
    lines.push(`  task t${i} {`, `    worker = w${t.worker % s.workers.length}`, `    after = [${deps.join(', ')}]`, `    prompt = "${'word '.repeat(t.words)}go${hole}"`);
    if (t.budget !== null) lines.push(`    budget = ${money(t.budget)}`);
    lines.push('  }');
  });
  if (s.decompose) {
    lines.push('  decompose d {', '    after = [t0]', '    workers = [w0]', `    max-tasks = ${s.decompose.maxTasks}`, '    prompt = "Plan the rest"');
    if (s.decompose.budget !== null) lines.push(`    budget = ${money(s.decompose.budget)}`);
    lines.push('  }');
  }
  if (s.synthesize) lines.push('  synthesize s {', '    after = [t0]', '    prompt = "Merge it all"', '  }');
  lines.push('}');
  const compiled = compileText(lines.join('\n'));
  if (!compiled.plan) throw new Error(`${compiled.diagnostics.map((d) => d.message).join('\n')}\n${lines.join('\n')}`);
  return compiled.plan;
}

const stats = fc.tuple(fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true })).map((xs) => {
  const [min, mean, max] = xs.sort((a, b) => a - b);
  return { min: min!, mean: mean!, max: max! };
});
const tokenStats = fc.tuple(fc.nat(2_000_000), fc.nat(2_000_000), fc.nat(2_000_000)).map((xs) => {
  const [min, mean, max] = xs.sort((a, b) => a - b);
  return { min: min!, mean: mean!, max: max! };
});
const observed: fc.Arbitrary<Observed> = fc.record({ count: fc.integer({ min: 1, max: 20 }), costUsd: stats, inputTokens: tokenStats, outputTokens: tokenStats });

/** Any history: some of the tasks and workers seen before, under this workflow's name or another's. */
const history = (plan: Plan): fc.Arbitrary<History | undefined> =>
  fc.option(
    fc.record({
      name: fc.constantFrom('p', 'other'),
      tasks: fc.subarray(plan.order).chain((ids) => fc.tuple(...ids.map((id) => observed.map((o) => [id, o] as const)))),
      workers: fc.subarray(plan.workers.map((w) => w.name)).chain((ids) => fc.tuple(...ids.map((id) => observed.map((o) => [id, o] as const)))),
    }).map((h) => ({ runs: 1, warnings: [], workflows: { [h.name]: { tasks: Object.fromEntries(h.tasks), workers: Object.fromEntries(h.workers) } } })),
    { nil: undefined },
  );

const ordered = (c: CostRange) => c.low >= 0 && c.low <= c.expected && c.expected <= c.high && Number.isFinite(c.high);
const tokensOrdered = (t: TokenRange) => t.low >= 0 && t.low <= t.high;

function expectSum(total: Pick<PlanEstimate['run'], 'costUsd' | 'inputTokens' | 'outputTokens'>, parts: readonly Pick<PlanEstimate['run'], 'costUsd' | 'inputTokens' | 'outputTokens'>[]): void {
  for (const key of ['low', 'expected', 'high'] as const) expect(total.costUsd[key]).toBeCloseTo(parts.reduce((n, p) => n + p.costUsd[key], 0), 9);
  for (const key of ['low', 'high'] as const) {
    expect(total.inputTokens[key]).toBe(parts.reduce((n, p) => n + p.inputTokens[key], 0));
    expect(total.outputTokens[key]).toBe(parts.reduce((n, p) => n + p.outputTokens[key], 0));
  }
}

describe('estimatePlan, for any plan and history', () => {
  it('orders low ≤ expected ≤ high, all ≥ 0, and the run and each worker are the sums of their tasks', () => {
    const planAndHistory = spec.map(planOf).chain((plan) => fc.tuple(fc.constant(plan), history(plan)));
    fc.assert(
      fc.property(planAndHistory, ([plan, seen]) => {
        const estimate = estimatePlan(plan, seen);
        expect(planEstimateSchema.safeParse(estimate).success).toBe(true);
        for (const range of [...estimate.tasks, ...estimate.workers, estimate.run]) {
          expect(ordered(range.costUsd), JSON.stringify(range)).toBe(true);
          expect(tokensOrdered(range.inputTokens) && tokensOrdered(range.outputTokens), JSON.stringify(range)).toBe(true);
        }
        expectSum(estimate.run, estimate.tasks);
        for (const w of estimate.workers) expectSum(w, estimate.tasks.filter((t) => t.worker === w.worker));
        for (const b of estimate.budgets) {
          expect(b.status).toBe(b.costUsd.low > b.budgetUsd ? 'exceeded' : b.costUsd.high > b.budgetUsd ? 'at-risk' : 'within');
        }
      }),
      seeded(150),
    );
  });
});
