import type { GraphModel } from '../compiler/graph-model.ts';
import {
  allNodes,
  collapseGraph,
  cycleEdges,
  CYCLE_COLOUR,
  needsCollapse,
  workerColours,
  type DrawnEdge,
  type DrawnGraph,
  type DrawnNode,
  type GraphFormat,
} from './graph-collapse.ts';
import type { GraphRenderOptions, RenderedGraph } from './graph-mermaid.ts';

export interface DotRenderOptions extends GraphRenderOptions {
  /**
   * Draw a box naming each worker's colour (never on a collapsed graph, whose labels name them).
   * @default true
   */
  legend?: boolean;
}

/**
 * A DOT string literal. Escaping the backslash too keeps `\N`, `\l` and a trailing `\` from
 * meaning anything, and is applied to ids and labels alike so every reference matches.
 */
export function quoteDot(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

const attrs = (pairs: Record<string, string | number | undefined>): string => {
  const list = Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? v : quoteDot(v!)}`);
  return list.length === 0 ? '' : ` [${list.join(', ')}]`;
};

const SHAPE = { task: undefined, decompose: 'hexagon', synthesize: 'invhouse' } as const;

/** Graphviz DOT of the workflow; `auto` never collapses, since DOT itself has no size limit. */
export function renderDot(model: GraphModel, options: DotRenderOptions = {}): RenderedGraph {
  return renderDotFor('dot', model, options);
}

/** {@link renderDot} deciding the collapse for the format the DOT will end up as. */
export function renderDotFor(format: GraphFormat, model: GraphModel, options: DotRenderOptions = {}): RenderedGraph {
  const reason = needsCollapse(model, format, { collapse: options.collapse ?? 'auto' });
  if (reason === undefined) return { text: dotText(model, undefined, options.legend ?? true) };
  return { text: dotText(collapseGraph(model), reason, false), collapsed: reason };
}

function nodeLine(node: DrawnNode, colours: Map<string, string>): string {
  const fill = node.worker === undefined ? undefined : colours.get(node.worker);
  const tooltip = [node.worker ?? node.workers?.join(', '), node.summary].filter(Boolean).join(': ');
  return `  ${quoteDot(node.id)}${attrs({
    label: node.label ?? node.id,
    shape: SHAPE[node.kind],
    // Graphviz rounds a polygon's corners but clips edges at the sharp ones, leaving gaps.
    style: node.kind === 'task' ? undefined : 'filled',
    fillcolor: fill ?? (node.kind === 'synthesize' ? '#eeeeee' : undefined),
    tooltip: tooltip === '' ? undefined : tooltip,
  })};`;
}

function edgeLine(edge: DrawnEdge, onCycle: boolean): string {
  const times = (edge.count ?? 1) > 1 ? `×${edge.count}` : undefined;
  const reads = edge.kind === 'reads';
  return `  ${quoteDot(edge.from)} -> ${quoteDot(edge.to)}${attrs({
    style: reads ? 'dashed' : undefined,
    label: reads ? (times === undefined ? 'reads' : `reads ${times}`) : times,
    color: onCycle ? CYCLE_COLOUR : undefined,
    fontcolor: onCycle ? CYCLE_COLOUR : undefined,
    penwidth: onCycle ? 2 : undefined,
  })};`;
}

function legendLines(nodes: DrawnNode[], colours: Map<string, string>): string[] {
  const used = new Set(nodes.map((n) => n.id));
  const lines = ['  subgraph cluster_legend {', '    label="workers"; style=dashed; fontname="Helvetica";'];
  for (const [worker, fill] of colours) {
    let id = `legend:${worker}`;
    while (used.has(id)) id += "'";
    used.add(id);
    lines.push(`    ${quoteDot(id)}${attrs({ label: worker, fillcolor: fill })};`);
  }
  lines.push('  }');
  return lines;
}

function dotText(graph: DrawnGraph, collapsed: string | undefined, legend: boolean): string {
  const nodes = allNodes(graph);
  const colours = workerColours(graph);
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  const lines = [`// swarm graph of workflow ${oneLine(graph.workflow)}: ${nodes.length} nodes, ${graph.edges.length} edges`];
  if (collapsed !== undefined) lines.push(`// collapsed to one node per worker: ${oneLine(collapsed)}`);
  lines.push(
    `digraph ${quoteDot(graph.workflow)} {`,
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];',
    '  edge [color="#555555", fontname="Helvetica", fontsize=10];',
  );
  for (const node of nodes) lines.push(nodeLine(node, colours));
  const onCycle = cycleEdges(graph);
  graph.edges.forEach((edge, i) => lines.push(edgeLine(edge, onCycle[i] === true)));
  if (legend && colours.size > 0) lines.push(...legendLines(nodes, colours));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
