import type { Ident, InterpolationPart, StringNode } from '../language/ast.ts';
import type { Span } from '../language/span.ts';
import type { Decl, WorkflowIR } from './ir.ts';
import type { TextSource } from './values.ts';

/** One `${…}` in a workflow text, and the declaration whose text holds it. */
export interface TextRef {
  owner: Decl;
  /** Which attribute the text is: `prompt` or `system`. */
  attribute: string;
  path: Ident[];
  span: Span;
}

function fromString(owner: Decl, attribute: string, node: StringNode | undefined, out: TextRef[]): void {
  if (!node) return;
  for (const part of node.parts) {
    if (part.type === 'Interpolation') out.push({ owner, attribute, path: (part as InterpolationPart).path, span: part.span });
  }
}

function fromSource(owner: Decl, source: TextSource | undefined, out: TextRef[]): void {
  if (source?.kind === 'inline') fromString(owner, 'system', source.node, out);
}

/** Every interpolation in the workflow's own text, in source order. */
export function collectTextRefs(ir: WorkflowIR): TextRef[] {
  const out: TextRef[] = [];
  for (const agent of ir.agents) fromString(agent, 'prompt', agent.attrs.prompt, out);
  for (const worker of ir.workers) fromSource(worker, worker.attrs.system, out);
  for (const node of ir.nodes) {
    if (node.kind !== 'task') fromSource(node, (node as Decl<'decompose' | 'synthesize'>).attrs.system, out);
    fromString(node, 'prompt', node.attrs.prompt, out);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
