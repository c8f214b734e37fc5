import type { z } from 'zod';
import type { AttributeNode, BlockNode, CallNode, FileNode, Ident, ValueNode } from '../language/ast.ts';
import type { Span } from '../language/span.ts';
import type { RuleName } from '../diagnostics/rules.ts';
import { attributesOf, blockKind, blockKinds, childKinds, requiredAttributes, type BlockKind, type BlockKindName } from './block-kinds.ts';
import { didYouMean } from './did-you-mean.ts';
import { isNodeKind, type Decl, type WorkflowIR } from './ir.ts';
import type { Reporter } from './reporter.ts';

/**
 * Checks the file's block structure against the block-kind table and decodes every attribute
 * through its schema. Invalid parts are reported and left out; the rest is kept.
 */
export function decodeFile(ast: FileNode, reporter: Reporter, badCalls: ReadonlySet<CallNode> = new Set()): WorkflowIR {
  const ir: WorkflowIR = { file: reporter.file, inputs: [], agents: [], workers: [], nodes: [], expects: [] };
  const workflows = ast.blocks.filter((b) => b.kind.name === 'workflow');
  for (const block of ast.blocks) {
    if (block.kind.name === 'workflow') continue;
    const kind = blockKind(block.kind.name);
    const inWorkflow = kind && (kind.parents as readonly string[]).includes('workflow');
    reporter.report('workflow-block', block.kind.span, inWorkflow
      ? `\`${block.kind.name}\` blocks belong inside \`workflow NAME { … }\``
      : `expected \`workflow NAME { … }\`, found \`${block.kind.name}\``, {
      help: inWorkflow ? 'move it into the workflow block' : didYouMean(block.kind.name, ['workflow']),
    });
  }
  if (workflows.length === 0) {
    if (ast.blocks.length === 0) {
      reporter.report('workflow-block', { start: 0, end: 0 }, 'this file holds no workflow', { help: 'a .swarm file holds one `workflow NAME { … }` block' });
    }
    return ir;
  }
  for (const extra of workflows.slice(1)) {
    reporter.report('workflow-block', extra.kind.span, 'a file holds exactly one workflow', {
      related: [reporter.related(workflows[0]!.kind.span, 'the first workflow is here')],
      help: 'put each workflow in a file of its own',
    });
  }
  const root = workflows[0]!;
  const decoder = new Decoder(reporter, badCalls);
  const workflow = decoder.decl(blockKinds.workflow, root, 'file') as Decl<'workflow'>;
  ir.workflow = workflow;
  const singletons = new Map<string, BlockNode>();
  for (const child of decoder.children(root, 'workflow', singletons)) {
    const kind = child.kind.name as BlockKindName;
    const decl = decoder.decl(blockKinds[kind], child, 'workflow');
    if (kind === 'limits') workflow.limits = decl as Decl<'limits'>;
    else if (kind === 'defaults') ir.defaults = decl as Decl<'defaults'>;
    else if (kind === 'queue') ir.queue = decl as Decl<'queue'>;
    else if (kind === 'runtime') ir.runtime = decl as Decl<'runtime'>;
    else if (kind === 'input') ir.inputs.push(decl as Decl<'input'>);
    else if (kind === 'agent') ir.agents.push(decl as Decl<'agent'>);
    else if (kind === 'worker') ir.workers.push(decl as Decl<'worker'>);
    else if (kind === 'expect') ir.expects.push(decl as Decl<'expect'>);
    else if (isNodeKind(kind)) ir.nodes.push(decl as Decl<'task'>);
  }
  return ir;
}

class Decoder {
  readonly #reporter: Reporter;
  readonly #required = new Map<string, string[]>();
  readonly #badCalls: ReadonlySet<CallNode>;

  constructor(reporter: Reporter, badCalls: ReadonlySet<CallNode>) {
    this.#reporter = reporter;
    this.#badCalls = badCalls;
  }

  /** Values whose problem was already reported: recovered gaps and rejected calls. */
  #reported(value: ValueNode): boolean {
    return value.type === 'Missing' || (value.type === 'Call' && this.#badCalls.has(value));
  }

  decl(kind: BlockKind, block: BlockNode, parent: string): Decl {
    this.#label(kind, block, parent);
    const name: Ident = block.label ?? block.kind;
    const sources = this.#attributes(kind, block);
    const attrs: Record<string, unknown> = {};
    for (const [attrName, node] of sources) {
      if (this.#reported(node.value)) continue;
      const schema = (kind.attributes.shape as Record<string, z.ZodType>)[attrName]!;
      const result = schema.safeParse(node.value);
      if (result.success) attrs[attrName] = result.data;
      else this.#issues(result.error.issues, node);
    }
    this.#missing(kind, block, sources);
    const decl: Decl = { kind: kind.kind as BlockKindName, name, block, attrs, sources };
    if (kind.kind === 'worker') {
      for (const child of this.children(block, 'worker', new Map())) decl.limits = this.decl(blockKinds.limits, child, 'worker') as Decl<'limits'>;
    } else if (kind.kind !== 'workflow') {
      this.children(block, kind.kind, new Map());
    }
    return decl;
  }

  /** The child blocks allowed under `parent`; others are reported and skipped. */
  children(block: BlockNode, parent: string, singletons: Map<string, BlockNode>): BlockNode[] {
    const allowed = childKinds(parent);
    const kept: BlockNode[] = [];
    for (const item of block.body) {
      if (item.type !== 'Block') continue;
      const name = item.kind.name;
      const kind = allowed.find((k) => k.kind === name);
      if (!kind) {
        const elsewhere = blockKind(name);
        const where = elsewhere?.parents.map((p) => (p === 'file' ? 'the top level' : `a \`${p}\` block`)).join(' or ');
        const message = elsewhere ? `\`${name}\` blocks cannot stand in ${/^[aeiou]/.test(parent) ? 'an' : 'a'} \`${parent}\` block` : `unknown block kind \`${name}\``;
        const help = elsewhere ? `\`${name}\` blocks go in ${where}` : allowed.length
          ? (didYouMean(name, allowed.map((k) => k.kind)) ?? `a \`${parent}\` block may hold ${allowed.map((k) => `\`${k.kind}\``).join(', ')}`)
          : `a \`${parent}\` block holds only attributes`;
        this.#reporter.report('unknown-block', item.kind.span, message, { help });
        continue;
      }
      if (!kind.repeatable) {
        const first = singletons.get(name);
        if (first) {
          this.#reporter.report('duplicate-attribute', item.kind.span, `a \`${parent}\` block holds at most one \`${name}\` block`, {
            related: [this.#reporter.related(first.kind.span, 'the first one is here')],
            help: 'merge the two blocks',
          });
          continue;
        }
        singletons.set(name, item);
      }
      kept.push(item);
    }
    return kept;
  }

  #label(kind: BlockKind, block: BlockNode, parent: string): void {
    if (kind.label === 'required' && !block.label) {
      this.#reporter.report('block-label', block.kind.span, `a \`${kind.kind}\` block needs a name`, { help: `write \`${kind.kind} NAME { … }\`` });
    } else if (kind.label === 'none' && block.label) {
      this.#reporter.report('block-label', block.label.span, `a \`${kind.kind}\` block takes no name`, {
        help: `write \`${kind.kind} { … }\`${parent === 'file' ? '' : ` inside the ${parent}`}`,
      });
    }
  }

  #attributes(kind: BlockKind, block: BlockNode): Map<string, AttributeNode> {
    const known = attributesOf(kind);
    const seen = new Map<string, AttributeNode>();
    for (const item of block.body) {
      if (item.type !== 'Attribute') continue;
      const name = item.name.name;
      // A name with no value is debris of a syntax error, already reported.
      if (name === '' || item.value.type === 'Missing') continue;
      if (!known.has(name)) {
        const isBlock = childKinds(kind.kind).some((k) => k.kind === name);
        const help = isBlock ? `\`${name}\` is a block: write \`${name} { … }\`` : (didYouMean(name, [...known]) ?? `a \`${kind.kind}\` block has ${[...known].map((k) => `\`${k}\``).join(', ')}`);
        this.#reporter.report('unknown-attribute', item.name.span, `\`${kind.kind}\` has no attribute \`${name}\``, { help });
        continue;
      }
      const first = seen.get(name);
      if (first) {
        this.#reporter.report('duplicate-attribute', item.name.span, `\`${name}\` is set twice`, {
          related: [this.#reporter.related(first.name.span, 'first set here')],
          help: 'keep one of them',
        });
        continue;
      }
      seen.set(name, item);
    }
    return seen;
  }

  #missing(kind: BlockKind, block: BlockNode, present: Map<string, AttributeNode>): void {
    let required = this.#required.get(kind.kind);
    if (!required) this.#required.set(kind.kind, (required = requiredAttributes(kind)));
    for (const name of required) {
      if (present.has(name) || block.body.some((i) => i.type === 'Attribute' && i.name.name === name)) continue;
      const label = block.label ? ` \`${block.label.name}\`` : '';
      this.#reporter.report('missing-attribute', headerSpan(block), `${kind.kind}${label} has no \`${name}\``, {
        help: `add \`${name} = …\`: ${describeAttribute(kind, name)}`,
      });
    }
  }

  #issues(issues: readonly z.core.$ZodIssue[], node: AttributeNode): void {
    for (const issue of issues) {
      const params = (issue as { params?: { rule?: RuleName; help?: string; at?: Span } }).params;
      this.#reporter.report(params?.rule ?? 'type-mismatch', params?.at ?? node.value.span, `\`${node.name.name}\`: ${issue.message}`, { help: params?.help });
    }
  }
}

/** `task evaluate`: where "this block lacks X" points. */
export function headerSpan(block: BlockNode): Span {
  return { start: block.kind.span.start, end: (block.label ?? block.kind).span.end };
}

function describeAttribute(kind: BlockKind, name: string): string {
  const schema = (kind.attributes.shape as Record<string, z.ZodType>)[name];
  const meta = schema?.meta() as { description?: string } | undefined;
  return (meta?.description ?? '').replace(/\.$/, '').toLowerCase() || name;
}
