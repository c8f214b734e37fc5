import type { Ident } from '../../language/ast.ts';
import type { RuleName } from '../../diagnostics/rules.ts';
import type { CheckContext } from '../check-context.ts';
import { didYouMean } from '../did-you-mean.ts';
import type { Decl, NodeDecl } from '../ir.ts';
import { nodeFields } from '../known.ts';
import { article, type SymbolKind } from '../symbols.ts';

const nodeKinds: SymbolKind[] = ['task', 'decompose', 'synthesize'];

/**
 * Resolves every name: workers of tasks, `after` lists, sub-agents of workers, workers of
 * decompose nodes, the nodes `expect` blocks check and `${…}` interpolations. Unknown names get a did-you-mean; names of the
 * wrong kind say what they are.
 */
export function checkReferences(ctx: CheckContext): void {
  const { ir, symbols, resolved } = ctx;
  const lookup = (ref: Ident, want: SymbolKind[], what: string, rule: RuleName = 'unknown-reference'): Decl | undefined => {
    const entry = symbols.get(ref.name);
    if (!entry) {
      ctx.reporter.report(rule, ref.span, `unknown ${what === 'node' ? 'task' : what} \`${ref.name}\``, { help: didYouMean(ref.name, symbols.names(...want)) ?? declareHint(want[0]!) });
      return undefined;
    }
    if (!want.includes(entry.kind)) {
      ctx.reporter.report('wrong-kind', ref.span, `\`${ref.name}\` is ${article(entry.kind)}, not ${what === 'node' ? 'a task, decompose or synthesize node' : `${article(want[0]!)}`}`, {
        related: [ctx.reporter.related(entry.name.span, `\`${ref.name}\` is declared here`)],
        help: didYouMean(ref.name, symbols.names(...want)),
      });
      return undefined;
    }
    return entry.decl;
  };

  for (const worker of ir.workers) {
    if (!symbols.owns(worker)) continue;
    const agents = (worker.attrs.agents ?? []).map((a) => lookup(a, ['agent'], 'agent')).filter(isDecl) as Decl<'agent'>[];
    resolved.agentsOf.set(worker, agents);
  }
  for (const node of ir.nodes) {
    if (!symbols.owns(node)) continue;
    if (node.kind === 'task') {
      const ref = (node as Decl<'task'>).attrs.worker;
      const worker = ref && lookup(ref, ['worker'], 'worker');
      if (worker) resolved.workerOf.set(node, worker as Decl<'worker'>);
    }
    if (node.kind === 'decompose') {
      const refs = (node as Decl<'decompose'>).attrs.workers;
      const workers = refs
        ? (refs.map((w) => lookup(w, ['worker'], 'worker', 'decompose-workers')).filter(isDecl) as Decl<'worker'>[])
        : ir.workers.filter((w) => symbols.owns(w));
      resolved.plannerWorkers.set(node, workers);
    }
    const edges = [];
    for (const ref of node.attrs.after ?? []) {
      const upstream = lookup(ref, nodeKinds, 'node');
      if (upstream) edges.push({ node: upstream as NodeDecl, span: ref.span });
    }
    resolved.after.set(node, edges);
  }
  for (const check of ir.expects) {
    const ref = check.attrs.task;
    const node = ref && symbols.owns(check) ? lookup(ref, nodeKinds, 'node') : undefined;
    if (node) resolved.expectTarget.set(check, node as NodeDecl);
  }
  checkInterpolations(ctx);
}

function checkInterpolations(ctx: CheckContext): void {
  const { symbols, resolved, reporter } = ctx;
  for (const ref of ctx.textRefs) {
    const [head, field, ...rest] = ref.path;
    const entry = symbols.get(head!.name);
    if (!entry) {
      reporter.report('unknown-reference', head!.span, `\`\${${ref.path.map((p) => p.name).join('.')}}\` names nothing declared`, {
        help: didYouMean(head!.name, symbols.names('input', 'task', 'decompose', 'synthesize')) ?? 'declare it with `input NAME { … }`, or write \\${ for a literal ${',
      });
      continue;
    }
    if (entry.kind === 'input') {
      if (field) reporter.report('invalid-field', field.span, `input \`${head!.name}\` has no fields`, { help: `write \`\${${head!.name}}\`` });
      resolved.inputReads.add(head!.name);
      continue;
    }
    if (entry.kind === 'worker' || entry.kind === 'agent') {
      reporter.report('wrong-kind', head!.span, `\`${head!.name}\` is ${article(entry.kind)}; only inputs and node results can be interpolated`, {
        related: [reporter.related(entry.name.span, `\`${head!.name}\` is declared here`)],
      });
      continue;
    }
    const fields = nodeFields.map((f) => `\`\${${head!.name}.${f}}\``).join(', ');
    if (!field) {
      reporter.report('invalid-field', ref.span, `\`\${${head!.name}}\` names ${article(entry.kind)}, not one of its fields`, { help: `read one of ${fields}` });
      continue;
    }
    if (!(nodeFields as readonly string[]).includes(field.name) || rest.length > 0) {
      const bad = rest.length > 0 ? rest[0]! : field;
      reporter.report('invalid-field', bad.span, `${article(entry.kind)} has no field \`${ref.path.slice(1).map((p) => p.name).join('.')}\``, {
        help: didYouMean(field.name, nodeFields) ?? `read one of ${fields}`,
      });
      continue;
    }
    resolved.reads.push({ owner: ref.owner, node: entry.decl as NodeDecl, field: field.name, span: ref.span });
  }
}

function declareHint(kind: SymbolKind): string {
  return kind === 'task' ? 'declare it, or remove it from the list' : `declare it with \`${kind} NAME { … }\``;
}

function isDecl(d: Decl | undefined): d is Decl {
  return d !== undefined;
}
