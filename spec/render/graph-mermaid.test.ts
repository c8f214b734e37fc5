import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphModel, GraphNode } from '../../src/compiler/graph-model.ts';
import { WORKER_PALETTE } from '../../src/render/graph-collapse.ts';
import { renderMermaid } from '../../src/render/graph-mermaid.ts';
import { seeded } from '../support/property.ts';

const task = (id: string, worker: string): GraphNode => ({ id, kind: 'task', worker });
const edge = (from: string, to: string, kind: GraphEdge['kind'] = 'after', inCycle?: boolean): GraphEdge => ({ from, to, kind, ...(inCycle && { inCycle }) });
const model = (nodes: GraphNode[], edges: GraphEdge[], cycles: string[][] = []): GraphModel => ({
  workflow: 'demo',
  workers: [...new Set(nodes.flatMap((n) => (n.worker === undefined ? [] : [n.worker])))],
  nodes,
  edges,
  cycles,
});

// What a reader of the Mermaid source sees: declarations, edges and linkStyle lines.
const DECLARATION = /^ {2}(n_\w+)(\(|\{\{|\[\/)"([^"]*)"(\)|\}\}|\\\])(?::::(\w+))?$/;
const EDGE = /^ {2}(n_\w+) (-->|-->\|[^|]*\||-\.->\|[^|]*\|) (n_\w+)$/;
const NAMED: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
const decode = (label: string) => label.replace(/#(\w+);/g, (_, e: string) => NAMED[e] ?? String.fromCharCode(Number(e)));

function parse(text: string) {
  const lines = text.split('\n');
  const nodes = lines.flatMap((l) => {
    const m = DECLARATION.exec(l);
    return m ? [{ id: m[1]!, open: m[2]!, label: decode(m[3]!), rawLabel: m[3]!, cls: m[5] }] : [];
  });
  const labelOf = new Map(nodes.map((n) => [n.id, n.label]));
  const edges = lines.flatMap((l) => {
    const m = EDGE.exec(l);
    return m ? [{ from: labelOf.get(m[1]!), arrow: m[2]!, to: labelOf.get(m[3]!) }] : [];
  });
  const red = lines.find((l) => l.startsWith('  linkStyle '))?.split(' ')[3]?.split(',').map(Number) ?? [];
  return { lines, nodes, edges, red, byLabel: new Map(nodes.map((n) => [n.label, n])) };
}

describe('renderMermaid', () => {
  const demo = model(
    [
      task('fetch-data', 'marie'),
      { id: 'plan/split', kind: 'decompose', workers: ['marie', 'pierre'] },
      task('write/part-1', 'pierre'),
      task('write/part-2', 'pierre'),
      { id: 'merge', kind: 'synthesize' },
    ],
    [
      edge('fetch-data', 'plan/split'),
      edge('plan/split', 'write/part-1', 'reads'),
      edge('write/part-1', 'write/part-2', 'after', true),
      edge('write/part-2', 'write/part-1', 'after', true),
      edge('write/part-2', 'merge'),
    ],
    [['write/part-1', 'write/part-2']],
  );
  const out = renderMermaid(demo);
  const seen = parse(out.text);

  it('writes a left-to-right flowchart with a comment header, whole when small', () => {
    expect(seen.lines[0]).toBe('flowchart LR');
    expect(seen.lines[1]).toMatch(/^ {2}%% swarm graph of workflow demo: 5 nodes, 5 edges$/);
    expect(out.collapsed).toBeUndefined();
    expect(out.warning).toBeUndefined();
  });

  it('draws tasks rounded, decompose as a hexagon and synthesize as a trapezoid', () => {
    expect(seen.byLabel.get('fetch-data')?.open).toBe('(');
    expect(seen.byLabel.get('plan/split')?.open).toBe('{{');
    expect(seen.byLabel.get('merge')?.open).toBe('[/');
  });

  it('keeps ids with - and / as labels behind safe Mermaid ids', () => {
    expect(seen.nodes.map((n) => n.label)).toEqual(demo.nodes.map((n) => n.id));
    expect(seen.byLabel.get('write/part-1')?.id).toBe('n_write_part_1');
    const clash = parse(renderMermaid(model([task('a-b', 'x'), task('a_b', 'x'), task('end', 'x')], [])).text);
    expect(clash.nodes.map((n) => n.id)).toEqual(['n_a_b', 'n_a_b_2', 'n_end']);
  });

  it('colours tasks by worker, in worker order, from the palette', () => {
    expect(out.text).toContain(`classDef w0 fill:${WORKER_PALETTE[0]},`);
    expect(out.text).toContain(`classDef w1 fill:${WORKER_PALETTE[1]},`);
    expect(seen.nodes.map((n) => n.cls)).toEqual(['w0', 'decompose', 'w1', 'w1', 'synthesize']);
  });

  it('draws after edges solid and reads edges dotted with a label', () => {
    expect(seen.edges.map((e) => e.arrow)).toEqual(['-->', '-.->|reads|', '-->', '-->', '-->']);
  });

  it('styles exactly the edges on the cycle red and thick, by their link index', () => {
    expect(out.text).toMatch(/linkStyle 2,3 stroke:#d62728,stroke-width:3px/);
    expect(seen.red.map((i) => seen.edges[i])).toEqual([
      { from: 'write/part-1', arrow: '-->', to: 'write/part-2' },
      { from: 'write/part-2', arrow: '-->', to: 'write/part-1' },
    ]);
  });

  it('escapes quotes, brackets, # and < in labels with Mermaid entities', () => {
    const nasty = 'say "hi" [now] #1 <b>{x}|`&';
    const node = parse(renderMermaid(model([task(nasty, 'x')], [])).text).nodes[0]!;
    expect(node.rawLabel).not.toMatch(/["[\]<>{}|`]/);
    expect(node.rawLabel).toContain('#quot;hi#quot;');
    expect(node.label).toBe(nasty);
  });

  const wide = (edges: number, idLength = 4): GraphModel => {
    const pad = (s: string) => s.padEnd(idLength, '-');
    const workers = ['marie', 'pierre', 'irene'];
    const nodes = Array.from({ length: edges + 1 }, (_, i) => task(pad(`t${i}`), workers[i % 3]!));
    return model(nodes, Array.from({ length: edges }, (_, i) => edge(pad(`t${i % 40}`), pad(`t${i + 1}`), i % 2 ? 'reads' : 'after')));
  };

  it('collapses 600 edges per worker, says why, and ends up under both GitHub limits', () => {
    const big = renderMermaid(wide(600));
    expect(big.collapsed).toBe("600 edges exceed GitHub's Mermaid limit of 500");
    expect(big.warning).toBeUndefined();
    const small = parse(big.text);
    expect(small.lines[2]).toBe(`  %% collapsed to one node per worker: ${big.collapsed}`);
    expect(small.nodes.map((n) => n.label)).toEqual(['marie (201 tasks)', 'pierre (200 tasks)', 'irene (200 tasks)']);
    expect(small.edges.length).toBeLessThanOrEqual(500);
    expect(big.text.length).toBeLessThanOrEqual(50_000);
    // Every ordered pair of the 3 workers, once per edge kind, with how many edges it merges.
    expect(small.edges).toHaveLength(12);
    expect(small.edges[0]).toEqual({ from: 'marie (201 tasks)', arrow: '-->|×35|', to: 'pierre (200 tasks)' });
    expect(small.edges[1]).toEqual({ from: 'pierre (200 tasks)', arrow: '-.->|reads ×35|', to: 'irene (200 tasks)' });
  });

  it('collapses a graph whose text alone is past 50,000 characters', () => {
    const big = renderMermaid(wide(400, 80));
    expect(big.collapsed).toMatch(/^\d{2,3},\d{3} characters of Mermaid exceed GitHub's limit of 50,000$/);
  });

  it('draws every edge with never, and warns that GitHub will not', () => {
    const big = renderMermaid(wide(600), { collapse: 'never' });
    expect(big.collapsed).toBeUndefined();
    expect(parse(big.text).edges).toHaveLength(600);
    expect(big.warning).toMatch(/Syntax error.*600 edges \(limit 500\)/);
  });

  it('collapses a small graph with always', () => {
    const small = renderMermaid(demo, { collapse: 'always' });
    expect(small.collapsed).toBe('collapse was requested');
    expect(parse(small.text).nodes.map((n) => n.label)).toEqual(['marie (1 task)', 'plan/split', 'pierre (2 tasks)', 'merge']);
    expect(parse(small.text).red).toEqual([2]);
  });
});

/** Random DAGs: mostly tasks of up to 6 workers, a few decompose and synthesize nodes. */
const dags = fc
  .uniqueArray(fc.string({ unit: fc.constantFrom(...'ab09-/_"[#<'), minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 120, size: 'max' })
  .chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      workers: fc.array(fc.nat(5), { minLength: ids.length, maxLength: ids.length }),
      special: fc.uniqueArray(fc.tuple(fc.nat(ids.length - 1), fc.constantFrom('decompose' as const, 'synthesize' as const)), { maxLength: 4, selector: ([i]) => i }),
      edges: fc.array(fc.tuple(fc.nat(ids.length - 1), fc.nat(ids.length - 1), fc.boolean()), { maxLength: 700, size: 'max' }),
    }),
  )
  .map(({ ids, workers, special, edges }): GraphModel => {
    const kinds = new Map(special);
    const nodes = ids.map((id, i): GraphNode => {
      const kind = kinds.get(i);
      return kind === undefined ? task(id, `w${workers[i]}`) : { id, kind };
    });
    // Pointing every edge from the lower index to the higher keeps the graph acyclic.
    const dagEdges = edges
      .filter(([a, b]) => a !== b)
      .map(([a, b, r]) => edge(ids[Math.min(a, b)]!, ids[Math.max(a, b)]!, r ? 'reads' : 'after'));
    return model(nodes, dagEdges);
  });

describe('renderMermaid on random DAGs', () => {
  it('declares every node exactly once and writes one edge line per edge', () => {
    fc.assert(
      fc.property(dags, (m) => {
        const seen = parse(renderMermaid(m, { collapse: 'never' }).text);
        expect(seen.nodes.map((n) => n.label).sort()).toEqual(m.nodes.map((n) => n.id).sort());
        expect(seen.edges.map((e) => [e.from, e.to])).toEqual(m.edges.map((e) => [e.from, e.to]));
      }),
      seeded(100),
    );
  });

  it('stays within GitHub limits with auto, collapsing only when needed', () => {
    let collapsed = 0;
    fc.assert(
      fc.property(dags, (m) => {
        const out = renderMermaid(m);
        if (out.collapsed !== undefined) collapsed++;
        expect(parse(out.text).edges.length).toBeLessThanOrEqual(500);
        expect(out.text.length).toBeLessThanOrEqual(50_000);
        expect(out.warning).toBeUndefined();
        expect(out.collapsed !== undefined).toBe(m.edges.length > 500);
      }),
      seeded(100),
    );
    expect(collapsed).toBeGreaterThan(0);
  });
});
