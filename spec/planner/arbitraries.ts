import fc from 'fast-check';
import { priorities } from '../../src/compiler/known.ts';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { planFrom } from '../support/workspace.ts';

/**
 * Random workflows with a decompose node, compiled by the real compiler (as spec/runtime/sim.ts
 * does for the scheduler), and random planner answers against them, valid and not.
 */
export interface WorkflowSpec {
  /** Per worker: whether it writes into the one shared workspace (so outputs can race). */
  workers: boolean[];
  /** Nodes before and after the decompose node; `deps[j]` makes node i run after node j < i. */
  nodes: { synthesize: boolean; worker: number; deps: boolean[]; reads: boolean[] }[];
  /** Where the decompose node stands among `nodes`, and what it runs after. */
  decompose: { at: number; deps: boolean[]; workers: boolean[]; maxTasks: number };
  /** Nodes after the decompose position that run after it. */
  successors: boolean[];
  /** A second decompose node at the end, for a plan spliced twice. */
  second: { deps: boolean[] } | null;
}

export const workflowSpec: fc.Arbitrary<WorkflowSpec> = fc.record({
  workers: fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
  nodes: fc.array(
    fc.record({ synthesize: fc.integer({ min: 0, max: 5 }).map((n) => n === 0), worker: fc.nat(), deps: fc.array(fc.integer({ min: 0, max: 2 }).map((n) => n === 0), { maxLength: 8 }), reads: fc.array(fc.boolean(), { maxLength: 8 }) }),
    { minLength: 1, maxLength: 7 },
  ),
  decompose: fc.record({ at: fc.nat(), deps: fc.array(fc.boolean(), { maxLength: 8 }), workers: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), maxTasks: fc.integer({ min: 1, max: 5 }) }),
  successors: fc.array(fc.boolean(), { maxLength: 8 }),
  second: fc.option(fc.record({ deps: fc.array(fc.boolean(), { maxLength: 10 }) })),
});

/** The source of a spec: every node id is `n<i>`, the decompose node `plan`, the second `more`. */
export function workflowText(spec: WorkflowSpec): string {
  const at = spec.decompose.at % (spec.nodes.length + 1);
  const lines = ['workflow gen {', '  input topic {', '    default = "x"', '  }'];
  spec.workers.forEach((shared, w) => lines.push(`  worker w${w} {`, ...(shared ? ['    workspace = "ws"'] : []), '  }'));
  const ids: string[] = [];
  const add = (header: string, body: string[]) => lines.push(`  ${header} {`, ...body.map((l) => `    ${l}`), '  }');
  const pick = (flags: readonly boolean[]) => ids.filter((_, j) => flags[j] === true);
  const decompose = () => {
    const workers = spec.workers.map((_, w) => `w${w}`).filter((_, w) => spec.decompose.workers[w]);
    add('decompose plan', [`after = [${pick(spec.decompose.deps).join(', ')}]`, `workers = [${(workers.length > 0 ? workers : ['w0']).join(', ')}]`, `max-tasks = ${spec.decompose.maxTasks}`, 'prompt = "Plan ${topic}."']);
    ids.push('plan');
  };
  spec.nodes.forEach((node, i) => {
    if (i === at) decompose();
    const id = `n${i}`;
    const after = new Set(pick(node.deps));
    if (i >= at && spec.successors[i] === true) after.add('plan');
    const holes = [...after].filter((d, k) => node.reads[k] === true && d !== 'plan').map((d) => `\${${d}.result}`);
    const body = [`after = [${[...after].join(', ')}]`, `prompt = "${id} on \${topic} ${holes.join(' ')}"`];
    if (node.synthesize) add(`synthesize ${id}`, body);
    else add(`task ${id}`, [`worker = w${node.worker % spec.workers.length}`, ...body, `outputs = ["${id}.md"]`]);
    ids.push(id);
  });
  if (at === spec.nodes.length) decompose();
  if (spec.second) add('decompose more', [`after = [${pick(spec.second.deps).join(', ')}]`, 'prompt = "More."']);
  lines.push('}');
  return lines.join('\n');
}

export function workflowPlan(spec: WorkflowSpec): Plan {
  return planFrom(workflowText(spec));
}

/** One choice of an answer: mostly a good one, now and then (1 in 15) a mistake. */
export interface Choice {
  bad: boolean;
  pick: number;
}

const choice: fc.Arbitrary<Choice> = fc.record({ bad: fc.integer({ min: 0, max: 14 }).map((n) => n === 0), pick: fc.nat() });

/**
 * A planner answer as choices that are resolved against the plan it answers (its node ids,
 * workers), so one arbitrary serves every generated workflow. A good choice keeps the rules;
 * a bad one picks a clash, an unknown or malformed name, a node that waits for the plan, a
 * shared output or a bad duration, so accepted and refused answers both come up often.
 */
export interface AnswerSpec {
  tasks: { id: Choice; worker: Choice; after: Choice[]; holes: { target: Choice; field: Choice }[]; priority: (typeof priorities)[number] | null; timeout: Choice | null; outputs: Choice | null }[];
}

export const answerSpec: fc.Arbitrary<AnswerSpec> = fc.record({
  tasks: fc.array(
    fc.record({
      id: choice,
      worker: choice,
      after: fc.array(choice, { maxLength: 3 }),
      holes: fc.array(fc.record({ target: choice, field: choice }), { maxLength: 2 }),
      priority: fc.option(fc.constantFrom(...priorities)),
      timeout: fc.option(choice),
      outputs: fc.option(choice),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

const fresh = ['drills', 'letter', 'fix', 'ad', 'recap', 'call'];

/** Every node that must finish before `id` starts, read straight off the `after` lists. */
export function ancestorsOf(plan: Plan, id: string): Set<string> {
  const after = new Map(plan.nodes.map((n) => [n.id, n.after]));
  const seen = new Set<string>();
  const stack = [...(after.get(id) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(after.get(next) ?? []));
  }
  return seen;
}

/** The answer a spec stands for, against `plan` and its decompose node `decomposeId`. */
export function answerFor(spec: AnswerSpec, plan: Plan, decomposeId: string): unknown {
  const of = <T>(c: Choice, good: readonly T[], bad: readonly T[]): T | undefined => {
    const pool = c.bad || good.length === 0 ? bad : good;
    return pool[c.pick % pool.length];
  };
  const existing = plan.nodes.map((n) => n.id);
  const downstream = existing.filter((id) => ancestorsOf(plan, id).has(decomposeId));
  const before = [...ancestorsOf(plan, decomposeId)];
  const free = existing.filter((id) => id !== decomposeId && !downstream.includes(id));
  const decompose = plan.nodes.find((n) => n.id === decomposeId);
  const allowed = decompose?.kind === 'decompose' ? decompose.workers : [];
  const ids = spec.tasks.map((t, i) => of(t.id, [`${fresh[i % fresh.length]}${i < fresh.length ? '' : i}`], ['true', '9lives', 'a', ...existing.slice(0, 2), fresh[0]!])!);
  return {
    tasks: spec.tasks.map((t, i) => {
      const later = ids.slice(i + 1);
      const after = t.after.map((c) => of(c, [...ids.slice(0, i), ...free], [...later, ...downstream, 'nope', 'a/b', 'w0', ids[i]!])!);
      const readable = [...after.filter((a) => ids.slice(0, i).includes(a) || free.includes(a)), ...before];
      const holes = t.holes.map((h) => `\${${of(h.target, readable, [...later, ...downstream, ...free, 'nope', 'w0']) ?? 'topic'}${of(h.field, ['.result', '.findings', '.artifacts'], ['.output', '', '.result.x'])}}`);
      return {
        id: ids[i],
        worker: of(t.worker, allowed, [...plan.workers.map((w) => w.name), 'w9', 'W0']),
        prompt: `Do ${ids[i]} on \${topic}. ${holes.join(' ')}`,
        after,
        ...(t.priority !== null && { priority: t.priority }),
        ...(t.timeout !== null && { timeout: of(t.timeout, ['5m', '1h30m', '45s'], ['0s', '30m5h', 'soon']) }),
        ...(t.outputs !== null && { outputs: [of(t.outputs, [`${ids[i]}.md`], ['n0.md', 'p.md', '../up.md'])] }),
      };
    }),
  };
}
