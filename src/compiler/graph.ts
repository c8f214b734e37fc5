import { Graph } from '@dagrejs/graphlib';
import type { Span } from '../language/span.ts';

/**
 * The dependency DAG, held in a graphlib Graph. The walks here are iterative: graphlib's own
 * `topsort` and `tarjan` recurse and overflow the stack on long chains (dagrejs/graphlib#147).
 * An edge `from → to` means `to` runs after `from`; its label is where `to` says so.
 */
export class DependencyGraph {
  readonly graph = new Graph({ directed: true, multigraph: false });
  /** Node ids in source order, the tie-break that makes every walk deterministic. */
  readonly ids: string[] = [];
  readonly #rank = new Map<string, number>();

  addNode(id: string): void {
    if (this.graph.hasNode(id)) return;
    this.#rank.set(id, this.ids.length);
    this.ids.push(id);
    this.graph.setNode(id);
  }

  addEdge(from: string, to: string, span: Span): void {
    if (!this.graph.hasEdge(from, to)) this.graph.setEdge(from, to, span);
  }

  edgeSpan(from: string, to: string): Span | undefined {
    return this.graph.edge(from, to) as Span | undefined;
  }

  successors(id: string): string[] {
    return (this.graph.successors(id) ?? []).sort((a, b) => this.#rank.get(a)! - this.#rank.get(b)!);
  }

  predecessors(id: string): string[] {
    return (this.graph.predecessors(id) ?? []).sort((a, b) => this.#rank.get(a)! - this.#rank.get(b)!);
  }

  sourceRank(id: string): number {
    return this.#rank.get(id) ?? Infinity;
  }

  /** Kahn's algorithm; among ready nodes the earliest declared goes first. Undefined on a cycle. */
  topologicalOrder(): string[] | undefined {
    const indegree = new Map<string, number>();
    for (const id of this.ids) indegree.set(id, this.graph.predecessors(id)?.length ?? 0);
    const ready = new MinHeap();
    for (const id of this.ids) if (indegree.get(id) === 0) ready.push(this.#rank.get(id)!);
    const order: string[] = [];
    while (ready.size > 0) {
      const id = this.ids[ready.pop()]!;
      order.push(id);
      for (const next of this.graph.successors(id) ?? []) {
        const left = indegree.get(next)! - 1;
        indegree.set(next, left);
        if (left === 0) ready.push(this.#rank.get(next)!);
      }
    }
    return order.length === this.ids.length ? order : undefined;
  }

  /**
   * One concrete cycle per strongly connected component (iterative Tarjan), each starting at
   * its earliest-declared node so messages are deterministic. A self-loop is a cycle of one.
   */
  cycles(): string[][] {
    const cycles: string[][] = [];
    for (const component of this.#components()) {
      const members = new Set(component);
      const start = component.reduce((a, b) => (this.#rank.get(a)! < this.#rank.get(b)! ? a : b));
      if (component.length === 1 && !this.graph.hasEdge(start, start)) continue;
      cycles.push(this.#shortestCycle(start, members));
    }
    return cycles.sort((a, b) => this.#rank.get(a[0]!)! - this.#rank.get(b[0]!)!);
  }

  /** Whether `ancestor` must finish before `id` starts, through any chain of edges. */
  isAncestor(ancestor: string, id: string, topoIndex?: ReadonlyMap<string, number>): boolean {
    if (ancestor === id) return false;
    const limit = topoIndex?.get(ancestor);
    const seen = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      for (const prev of this.graph.predecessors(stack.pop()!) ?? []) {
        if (prev === ancestor) return true;
        // Nodes placed before the ancestor in a topological order cannot lead back to it.
        if (limit !== undefined && topoIndex!.get(prev)! < limit) continue;
        if (!seen.has(prev)) {
          seen.add(prev);
          stack.push(prev);
        }
      }
    }
    return false;
  }

  /** For each node, the number of nodes on the longest chain that starts at it. */
  chainLengths(order: readonly string[]): Map<string, number> {
    const length = new Map<string, number>();
    for (let i = order.length - 1; i >= 0; i--) {
      const id = order[i]!;
      let best = 0;
      for (const next of this.graph.successors(id) ?? []) best = Math.max(best, length.get(next)!);
      length.set(id, best + 1);
    }
    return length;
  }

  /** The longest chain of dependent nodes: the least number of steps the run can take. */
  criticalPath(order: readonly string[]): string[] {
    const length = this.chainLengths(order);
    let current = order.filter((id) => (this.graph.predecessors(id)?.length ?? 0) === 0).sort((a, b) => length.get(b)! - length.get(a)! || this.#rank.get(a)! - this.#rank.get(b)!)[0];
    const path: string[] = [];
    while (current !== undefined) {
      path.push(current);
      current = this.successors(current).sort((a, b) => length.get(b)! - length.get(a)!)[0];
    }
    return path;
  }

  #components(): string[][] {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const components: string[][] = [];
    let counter = 0;
    for (const root of this.ids) {
      if (index.has(root)) continue;
      const frames: { id: string; next: string[]; i: number }[] = [];
      const enter = (id: string) => {
        index.set(id, counter);
        low.set(id, counter++);
        stack.push(id);
        onStack.add(id);
        frames.push({ id, next: this.graph.successors(id) ?? [], i: 0 });
      };
      enter(root);
      while (frames.length > 0) {
        const frame = frames.at(-1)!;
        if (frame.i < frame.next.length) {
          const next = frame.next[frame.i++]!;
          if (!index.has(next)) enter(next);
          else if (onStack.has(next)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(next)!));
          continue;
        }
        frames.pop();
        const parent = frames.at(-1);
        if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
        if (low.get(frame.id) === index.get(frame.id)) {
          const component: string[] = [];
          let member: string;
          do {
            member = stack.pop()!;
            onStack.delete(member);
            component.push(member);
          } while (member !== frame.id);
          components.push(component);
        }
      }
    }
    return components;
  }

  /** Breadth-first from `start` back to itself inside its component: the shortest loop. */
  #shortestCycle(start: string, members: Set<string>): string[] {
    const parent = new Map<string, string>();
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      for (const next of this.successors(id)) {
        if (!members.has(next)) continue;
        if (next === start) {
          const path = [id];
          while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
          return path;
        }
        if (!parent.has(next)) {
          parent.set(next, id);
          queue.push(next);
        }
      }
    }
    return [start];
  }
}

/** A binary heap of numbers, so Kahn's algorithm stays O(n log n) on wide graphs. */
class MinHeap {
  readonly #items: number[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(value: number): void {
    const a = this.#items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= a[i]!) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }

  pop(): number {
    const a = this.#items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! < a[m]!) m = l;
        if (r < a.length && a[r]! < a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
