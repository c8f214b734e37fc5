import type { StringNode } from '../language/ast.ts';
import type { AgentDefinition } from './agent-file.ts';
import type { CheckContext } from './check-context.ts';
import type { Decl, NodeDecl } from './ir.ts';
import { builtinDefaults } from './known.ts';
import type { Expectation, Limits, Plan, PlanNode, Template } from './plan-schema.ts';
import type { TextSource } from './values.ts';

/** Turns a checked workflow into its plan. Runs only when no check reported an error. */
export function buildPlan(ctx: CheckContext, agentFiles: Map<Decl, AgentDefinition>, order: string[], criticalPath: string[], chain: Map<string, number>): Plan {
  const { ir } = ctx;
  const workflow = ir.workflow!;
  const defaults = ir.defaults?.attrs ?? {};
  const template = (node: StringNode | undefined): Template => toTemplate(ctx, node);
  const system = (source: TextSource | undefined) => {
    if (!source) return undefined;
    if (source.kind === 'inline') return { template: template(source.node) };
    const loaded = ctx.files.load(source.path.value);
    return { template: loaded.ok ? [{ text: loaded.text }] : [], file: source.path.value };
  };
  const defaultModel = defaults.model?.value ?? builtinDefaults.model;
  const readsOf = new Map<Decl, { node: string; field: 'result' }[]>();
  for (const r of ctx.resolved.reads) {
    const list = readsOf.get(r.owner) ?? [];
    list.push({ node: r.node.name.name, field: r.field as 'result' });
    readsOf.set(r.owner, list);
  }

  const nodes: PlanNode[] = ir.nodes.map((decl): PlanNode => {
    const base = {
      id: decl.name.name,
      after: (ctx.resolved.after.get(decl) ?? []).map((e) => e.node.name.name),
      reads: readsOf.get(decl) ?? [],
      prompt: template(decl.attrs.prompt),
      chain: chain.get(decl.name.name)!,
    };
    if (decl.kind === 'task') {
      const a = (decl as Decl<'task'>).attrs;
      const worker = ctx.resolved.workerOf.get(decl)!;
      return {
        kind: 'task',
        ...base,
        worker: worker.name.name,
        model: a.model?.value ?? worker.attrs.model?.value ?? defaultModel,
        timeoutMs: a.timeout ?? defaults.timeout ?? builtinDefaults.timeoutMs,
        retries: a.retries ?? defaults.retries ?? builtinDefaults.retries,
        priority: a.priority?.value ?? defaults.priority?.value ?? builtinDefaults.priority,
        outputs: (a.outputs ?? []).map((o) => o.value),
        ...optional('tools', a.tools?.map((t) => t.value)),
        ...optional('maxTurns', a['max-turns'] ?? worker.attrs['max-turns'] ?? defaults['max-turns']),
        ...optional('budgetUsd', a.budget),
      };
    }
    if (decl.kind === 'decompose') {
      const a = (decl as Decl<'decompose'>).attrs;
      return {
        kind: 'decompose',
        ...base,
        model: a.model?.value ?? 'opus',
        ...optional('system', system(a.system)),
        workers: (ctx.resolved.plannerWorkers.get(decl) ?? []).map((w) => w.name.name),
        maxTasks: a['max-tasks'] ?? builtinDefaults.maxTasks,
        ...optional('budgetUsd', a.budget),
        approve: a.approve ?? false,
      };
    }
    const a = (decl as Decl<'synthesize'>).attrs;
    return {
      kind: 'synthesize',
      ...base,
      model: a.model?.value ?? 'opus',
      ...optional('system', system(a.system)),
      outputs: (a.outputs ?? []).map((o) => o.value),
    };
  });

  return {
    version: 1,
    workflow: { name: workflow.name.name, ...optional('description', workflow.attrs.description?.value), file: ir.file },
    inputs: ir.inputs.map((i) => ({
      name: i.name.name,
      type: i.attrs.type?.value ?? 'string',
      ...optional('default', i.attrs.default?.value),
      ...optional('description', i.attrs.description?.value),
    })),
    ...optional('budgetUsd', workflow.attrs.budget),
    ...optional('limits', limits(workflow.limits)),
    queue: {
      kind: ir.queue?.attrs.kind?.value ?? 'file',
      ...optional('path', ir.queue?.attrs.path?.value),
      ...optional('url', ir.queue?.attrs.url?.kind === 'text' ? ir.queue.attrs.url.text.value : undefined),
      ...optional('urlEnv', ir.queue?.attrs.url?.kind === 'env' ? ir.queue.attrs.url.name.value : undefined),
    },
    ...optional('runtime', ir.runtime ? { executor: ir.runtime.attrs.executor?.value ?? 'local', ...optional('image', ir.runtime.attrs.image?.value) } : undefined),
    agents: ir.agents.map((agent) => {
      const fromFile = agentFiles.get(agent);
      const a = agent.attrs;
      return {
        name: agent.name.name,
        description: fromFile?.description ?? a.description?.value ?? '',
        prompt: fromFile ? [{ text: fromFile.prompt }] : template(a.prompt),
        ...optional('tools', a.tools?.map((t) => t.value) ?? fromFile?.tools),
        ...optional('model', a.model?.value ?? fromFile?.model),
        ...optional('file', a.file?.value),
      };
    }),
    workers: ir.workers.map((w) => {
      const a = w.attrs;
      return {
        name: w.name.name,
        ...optional('description', a.description?.value),
        ...optional('system', system(a.system)),
        model: a.model?.value ?? defaultModel,
        ...optional('tools', a.tools?.map((t) => t.value)),
        agents: (ctx.resolved.agentsOf.get(w) ?? []).map((x) => x.name.name),
        ...optional('workspace', a.workspace?.value),
        readonly: a.readonly ?? false,
        ...optional('image', a.image?.value),
        ...optional('network', a.network?.value),
        ...optional('cpus', a.cpus),
        ...optional('memoryBytes', a.memory?.value),
        ...optional('apiKeyEnv', a['api-key']?.value),
        parallel: a.parallel ?? builtinDefaults.parallel,
        permissionMode: a['permission-mode']?.value ?? builtinDefaults.permissionMode,
        ...optional('maxTurns', a['max-turns']),
        ...optional('limits', limits(w.limits)),
        ...optional('budgetUsd', a.budget),
        circuitBreaker: a['circuit-breaker'] ?? workflow.attrs['circuit-breaker'] ?? builtinDefaults.circuitBreaker,
      };
    }),
    nodes: nodes satisfies PlanNode[],
    order,
    criticalPath,
    ...optional('expects', ir.expects.length === 0 ? undefined : ir.expects.map((decl) => expectation(ctx, decl))),
  };
}

function expectation(ctx: CheckContext, decl: Decl<'expect'>): Expectation {
  const a = decl.attrs;
  return {
    name: decl.name.name,
    ...optional('description', a.description?.value),
    line: ctx.lines.position(decl.block.span.start).line,
    ...optional('task', ctx.resolved.expectTarget.get(decl)?.name.name),
    status: a.status?.value ?? 'done',
    ...optional('file', a.file?.value),
    contains: (a.contains ?? []).map((p) => p.value),
    excludes: (a.excludes ?? []).map((p) => p.value),
    ...optional('matches', a.matches?.value),
    ...optional('costUnderUsd', a['cost-under']),
  };
}

function toTemplate(ctx: CheckContext, node: StringNode | undefined): Template {
  if (!node) return [];
  return node.parts.map((part) => {
    if (part.type === 'Text') return { text: part.value };
    const [head, field] = part.path;
    if (!field) return { input: head!.name };
    const target = ctx.symbols.get(head!.name)?.decl as NodeDecl | undefined;
    return { node: target?.name.name ?? head!.name, field: field.name as 'result' };
  });
}

function limits(decl: Decl<'limits'> | undefined): Limits | undefined {
  if (!decl) return undefined;
  const a = decl.attrs;
  return {
    ...optional('requestsPerMinute', a.requests?.perMinute),
    ...optional('tokensPerMinute', a.tokens?.perMinute),
    ...optional('inputTokensPerMinute', a['input-tokens']?.perMinute),
    ...optional('outputTokensPerMinute', a['output-tokens']?.perMinute),
  };
}

/** `{key: value}` when value is defined, else nothing, so plans carry no `undefined` keys. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
