import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphModel, GraphNode } from '../../src/compiler/graph-model.ts';
import { WORKER_PALETTE } from '../../src/render/graph-collapse.ts';
import { quoteDot, renderDot } from '../../src/render/graph-dot.ts';

const task = (id: string, worker: string, summary?: string): GraphNode => ({ id, kind: 'task', worker, ...(summary && { summary }) });
const edge = (from: string, to: string, kind: GraphEdge['kind'] = 'after', inCycle?: boolean): GraphEdge => ({ from, to, kind, ...(inCycle && { inCycle }) });

const demo: GraphModel = {
  workflow: 'release "v2"',
  workers: ['marie', 'pierre'],
  nodes: [
    task('fetch-data', 'marie', 'Fetch the "raw" data'),
    { id: 'plan/split', kind: 'decompose', workers: ['marie', 'pierre'] },
    task('write/part-1', 'pierre'),
    task('write/part-2', 'pierre'),
    { id: 'merge', kind: 'synthesize' },
  ],
  edges: [
    edge('fetch-data', 'plan/split'),
    edge('plan/split', 'write/part-1', 'reads'),
    edge('write/part-1', 'write/part-2', 'after', true),
    edge('write/part-2', 'write/part-1', 'after', true),
    edge('write/part-2', 'merge'),
  ],
  cycles: [['write/part-1', 'write/part-2']],
};

/** The attribute list written after a node or edge statement. */
function statement(text: string, head: string): string {
  const line = text.split('\n').find((l) => l.startsWith(`  ${head} [`) || l === `  ${head};`);
  if (line === undefined) throw new Error(`no statement ${head} in\n${text}`);
  return line;
}

describe('renderDot', () => {
  const { text, collapsed } = renderDot(demo);

  it('lays out left to right in a digraph named after the workflow', () => {
    expect(text.split('\n')[0]).toBe('// swarm graph of workflow release "v2": 5 nodes, 5 edges');
    expect(text).toContain('digraph "release \\"v2\\"" {\n  rankdir=LR;');
    expect(text.trimEnd().endsWith('}')).toBe(true);
    expect(collapsed).toBeUndefined();
  });

  it('gives each kind its shape and each worker its palette colour', () => {
    expect(statement(text, '"fetch-data"')).toContain(`fillcolor="${WORKER_PALETTE[0]}"`);
    expect(statement(text, '"write/part-1"')).toContain(`fillcolor="${WORKER_PALETTE[1]}"`);
    expect(statement(text, '"plan/split"')).toContain('shape="hexagon"');
    expect(statement(text, '"merge"')).toContain('shape="invhouse"');
    expect(statement(text, '"fetch-data"')).toContain('tooltip="marie: Fetch the \\"raw\\" data"');
  });

  it('dashes reads edges and draws cycle edges red and thick', () => {
    expect(statement(text, '"plan/split" -> "write/part-1"')).toContain('style="dashed", label="reads"');
    expect(statement(text, '"fetch-data" -> "plan/split"')).toBe('  "fetch-data" -> "plan/split";');
    for (const head of ['"write/part-1" -> "write/part-2"', '"write/part-2" -> "write/part-1"']) {
      expect(statement(text, head)).toContain('color="#d62728", fontcolor="#d62728", penwidth=2');
    }
    expect(statement(text, '"write/part-2" -> "merge"')).not.toContain('#d62728');
  });

  it('adds a legend naming each worker in its colour, unless told not to', () => {
    expect(text).toContain('subgraph cluster_legend {');
    expect(text).toContain(`\n    "legend:pierre" [label="pierre", fillcolor="${WORKER_PALETTE[1]}"];\n`);
    expect(renderDot(demo, { legend: false }).text).not.toContain('cluster_legend');
  });

  it('never collapses on auto, since DOT has no size limit', () => {
    const edges = Array.from({ length: 700 }, (_, i) => edge('root', `t${i}`));
    const big = renderDot({ ...demo, nodes: [task('root', 'marie'), ...edges.map((e) => task(e.to, 'pierre'))], edges });
    expect(big.collapsed).toBeUndefined();
    expect(big.text.match(/ -> /g)).toHaveLength(700);
  });

  it('collapses on always, without a legend since the labels name the workers', () => {
    const small = renderDot(demo, { collapse: 'always' });
    expect(small.collapsed).toBe('collapse was requested');
    expect(small.text).toContain('// collapsed to one node per worker: collapse was requested');
    expect(statement(small.text, '"worker:pierre"')).toContain('label="pierre (2 tasks)"');
    expect(statement(small.text, '"worker:pierre" -> "worker:pierre"')).toContain('label="×2", color="#d62728"');
    expect(small.text).not.toContain('cluster_legend');
  });
});

describe('quoteDot', () => {
  it('escapes quotes, backslashes and newlines so no id or label can end its string early', () => {
    expect(quoteDot('a"b')).toBe('"a\\"b"');
    expect(quoteDot('ends in \\')).toBe('"ends in \\\\"');
    expect(quoteDot('\\N two\nlines')).toBe('"\\\\N two\\nlines"');
  });
});
