import { describe, expect, it } from 'vitest';
import { layeredLayout, type LayoutInput } from '../../src/report/dag-layout.ts';

const options = { height: 40, gapX: 48, gapY: 14 };
const node = (id: string, after: string[] = [], width = 100): LayoutInput => ({ id, after, width });

describe('layeredLayout', () => {
  it('puts every task in a column right of all it runs after, and none overlapping', () => {
    const layout = layeredLayout([node('join', ['left', 'right']), node('root'), node('left', ['root'], 160), node('right', ['root']), node('late', ['join', 'root'])], options);
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(layout.nodes.map((n) => [n.id, n.layer])).toEqual([['join', 2], ['root', 0], ['left', 1], ['right', 1], ['late', 3]]);
    for (const { from, to } of layout.edges) expect(from.x + from.width).toBeLessThan(to.x);
    // A column is as wide as its widest box.
    expect(at.get('right')!.width).toBe(160);
    const boxes = layout.nodes.map((n) => [n.x, n.y, n.x + n.width, n.y + options.height] as const);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1]).toBe(true);
    }
    expect(layout.width).toBe(at.get('late')!.x + 100);
  });

  it('orders a column by where its upstreams sit, so lines do not cross needlessly', () => {
    const layout = layeredLayout([node('a'), node('b'), node('under-b', ['b']), node('under-a', ['a'])], options);
    const y = new Map(layout.nodes.map((n) => [n.id, n.y]));
    expect(y.get('under-a')).toBeLessThan(y.get('under-b')!);
  });

  it('lays out a 100,000-task chain without overflowing the stack', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => node(`t${i}`, i === 0 ? [] : [`t${i - 1}`], 60));
    const layout = layeredLayout(chain, options);
    expect(layout.nodes.at(-1)!.layer).toBe(99_999);
    expect(layout.edges).toHaveLength(99_999);
  });
});
