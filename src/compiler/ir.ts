import type { AttributeNode, BlockNode, Ident } from '../language/ast.ts';
import type { Attributes, BlockKindName } from './block-kinds.ts';

/**
 * A decoded block: its attributes as far as they were valid, and where each came from. It is
 * built even for a broken file, so later checks still run on whatever was recovered.
 */
export interface Decl<K extends BlockKindName = BlockKindName> {
  kind: K;
  /** The block's label; for unlabelled blocks (`defaults`), its kind. */
  name: Ident;
  block: BlockNode;
  attrs: Attributes<K>;
  /** The attribute nodes by name, for pointing diagnostics at a value. */
  sources: Map<string, AttributeNode>;
  /** The worker's or workflow's `limits` block. */
  limits?: Decl<'limits'>;
}

export type NodeKind = 'task' | 'decompose' | 'synthesize';
export type NodeDecl = Decl<'task'> | Decl<'decompose'> | Decl<'synthesize'>;

export interface WorkflowIR {
  file: string;
  /** Absent only when the file has no usable workflow block. */
  workflow?: Decl<'workflow'>;
  defaults?: Decl<'defaults'>;
  queue?: Decl<'queue'>;
  runtime?: Decl<'runtime'>;
  inputs: Decl<'input'>[];
  agents: Decl<'agent'>[];
  workers: Decl<'worker'>[];
  /** Tasks, decompose and synthesize nodes in source order. */
  nodes: NodeDecl[];
  /** Checks for `swarm test`, in source order. */
  expects: Decl<'expect'>[];
}

export function isNodeKind(kind: string): kind is NodeKind {
  return kind === 'task' || kind === 'decompose' || kind === 'synthesize';
}
