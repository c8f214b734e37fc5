import type { Ident } from '../language/ast.ts';
import type { Decl, WorkflowIR } from './ir.ts';
import type { Reporter } from './reporter.ts';

export type SymbolKind = 'input' | 'agent' | 'worker' | 'task' | 'decompose' | 'synthesize' | 'expect';

export interface SymbolEntry {
  kind: SymbolKind;
  name: Ident;
  decl: Decl;
}

/**
 * Every declaration shares one namespace, so `after = [marie]` can say "marie is a worker"
 * instead of "unknown task", and names never mean two things.
 */
export class SymbolTable {
  readonly #entries = new Map<string, SymbolEntry>();

  static build(ir: WorkflowIR, reporter: Reporter): SymbolTable {
    const table = new SymbolTable();
    const all: Decl[] = [...ir.inputs, ...ir.agents, ...ir.workers, ...ir.nodes, ...ir.expects].sort((a, b) => a.block.span.start - b.block.span.start);
    for (const decl of all) {
      if (!decl.block.label || decl.name.name === '') continue;
      const first = table.#entries.get(decl.name.name);
      if (first) {
        reporter.report('duplicate-name', decl.name.span, `\`${decl.name.name}\` is already declared as ${article(first.kind)}`, {
          related: [reporter.related(first.name.span, 'first declared here')],
          help: 'every input, agent, worker, task, decompose, synthesize and expect block needs a name of its own',
        });
        continue;
      }
      table.#entries.set(decl.name.name, { kind: decl.kind as SymbolKind, name: decl.name, decl });
    }
    return table;
  }

  get(name: string): SymbolEntry | undefined {
    return this.#entries.get(name);
  }

  /** The first declaration under this name, so duplicates are skipped by later checks. */
  owns(decl: Decl): boolean {
    return this.#entries.get(decl.name.name)?.decl === decl;
  }

  names(...kinds: SymbolKind[]): string[] {
    const out: string[] = [];
    for (const [name, entry] of this.#entries) if (kinds.includes(entry.kind)) out.push(name);
    return out;
  }
}

export function article(kind: SymbolKind): string {
  return (kind === 'input' || kind === 'agent' || kind === 'expect' ? 'an ' : 'a ') + kind;
}
