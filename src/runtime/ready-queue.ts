import { priorities } from '../compiler/known.ts';

type Priority = (typeof priorities)[number];

/** What decides the dispatch order of ready tasks of one worker. */
export interface Rank {
  /** Handed out before and handed back without fault: it keeps its place ahead of the rest. */
  requeued: boolean;
  priority: Priority;
  /** Critical-path length from this task: longer first. */
  chain: number;
  /** Position in the plan's `nodes`: the final, total tie-break. */
  index: number;
}

const priorityRank: Record<Priority, number> = Object.fromEntries(priorities.map((p, i) => [p, i])) as Record<Priority, number>;

/**
 * Dispatch order: requeued first, then priority (critical > high > normal > low), then longer
 * chain, then plan order. Negative when `a` goes first.
 */
export function compareRank(a: Rank, b: Rank): number {
  if (a.requeued !== b.requeued) return a.requeued ? -1 : 1;
  const p = priorityRank[b.priority] - priorityRank[a.priority];
  if (p !== 0) return p;
  if (a.chain !== b.chain) return b.chain - a.chain;
  return a.index - b.index;
}

/** A binary min-heap under `less`; iterative, so it scales to any size. */
export class Heap<T> {
  readonly #items: T[] = [];
  readonly #less: (a: T, b: T) => boolean;

  constructor(less: (a: T, b: T) => boolean) {
    this.#less = less;
  }

  get size(): number {
    return this.#items.length;
  }

  peek(): T | undefined {
    return this.#items[0];
  }

  push(item: T): void {
    const items = this.#items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < items.length && this.#less(items[l]!, items[best]!)) best = l;
      if (r < items.length && this.#less(items[r]!, items[best]!)) best = r;
      if (best === i) break;
      [items[i], items[best]] = [items[best]!, items[i]!];
      i = best;
    }
    return top;
  }
}

/**
 * Ready tasks, one heap per worker, best first. Entries are snapshots and are never removed
 * early: a popped entry the caller no longer holds valid (`isCurrent`) is dropped.
 */
export class ReadyQueue<T extends Rank & { worker: string }> {
  readonly #heaps = new Map<string, Heap<T>>();

  push(task: T): void {
    let heap = this.#heaps.get(task.worker);
    if (heap === undefined) {
      heap = new Heap<T>((a, b) => compareRank(a, b) < 0);
      this.#heaps.set(task.worker, heap);
    }
    heap.push(task);
  }

  /** The best current entry of `worker`, removed; stale entries before it are dropped. */
  take(worker: string, isCurrent: (entry: T) => boolean): T | undefined {
    const heap = this.#heaps.get(worker);
    while (heap !== undefined && heap.size > 0) {
      const entry = heap.pop()!;
      if (isCurrent(entry)) return entry;
    }
    return undefined;
  }
}
