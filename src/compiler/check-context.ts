import type { LineIndex, Span } from '../language/span.ts';
import type { DependencyGraph } from './graph.ts';
import type { FileLoader } from './file-loader.ts';
import type { Decl, NodeDecl, WorkflowIR } from './ir.ts';
import type { Reporter } from './reporter.ts';
import type { SymbolTable } from './symbols.ts';
import type { TextRef } from './text-refs.ts';

/** `${evaluate.result}` read by `owner`, resolved to the node it reads. */
export interface NodeRead {
  owner: Decl;
  node: NodeDecl;
  field: string;
  span: Span;
}

export interface AfterEdge {
  node: NodeDecl;
  span: Span;
}

/** What references resolved to; entries exist only for references that resolved. */
export interface Resolution {
  workerOf: Map<Decl, Decl<'worker'>>;
  after: Map<Decl, AfterEdge[]>;
  reads: NodeRead[];
  inputReads: Set<string>;
  agentsOf: Map<Decl, Decl<'agent'>[]>;
  /** Workers a decompose node may use (all workers when it names none). */
  plannerWorkers: Map<Decl, Decl<'worker'>[]>;
  /** The node each `expect` block names in `task`. */
  expectTarget: Map<Decl, NodeDecl>;
}

/** Everything a check may look at. Checks report through `reporter` and never throw. */
export interface CheckContext {
  ir: WorkflowIR;
  reporter: Reporter;
  symbols: SymbolTable;
  textRefs: TextRef[];
  resolved: Resolution;
  files: FileLoader;
  /** Lines of the workflow file, for the few places that record a line rather than a span. */
  lines: LineIndex;
  /** Present once the graph is built; absent while references are being resolved. */
  graph?: DependencyGraph;
}

export function emptyResolution(): Resolution {
  return { workerOf: new Map(), after: new Map(), reads: [], inputReads: new Set(), agentsOf: new Map(), plannerWorkers: new Map(), expectTarget: new Map() };
}
