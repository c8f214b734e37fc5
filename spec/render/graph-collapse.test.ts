import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphModel, GraphNode } from '../../src/compiler/graph-model.ts';
import {
  collapseGraph,
  cycleEdges,
  layoutCells,
  needsCollapse,
  WORKER_PALETTE,
  workerColours,
} from '../../src/render/graph-collapse.ts';

const task = (id: string, worker: string): GraphNode => ({ id, kind: 'task', worker });
const after = (from: string, to: string, inCycle?: boolean): GraphEdge => ({ from, to, kind: 'after', ...(inCycle && { inCycle }) });
const reads = (from: string, to: string): GraphEdge => ({ from, to, kind: 'reads' });
const model = (nodes: GraphNode[], edges: GraphEdge[], extra: Partial<GraphModel> = {}): GraphModel => ({
  workflow: 'wf',
  workers: [...new Set(nodes.flatMap((n) => (n.worker === undefined ? [] : [n.worker])))],
  nodes,
  edges,
  cycles: [],
  ...extra,
});

/** A chain of `n` tasks shared round-robin between two workers. */
const chain = (n: number): GraphModel =>
  model(
    Array.from({ length: n }, (_, i) => task(`t${i}`, i % 2 === 0 ? 'marie' : 'pierre')),
    Array.from({ length: n - 1 }, (_, i) => after(`t${i}`, `t${i + 1}`)),
  );

describe('collapseGraph', () => {
  const fanOut = model(
    [
      { id: 'split', kind: 'decompose', workers: ['marie'] },
      task('a', 'marie'), task('b', 'marie'), task('c', 'marie'), task('d', 'pierre'),
      { id: 'merge', kind: 'synthesize' },
    ],
    [after('split', 'a'), after('split', 'b'), after('split', 'c'), after('a', 'b'), reads('a', 'd'), reads('b', 'd'), after('c', 'd'), after('d', 'merge')],
  );

  it('draws one node per worker, labelled with its task count, and keeps decompose and synthesize nodes', () => {
    const small = collapseGraph(fanOut);
    expect(small.nodes.map((n) => [n.id, n.kind, n.label])).toEqual([
      ['split', 'decompose', undefined],
      ['worker:marie', 'task', 'marie (3 tasks)'],
      ['worker:pierre', 'task', 'pierre (1 task)'],
      ['merge', 'synthesize', undefined],
    ]);
  });

  it('merges edges per endpoints and kind with a count, and drops edges inside a group', () => {
    const edges = collapseGraph(fanOut).edges.map((e) => `${e.from} ${e.kind} ${e.to} ×${e.count}`);
    expect(edges).toEqual([
      'split after worker:marie ×3',
      'worker:marie reads worker:pierre ×2',
      'worker:marie after worker:pierre ×1',
      'worker:pierre after merge ×1',
    ]);
  });

  it('marks a merged edge as on a cycle when any edge it stands for was', () => {
    const m = model([task('a', 'x'), task('b', 'x'), task('c', 'y')], [after('a', 'c'), after('b', 'c', true), after('c', 'b', true)], {
      cycles: [['b', 'c']],
    });
    const small = collapseGraph(m);
    expect(small.edges).toEqual([
      { from: 'worker:x', to: 'worker:y', kind: 'after', count: 2, inCycle: true },
      { from: 'worker:y', to: 'worker:x', kind: 'after', count: 1, inCycle: true },
    ]);
    expect(small.cycles).toEqual([['worker:x', 'worker:y']]);
  });

  it('keeps a cycle among one worker\'s tasks visible as a self-loop on that worker', () => {
    const m = model([task('a', 'x'), task('b', 'x'), task('c', 'x')], [after('a', 'b'), after('b', 'c', true), after('c', 'b', true)], {
      cycles: [['b', 'c']],
    });
    const small = collapseGraph(m);
    expect(small.edges).toEqual([{ from: 'worker:x', to: 'worker:x', kind: 'after', count: 2, inCycle: true }]);
    expect(small.cycles).toEqual([['worker:x']]);
  });

  it('never gives a worker group the id of a kept node', () => {
    const m = model([{ id: 'worker:x', kind: 'decompose' }, task('a', 'x')], [after('worker:x', 'a')]);
    const ids = collapseGraph(m).nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(2);
    expect(collapseGraph(m).edges).toEqual([{ from: 'worker:x', to: "worker:x'", kind: 'after', count: 1 }]);
  });

  it('groups tasks without a worker, and edge ends that name no node, as unassigned', () => {
    const m = model([{ id: 'lonely', kind: 'task' }], [after('lonely', 'ghost')]);
    expect(collapseGraph(m).nodes).toEqual([{ id: 'unassigned', kind: 'task', tasks: 2, label: 'no worker (2 tasks)' }]);
  });
});

describe('cycleEdges', () => {
  it('takes the inCycle flag, or else the reported cycle paths, in either direction', () => {
    const m = model([task('a', 'x'), task('b', 'x'), task('c', 'x'), task('d', 'x')], [after('a', 'b'), after('b', 'c'), after('c', 'b'), after('c', 'd', true)], {
      cycles: [['b', 'c']],
    });
    expect(cycleEdges(m)).toEqual([false, true, true, true]);
  });
});

describe('needsCollapse', () => {
  const wide = model([task('a', 'x'), ...Array.from({ length: 612 }, (_, i) => task(`t${i}`, 'x'))], Array.from({ length: 612 }, (_, i) => after('a', `t${i}`)));

  it('says why a Mermaid graph is collapsed', () => {
    expect(needsCollapse(wide, 'mermaid')).toBe("612 edges exceed GitHub's Mermaid limit of 500");
    expect(needsCollapse(chain(3), 'mermaid', { textLength: 61_234 })).toBe("61,234 characters of Mermaid exceed GitHub's limit of 50,000");
    expect(needsCollapse(chain(3), 'mermaid', { textLength: 50_000 })).toBeUndefined();
  });

  it('follows never and always whatever the size', () => {
    expect(needsCollapse(wide, 'mermaid', { collapse: 'never' })).toBeUndefined();
    expect(needsCollapse(chain(2), 'dot', { collapse: 'always' })).toBe('collapse was requested');
  });

  it('leaves DOT whole, and collapses SVG only when Graphviz would take too long', () => {
    expect(needsCollapse(wide, 'dot')).toBeUndefined();
    expect(needsCollapse(wide, 'svg')).toBeUndefined();
    expect(needsCollapse(chain(2_500), 'svg')).toMatch(/^2,500 layout cells .* exceed the 2,000/);
  });
});

describe('layoutCells', () => {
  it('counts a node per rank that a long edge crosses', () => {
    expect(layoutCells(chain(5))).toBe(5);
    expect(layoutCells({ ...chain(5), edges: [...chain(5).edges, after('t0', 't4')] })).toBe(5 + 3);
  });

  it('walks a 100,000-task chain, and a cycle, without overflowing or looping', () => {
    expect(layoutCells(chain(100_000))).toBe(100_000);
    expect(layoutCells({ ...chain(3), edges: [...chain(3).edges, after('t2', 't0')] })).toBe(3);
  });
});

describe('workerColours', () => {
  it('colours workers by declaration order, then workers only tasks name', () => {
    const m = model([task('a', 'zed'), task('b', 'amy'), task('c', 'new')], [], { workers: ['amy', 'zed'] });
    expect([...workerColours(m)]).toEqual([
      ['amy', WORKER_PALETTE[0]],
      ['zed', WORKER_PALETTE[1]],
      ['new', WORKER_PALETTE[2]],
    ]);
  });
});
