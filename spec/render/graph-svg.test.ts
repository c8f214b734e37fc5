import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphModel, GraphNode } from '../../src/compiler/graph-model.ts';
import { renderSvg } from '../../src/render/graph-svg.ts';

const task = (id: string, worker: string): GraphNode => ({ id, kind: 'task', worker });
const edge = (from: string, to: string, kind: GraphEdge['kind'] = 'after', inCycle?: boolean): GraphEdge => ({ from, to, kind, ...(inCycle && { inCycle }) });

// Graphviz writes `-` as &#45; (it may not appear twice in an XML comment) besides the usual entities.
const NAMED: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&', apos: "'" };
const unxml = (s: string) => s.replace(/&(#?\w+);/g, (_, e: string) => (e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : NAMED[e]!));
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unxml(m[1]!));
const nodeTitles = (svg: string) => [...svg.matchAll(/<g id="node\d+" class="node">\s*<title>([^<]*)<\/title>/g)].map((m) => unxml(m[1]!));

const demo: GraphModel = {
  workflow: 'demo',
  workers: ['marie', 'pierre'],
  nodes: [
    task('fetch-data', 'marie'),
    { id: 'plan/split', kind: 'decompose', workers: ['marie', 'pierre'] },
    task('say "hi" <now> & [later] #1', 'pierre'),
    task('end', 'pierre'),
    { id: 'merge', kind: 'synthesize' },
  ],
  edges: [
    edge('fetch-data', 'plan/split'),
    edge('plan/split', 'say "hi" <now> & [later] #1', 'reads'),
    edge('say "hi" <now> & [later] #1', 'end', 'after', true),
    edge('end', 'say "hi" <now> & [later] #1', 'after', true),
    edge('end', 'merge'),
  ],
  cycles: [['say "hi" <now> & [later] #1', 'end']],
};

describe('renderSvg', () => {
  it('renders the DOT through Graphviz into one well-formed-looking SVG document', async () => {
    const { text, collapsed } = await renderSvg(demo);
    expect(collapsed).toBeUndefined();
    expect(text).toMatch(/<svg[\s>]/);
    expect(text.trimEnd().endsWith('</svg>')).toBe(true);
    expect(text.match(/<svg[\s>]/g)).toHaveLength(1);
  });

  it('has a <title> and a label for every node, however its id is spelt', async () => {
    const { text } = await renderSvg(demo, { legend: false });
    const ids = demo.nodes.map((n) => n.id);
    expect(nodeTitles(text)).toEqual(ids);
    for (const id of ids) expect(texts(text)).toContain(id);
  });

  it('keeps labels with backslashes literal', async () => {
    const { text } = await renderSvg({ ...demo, nodes: [task('dir\\name', 'marie')], edges: [], cycles: [] }, { legend: false });
    expect(texts(text)).toEqual(['dir\\name']);
  });

  it('draws the cycle edges red and reads edges dashed', async () => {
    const { text } = await renderSvg(demo);
    expect(text.match(/<path[^>]*stroke="#d62728"/g)).toHaveLength(2);
    expect(text.match(/<path[^>]*stroke-dasharray/g)).toHaveLength(1);
  });

  it('shows the legend of workers', async () => {
    const { text } = await renderSvg(demo);
    expect(texts(text)).toEqual(expect.arrayContaining(['workers', 'marie', 'pierre']));
  });

  it('collapses a graph too large to lay out quickly, and says why', async () => {
    const n = 2_500;
    const nodes = Array.from({ length: n }, (_, i) => task(`t${i}`, ['marie', 'pierre'][i % 2]!));
    const edges = nodes.slice(1).map((node, i) => edge(`t${i}`, node.id));
    const { text, collapsed } = await renderSvg({ ...demo, nodes, edges, cycles: [] });
    expect(collapsed).toMatch(/^2,500 layout cells/);
    expect(nodeTitles(text)).toEqual(['worker:marie', 'worker:pierre']);
    expect(texts(text)).toEqual(expect.arrayContaining(['marie (1250 tasks)', '×1250']));
  });
});
