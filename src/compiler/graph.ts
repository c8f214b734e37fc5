import type { Span } from '../language/span.ts';

/**
 * The dependency graph the checks walk, as adjacency lists over node numbers (a node's number
 * is its source rank). An edge `from → to` means `to` runs after `from`; its label is where
 * `to` says so. Every walk is iterative, so a 100,000-node chain cannot overflow the stack.
 *
 * graphlib holds the DAG built from the finished plan (`plan-dag.ts`); here, on the hot path
 * of `swarm check`, its string-keyed edges cost a quarter of the whole check at 10,000 tasks.
 */
export class DependencyGraph {
  /** Node ids in source order, the tie-break that makes every walk deterministic. */
  readonly ids: string[] = [];
  readonly #rank = new Map<string, number>();
  readonly #succ: number[][] = [];
  readonly #pred: number[][] = [];
  readonly #spans = new Map<number, Span>();

  addNode(id: string): void {
    if (this.#rank.has(id)) return;
    this.#rank.set(id, this.ids.length);
    this.ids.push(id);
    this.#succ.push([]);
    this.#pred.push([]);
  }

  addEdge(from: string, to: string, span: Span): void {
    this.addNode(from);
    this.addNode(to);
    const a = this.#rank.get(from)!;
    const b = this.#rank.get(to)!;
    const key = edgeKey(a, b);
    if (this.#spans.has(key)) return;
    this.#spans.set(key, span);
    this.#succ[a]!.push(b);
    this.#pred[b]!.push(a);
  }

  edgeSpan(from: string, to: string): Span | undefined {
    const a = this.#rank.get(from);
    const b = this.#rank.get(to);
    return a === undefined || b === undefined ? undefined : this.#spans.get(edgeKey(a, b));
  }

  successors(id: string): string[] {
    return this.#names(this.#succ[this.#rank.get(id) ?? -1]);
  }

  predecessors(id: string): string[] {
    return this.#names(this.#pred[this.#rank.get(id) ?? -1]);
  }

  sourceRank(id: string): number {
    return this.#rank.get(id) ?? Infinity;
  }

  /** Kahn's algorithm; among ready nodes the earliest declared goes first. Undefined on a cycle. */
  topologicalOrder(): string[] | undefined {
    const n = this.ids.length;
    const indegree = new Int32Array(n);
    const ready = new MinHeap();
    for (let i = 0; i < n; i++) if ((indegree[i] = this.#pred[i]!.length) === 0) ready.push(i);
    const order: string[] = [];
    while (ready.size > 0) {
      const i = ready.pop();
      order.push(this.ids[i]!);
      for (const next of this.#succ[i]!) if (--indegree[next]! === 0) ready.push(next);
    }
    return order.length === n ? order : undefined;
  }

  /**
   * One concrete cycle per strongly connected component (iterative Tarjan), each starting at
   * its earliest-declared node so messages are deterministic. A self-loop is a cycle of one.
   */
  cycles(): string[][] {
    const cycles: number[][] = [];
    for (const component of this.#components()) {
      const start = Math.min(...component);
      if (component.length === 1 && !this.#spans.has(edgeKey(start, start))) continue;
      cycles.push(this.#shortestCycle(start, new Set(component)));
    }
    return cycles.sort((a, b) => a[0]! - b[0]!).map((cycle) => cycle.map((i) => this.ids[i]!));
  }

  /** Whether `ancestor` must finish before `id` starts, through any chain of edges. */
  isAncestor(ancestor: string, id: string, topoIndex?: ReadonlyMap<string, number>): boolean {
    const target = this.#rank.get(ancestor);
    const start = this.#rank.get(id);
    if (ancestor === id || target === undefined || start === undefined) return false;
    const limit = topoIndex?.get(ancestor);
    const seen = new Set<number>([start]);
    const stack = [start];
    while (stack.length > 0) {
      for (const prev of this.#pred[stack.pop()!]!) {
        if (prev === target) return true;
        // Nodes placed before the ancestor in a topological order cannot lead back to it.
        if (limit !== undefined && topoIndex!.get(this.ids[prev]!)! < limit) continue;
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
    const length = new Int32Array(this.ids.length);
    for (let i = order.length - 1; i >= 0; i--) {
      const node = this.#rank.get(order[i]!)!;
      let best = 0;
      for (const next of this.#succ[node]!) best = Math.max(best, length[next]!);
      length[node] = best + 1;
    }
    return new Map(order.map((id) => [id, length[this.#rank.get(id)!]!]));
  }

  /** The longest chain of dependent nodes: the least number of steps the run can take. */
  criticalPath(order: readonly string[]): string[] {
    const length = this.chainLengths(order);
    // Longest first; among equals the earliest declared, so the path is deterministic.
    const best = (candidates: string[]) => candidates.reduce<string | undefined>((a, b) => (a === undefined || length.get(b)! > length.get(a)! ? b : a), undefined);
    let current = best(order.filter((id) => this.#pred[this.#rank.get(id)!]!.length === 0).sort((a, b) => this.#rank.get(a)! - this.#rank.get(b)!));
    const path: string[] = [];
    while (current !== undefined) {
      path.push(current);
      current = best(this.successors(current));
    }
    return path;
  }

  #names(nodes: number[] | undefined): string[] {
    return nodes ? [...nodes].sort((a, b) => a - b).map((i) => this.ids[i]!) : [];
  }

  #components(): number[][] {
    const n = this.ids.length;
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const stack: number[] = [];
    const components: number[][] = [];
    let counter = 0;
    for (let root = 0; root < n; root++) {
      if (index[root] !== -1) continue;
      const frames: { node: number; i: number }[] = [];
      const enter = (node: number) => {
        index[node] = low[node] = counter++;
        stack.push(node);
        onStack[node] = 1;
        frames.push({ node, i: 0 });
      };
      enter(root);
      while (frames.length > 0) {
        const frame = frames.at(-1)!;
        const next = this.#succ[frame.node]!;
        if (frame.i < next.length) {
          const to = next[frame.i++]!;
          if (index[to] === -1) enter(to);
          else if (onStack[to]) low[frame.node] = Math.min(low[frame.node]!, index[to]!);
          continue;
        }
        frames.pop();
        const parent = frames.at(-1);
        if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
        if (low[frame.node] === index[frame.node]) {
          const component: number[] = [];
          let member: number;
          do {
            member = stack.pop()!;
            onStack[member] = 0;
            component.push(member);
          } while (member !== frame.node);
          components.push(component);
        }
      }
    }
    return components;
  }

  /** Breadth-first from `start` back to itself inside its component: the shortest loop. */
  #shortestCycle(start: number, members: Set<number>): number[] {
    const parent = new Map<number, number>();
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const next of [...this.#succ[node]!].sort((a, b) => a - b)) {
        if (!members.has(next)) continue;
        if (next === start) {
          const path = [node];
          while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
          return path;
        }
        if (!parent.has(next)) {
          parent.set(next, node);
          queue.push(next);
        }
      }
    }
    return [start];
  }
}

// Two node numbers in one safe integer: room for 2^26 nodes.
function edgeKey(from: number, to: number): number {
  return from * 2 ** 26 + to;
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
