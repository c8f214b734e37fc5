import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DependencyGraph } from '../../src/compiler/graph.ts';
import { seeded } from '../support/property.ts';

const at = { start: 0, end: 0 };

function graphOf(n: number, edges: [number, number][]): DependencyGraph {
  const g = new DependencyGraph();
  for (let i = 0; i < n; i++) g.addNode(`n${i}`);
  for (const [a, b] of edges) g.addEdge(`n${a}`, `n${b}`, at);
  return g;
}

// Edges point from a lower to a higher index, so every generated graph is acyclic. (Mapping, not
// filtering: a filter that can never pass, as for n = 1, makes fast-check search forever.)
const dags = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc
      .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n })
      .map((pairs) => pairs.filter(([a, b]) => a !== b).map(([a, b]): [number, number] => (a < b ? [a, b] : [b, a]))),
  ),
);
const anyGraphs = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n })));

describe('DependencyGraph', () => {
  it('orders a 100,000-node chain without overflowing the stack', () => {
    const n = 100_000;
    const g = graphOf(n, Array.from({ length: n - 1 }, (_, i): [number, number] => [i, i + 1]));
    const order = g.topologicalOrder()!;
    expect(order).toHaveLength(n);
    expect(order[0]).toBe('n0');
    expect(order.at(-1)).toBe(`n${n - 1}`);
    expect(g.cycles()).toEqual([]);
    expect(g.criticalPath(order)).toHaveLength(n);
    expect(g.chainLengths(order).get('n0')).toBe(n);
    expect(g.isAncestor('n0', `n${n - 1}`)).toBe(true);
  });

  it('finds the cycle closing a 100,000-node chain and reports it from its earliest node', () => {
    const n = 100_000;
    const edges = Array.from({ length: n - 1 }, (_, i): [number, number] => [i, i + 1]);
    edges.push([n - 1, n - 3]);
    const g = graphOf(n, edges);
    expect(g.topologicalOrder()).toBeUndefined();
    expect(g.cycles()).toEqual([[`n${n - 3}`, `n${n - 2}`, `n${n - 1}`]]);
  });

  it('reports a self-loop as a cycle of one', () => {
    expect(graphOf(2, [[1, 1]]).cycles()).toEqual([['n1']]);
  });

  it('puts every node after all of its dependencies, for any DAG', () => {
    fc.assert(
      fc.property(dags, ([n, edges]) => {
        const g = graphOf(n, edges);
        const order = g.topologicalOrder()!;
        const index = new Map(order.map((id, i) => [id, i]));
        expect(order).toHaveLength(n);
        for (const [a, b] of edges) expect(index.get(`n${a}`)!).toBeLessThan(index.get(`n${b}`)!);
        expect(g.cycles()).toEqual([]);
      }),
      seeded(300),
    );
  });

  it('reports cycles exactly when no topological order exists, each a real loop of edges', () => {
    fc.assert(
      fc.property(anyGraphs, ([n, edges]) => {
        const g = graphOf(n, edges);
        const edgeSet = new Set(edges.map(([a, b]) => `n${a}>n${b}`));
        const cycles = g.cycles();
        expect(cycles.length === 0).toBe(g.topologicalOrder() !== undefined);
        for (const cycle of cycles) {
          expect(new Set(cycle).size).toBe(cycle.length);
          cycle.forEach((id, i) => expect(edgeSet.has(`${id}>${cycle[(i + 1) % cycle.length]}`)).toBe(true));
        }
      }),
      seeded(300),
    );
  });

  it('agrees with a reference transitive closure on ancestry', () => {
    fc.assert(
      fc.property(dags, ([n, edges]) => {
        const g = graphOf(n, edges);
        const order = g.topologicalOrder()!;
        const topo = new Map(order.map((id, i) => [id, i]));
        const reach = Array.from({ length: n }, () => new Set<number>());
        for (let i = n - 1; i >= 0; i--) {
          for (const [a, b] of edges) if (a === i) reach[i]!.add(b), reach[b]!.forEach((x) => reach[i]!.add(x));
        }
        for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) expect(g.isAncestor(`n${a}`, `n${b}`, topo)).toBe(reach[a]!.has(b));
      }),
      seeded(100),
    );
  });
});
