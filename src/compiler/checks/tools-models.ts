import type { RelatedSpan } from '../../diagnostics/diagnostic.ts';
import type { Span } from '../../language/span.ts';
import type { CheckContext } from '../check-context.ts';
import { didYouMean } from '../did-you-mean.ts';
import type { Decl } from '../ir.ts';
import { allModelNames, isKnownTool, knownTools, resolveModel, retiredTools, toolName } from '../known.ts';
import type { Reporter } from '../reporter.ts';
import type { Located } from '../values.ts';

/** Claude Code drops unknown tool names and sends unknown models to the API; swarm says so first. */
export function checkToolsAndModels(ctx: CheckContext): void {
  const { ir, reporter } = ctx;
  const decls: Decl[] = [...(ir.defaults ? [ir.defaults] : []), ...ir.agents, ...ir.workers, ...ir.nodes];
  for (const decl of decls) {
    const attrs = decl.attrs as { model?: Located<string>; tools?: Located<string>[] };
    if (attrs.model) checkModel(reporter, attrs.model.value, attrs.model.span, decl.kind === 'agent');
    for (const tool of attrs.tools ?? []) checkTool(reporter, tool.value, tool.span);
  }
  for (const node of ir.nodes) {
    if (node.kind !== 'task') continue;
    const worker = ctx.resolved.workerOf.get(node);
    const allowed = worker?.attrs.tools?.map((t) => toolName(t.value));
    if (!worker || !allowed) continue;
    for (const tool of (node as Decl<'task'>).attrs.tools ?? []) {
      const name = toolName(tool.value);
      if (!isKnownTool(name) || allowed.includes(name) || (name === 'Task' && allowed.includes('Agent')) || (name === 'Agent' && allowed.includes('Task'))) continue;
      reporter.report('unknown-tool', tool.span, `task \`${node.name.name}\` asks for \`${name}\`, which worker \`${worker.name.name}\` does not have`, {
        related: [reporter.related(worker.sources.get('tools')!.value.span, `\`${worker.name.name}\`'s tools are listed here`)],
        help: `a task's tools narrow its worker's; add \`${name}\` to the worker or drop it here`,
      });
    }
  }
}

export function checkTool(reporter: Reporter, spec: string, span: Span, file?: string, related?: RelatedSpan[]): void {
  const name = toolName(spec);
  if (isKnownTool(name)) return;
  const retired = retiredTools.includes(name);
  reporter.report('unknown-tool', span, retired ? `Claude Code no longer has the tool \`${name}\`` : `unknown tool \`${name}\``, {
    help: retired
      ? `Claude Code 2.1 drops \`${name}\` without a word; remove it`
      : (didYouMean(name, knownTools) ?? `Claude Code's tools are ${knownTools.join(', ')}`),
    file,
    ...(related ? { related } : {}),
  });
}

export function checkModel(reporter: Reporter, name: string, span: Span, allowInherit: boolean, file?: string, related?: RelatedSpan[]): void {
  if (allowInherit && name === 'inherit') return;
  const model = resolveModel(name);
  if (!model) {
    reporter.report('unknown-model', span, `unknown model \`${name}\``, {
      help: didYouMean(name, allModelNames) ?? 'use an alias (haiku, sonnet, opus, fable) or a full model id such as claude-sonnet-5',
      file,
      ...(related ? { related } : {}),
    });
  } else if (model.retires) {
    reporter.report('deprecated-model', span, `\`${name}\` is deprecated and retires on ${model.retires}`, {
      help: 'move to `sonnet` (claude-sonnet-5)',
      file,
      ...(related ? { related } : {}),
    });
  }
}
