import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { compile } from '../../src/compiler/compile.ts';
import { nodeHost } from '../../src/compiler/node-host.ts';
import type { Plan, PlanNode } from '../../src/compiler/plan-schema.ts';
import { swarmFilesIn } from '../../scripts/conformance-fixtures.ts';
import { planDag } from '../../src/compiler/plan-dag.ts';
import { format } from '../../src/language/format.ts';
import { compileRepoFile, compileText, repoRoot } from '../support/workspace.ts';

const base = `workflow w {
  defaults {
    model   = haiku
    timeout = 2m
    retries = 3
  }
  worker a {
    model     = opus
    max-turns = 7
  }
  worker b {}
  task first {
    worker = a
    prompt = "go"
  }
  task second {
    worker   = b
    prompt   = "use \${first.result} and \${first.artifacts}"
    after    = [first]
    timeout  = 30s
    priority = critical
    model    = sonnet
  }
  task third {
    worker = b
    prompt = "last"
    after  = [second]
  }
  task side {
    worker = a
    prompt = "independent"
  }
}
`;

function node(plan: Plan, id: string): PlanNode {
  return plan.nodes.find((n) => n.id === id)!;
}

describe('the compiled plan', () => {
  const plan = compileText(base).plan!;

  it('applies precedence: task, then worker, then defaults, then built-in', () => {
    expect(node(plan, 'first')).toMatchObject({ model: 'opus', timeoutMs: 120_000, retries: 3, priority: 'normal', maxTurns: 7 });
    expect(node(plan, 'second')).toMatchObject({ model: 'sonnet', timeoutMs: 30_000, retries: 3, priority: 'critical' });
    expect(node(plan, 'third')).toMatchObject({ model: 'haiku', timeoutMs: 120_000 });
    expect(node(plan, 'third')).not.toHaveProperty('maxTurns');
  });

  it('keeps prompts as templates whose holes name inputs and node fields', () => {
    expect(node(plan, 'second').prompt).toEqual([
      { text: 'use ' },
      { node: 'first', field: 'result' },
      { text: ' and ' },
      { node: 'first', field: 'artifacts' },
    ]);
    expect(node(plan, 'second').reads).toEqual([
      { node: 'first', field: 'result' },
      { node: 'first', field: 'artifacts' },
    ]);
  });

  it('orders nodes after their dependencies and finds the critical path', () => {
    expect(plan.order).toEqual(['first', 'second', 'third', 'side']);
    expect(plan.criticalPath).toEqual(['first', 'second', 'third']);
    expect(node(plan, 'first').chain).toBe(3);
    expect(node(plan, 'side').chain).toBe(1);
  });

  it('names the key variable, never a key', () => {
    const withKey = compileText('workflow w { worker a { api-key = env("A_KEY") } task t { worker = a prompt = "x" } }').plan!;
    expect(withKey.workers[0]!.apiKeyEnv).toBe('A_KEY');
  });

  it('gives decompose and synthesize nodes their own defaults', () => {
    const p = compileText(`workflow w {
      worker a {}
      task t { worker = a prompt = "x" }
      decompose plan { after = [t] prompt = "plan" }
      synthesize sum { after = [plan] prompt = "sum" outputs = ["report.md"] }
    }`).plan!;
    expect(node(p, 'plan')).toMatchObject({ kind: 'decompose', model: 'opus', workers: ['a'], maxTasks: 10, approve: false });
    expect(node(p, 'sum')).toMatchObject({ kind: 'synthesize', model: 'opus', outputs: ['report.md'] });
  });

  it('reads system prompts and sub-agents from their files', () => {
    const p = compileRepoFile('workflows/student-review.swarm').plan!;
    const marie = p.workers.find((w) => w.name === 'marie')!;
    expect(marie.system!.file).toBe('../prompts/DANCE.md');
    expect(marie.system!.template).toEqual([{ text: readFileSync(repoRoot + 'prompts/DANCE.md', 'utf8') }]);
    const agent = p.agents.find((a) => a.name === 'choreography-analyzer')!;
    expect(agent).toMatchObject({ tools: ['Read', 'Grep'], model: 'haiku' });
  });

  it('has types inferred from the schema', () => {
    expectTypeOf(plan.nodes[0]!.kind).toEqualTypeOf<'task' | 'decompose' | 'synthesize'>();
    expectTypeOf<Extract<PlanNode, { kind: 'task' }>['timeoutMs']>().toEqualTypeOf<number>();
    expectTypeOf(plan.workers[0]!.apiKeyEnv).toEqualTypeOf<string | undefined>();
  });
});

describe('the plan as a graphlib DAG', () => {
  const plan = compileText(base).plan!;
  const dag = planDag(plan);

  it('holds every node, labelled with its plan entry, and an edge per after', () => {
    expect(dag.nodes().sort()).toEqual(['first', 'second', 'side', 'third']);
    expect(dag.node('second')).toBe(node(plan, 'second'));
    expect(dag.edges().map((e) => `${e.v}>${e.w}`).sort()).toEqual(['first>second', 'second>third']);
    expect(dag.graph()).toEqual({ workflow: 'w' });
  });

  it('marks the edges along which a result is read', () => {
    expect(dag.edge('first', 'second')).toEqual({ reads: true });
    expect(dag.edge('second', 'third')).toEqual({ reads: false });
  });

  it('has as sources exactly the nodes that wait for nothing', () => {
    expect(dag.sources().sort()).toEqual(['first', 'side']);
    expect(dag.sinks().sort()).toEqual(['side', 'third']);
  });
});

describe('fmt then check', () => {
  const files = [
    ...swarmFilesIn('workflows'),
    ...swarmFilesIn('spec/conformance/ok'),
  ];
  const host = { readFile: (p: string) => nodeHost.readFile(repoRoot + p) };

  it.each(files)('%s compiles to the same plan after formatting', (file) => {
    const source = readFileSync(repoRoot + file, 'utf8');
    const formatted = format(source, file).text!;
    // An expect block records its line so `swarm test` can point at it; formatting may move it.
    const withoutLines = (plan: Plan | undefined) => plan && { ...plan, expects: plan.expects?.map(({ line: _, ...e }) => e) };
    const before = compile(source, file, host).plan;
    const after = compile(formatted, file, host).plan;
    expect(before).toBeDefined();
    expect(withoutLines(after)).toEqual(withoutLines(before));
  });
});
