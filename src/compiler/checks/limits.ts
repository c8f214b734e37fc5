import { staticText, stringText } from '../../language/ast.ts';
import type { CheckContext } from '../check-context.ts';
import type { Decl } from '../ir.ts';
import { builtinDefaults, cliOverheadTokens, estimateTokens } from '../known.ts';
import type { RateValue, TextSource } from '../values.ts';

interface Need {
  tokens: number;
  task?: string;
  overhead: number;
}

/**
 * A request larger than a per-minute token limit can never be sent, so the worker would wait
 * forever. The estimate is a lower bound: Claude Code's own prompt and tools, the worker's
 * system prompt and the largest task prompt, before any tool output is added.
 */
export function checkLimits(ctx: CheckContext): void {
  const tasksOf = new Map<Decl, Decl<'task'>[]>();
  for (const node of ctx.ir.nodes) {
    const worker = node.kind === 'task' ? ctx.resolved.workerOf.get(node) : undefined;
    if (!worker) continue;
    const list = tasksOf.get(worker) ?? [];
    list.push(node as Decl<'task'>);
    tasksOf.set(worker, list);
  }
  const needs = new Map<Decl<'worker'>, Need>();
  for (const worker of ctx.ir.workers) needs.set(worker, workerNeed(ctx, worker, tasksOf.get(worker) ?? []));

  for (const [worker, need] of needs) {
    const limits = worker.limits?.attrs;
    for (const rate of [limits?.tokens, limits?.['input-tokens']]) compare(ctx, rate, need, `\`${worker.name.name}\``);
  }
  const account = ctx.ir.workflow?.limits?.attrs;
  const largest = [...needs.values()].sort((a, b) => b.tokens - a.tokens)[0];
  const worker = [...needs.entries()].find(([, n]) => n === largest)?.[0];
  if (largest && worker) for (const rate of [account?.tokens, account?.['input-tokens']]) compare(ctx, rate, largest, `\`${worker.name.name}\``);
}

function compare(ctx: CheckContext, rate: RateValue | undefined, need: Need, who: string): void {
  if (!rate || rate.perMinute >= need.tokens) return;
  const task = need.task ? ` for task \`${need.task}\`` : '';
  ctx.reporter.report('limit-too-small', rate.span, `\`${rate.raw}\` is less than one request of ${who}${task} needs`, {
    help: `one request carries at least ${kilo(need.tokens)} tokens (${kilo(need.overhead)} of them Claude Code's own prompt and tools); allow at least ${kilo(need.tokens)}/min`,
  });
}

function workerNeed(ctx: CheckContext, worker: Decl<'worker'>, tasks: Decl<'task'>[]): Need {
  const system = estimateTokens(sourceText(ctx, worker.attrs.system));
  const agents = (ctx.resolved.agentsOf.get(worker) ?? []).reduce((sum, a) => sum + estimateTokens(a.attrs.description?.value ?? ''), 0);
  const defaultModel = ctx.ir.defaults?.attrs.model?.value ?? builtinDefaults.model;
  const workerModel = worker.attrs.model?.value ?? defaultModel;
  const workerTools = worker.attrs.tools?.map((t) => t.value);
  const base = (model: string, tools: string[] | undefined) => cliOverheadTokens(model, tools);
  let best: Need = { tokens: base(workerModel, workerTools) + system + agents, overhead: base(workerModel, workerTools) };
  for (const task of tasks) {
    const overhead = base(task.attrs.model?.value ?? workerModel, task.attrs.tools?.map((t) => t.value) ?? workerTools);
    const prompt = task.attrs.prompt ? estimateTokens(staticText(task.attrs.prompt) ?? stringText(task.attrs.prompt)) : 0;
    const tokens = overhead + system + agents + prompt;
    if (tokens > best.tokens) best = { tokens, task: task.name.name, overhead };
  }
  return best;
}

function sourceText(ctx: CheckContext, source: TextSource | undefined): string {
  if (!source) return '';
  if (source.kind === 'inline') return stringText(source.node);
  const loaded = ctx.files.load(source.path.value);
  return loaded.ok ? loaded.text : '';
}

function kilo(n: number): string {
  return n >= 1000 ? `${Math.ceil(n / 100) / 10}k` : String(n);
}
