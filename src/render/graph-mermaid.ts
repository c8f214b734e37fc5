import type { GraphModel } from '../compiler/graph-model.ts';
import {
  allNodes,
  collapseGraph,
  cycleEdges,
  CYCLE_COLOUR,
  MERMAID_MAX_EDGES,
  MERMAID_MAX_TEXT,
  needsCollapse,
  workerOrder,
  WORKER_PALETTE,
  type CollapseMode,
  type DrawnEdge,
  type DrawnGraph,
  type DrawnNode,
} from './graph-collapse.ts';

export interface GraphRenderOptions {
  /**
   * `auto` draws one node per worker only when the full graph would not render.
   * @default 'auto'
   */
  collapse?: CollapseMode;
}

/** What `swarm graph` prints, and why it drew less than asked, for its stderr. */
export interface RenderedGraph {
  text: string;
  /** Why the graph was collapsed to one node per worker; absent when it was not. */
  collapsed?: string;
  /** Set when the output is still past a renderer's limit, e.g. with `collapse: 'never'`. */
  warning?: string;
}

/**
 * A Mermaid flowchart of the workflow, collapsed per worker when GitHub would refuse the full
 * one (over {@link MERMAID_MAX_EDGES} edges or {@link MERMAID_MAX_TEXT} characters).
 */
export function renderMermaid(model: GraphModel, options: GraphRenderOptions = {}): RenderedGraph {
  const collapse = options.collapse ?? 'auto';
  let reason = needsCollapse(model, 'mermaid', { collapse });
  if (reason === undefined) {
    const text = mermaidText(model);
    reason = needsCollapse(model, 'mermaid', { collapse, textLength: text.length });
    if (reason === undefined) return withWarning({ text }, model.edges.length);
  }
  const small = collapseGraph(model);
  return withWarning({ text: mermaidText(small, reason), collapsed: reason }, small.edges.length);
}

function withWarning(result: RenderedGraph, edges: number): RenderedGraph {
  const over = [];
  if (edges > MERMAID_MAX_EDGES) over.push(`${edges} edges (limit ${MERMAID_MAX_EDGES})`);
  if (result.text.length > MERMAID_MAX_TEXT) over.push(`${result.text.length} characters (limit ${MERMAID_MAX_TEXT})`);
  if (over.length === 0) return result;
  return { ...result, warning: `GitHub will show "Syntax error" for this Mermaid: ${over.join(' and ')}` };
}

/** Mermaid's own entity syntax (`#quot;`, `#35;`); HTML escapes would be shown literally. */
const ENTITIES: Record<string, string> = {
  '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;',
  '`': '#96;', '[': '#91;', ']': '#93;', '{': '#123;', '}': '#125;', '|': '#124;',
};

/** Text for a quoted Mermaid label: entities for syntax characters, no line breaks. */
export function escapeMermaidLabel(label: string): string {
  return label.replace(/[#"<>&`[\]{}|]/g, (c) => ENTITIES[c]!).replace(/\s+/g, ' ');
}

/**
 * Safe, unique Mermaid ids. The `n_` prefix keeps ids off keywords like `end` and off the
 * `o`/`x` edge heads that `-->oB` would otherwise parse.
 */
function mermaidIds(nodes: DrawnNode[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const { id } of nodes) {
    const base = `n_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let safe = base;
    for (let k = 2; used.has(safe); k++) safe = `${base}_${k}`;
    used.add(safe);
    ids.set(id, safe);
  }
  return ids;
}

const SHAPES = {
  task: ['(', ')'],
  decompose: ['{{', '}}'],
  synthesize: ['[/', '\\]'],
} as const;

function edgeArrow(edge: DrawnEdge): string {
  const times = (edge.count ?? 1) > 1 ? edge.count : undefined;
  if (edge.kind === 'reads') return `-.->|${times === undefined ? 'reads' : `reads ×${times}`}|`;
  return times === undefined ? '-->' : `-->|×${times}|`;
}

function mermaidText(graph: DrawnGraph, collapsed?: string): string {
  const nodes = allNodes(graph);
  const ids = mermaidIds(nodes);
  const classOf = new Map(workerOrder(graph).map((w, i) => [w, `w${i}`]));
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  const lines = [
    'flowchart LR',
    `  %% swarm graph of workflow ${oneLine(graph.workflow)}: ${nodes.length} nodes, ${graph.edges.length} edges`,
  ];
  if (collapsed !== undefined) lines.push(`  %% collapsed to one node per worker: ${oneLine(collapsed)}`);
  for (const [worker, cls] of classOf) {
    const fill = WORKER_PALETTE[Number(cls.slice(1)) % WORKER_PALETTE.length];
    lines.push(`  classDef ${cls} fill:${fill},stroke:#333,color:#000`);
    lines.push(`  %% ${cls} = worker ${oneLine(worker)}`);
  }
  lines.push('  classDef decompose fill:#fff,stroke:#333,stroke-width:2px,color:#000');
  lines.push('  classDef synthesize fill:#eee,stroke:#333,stroke-width:2px,color:#000');

  for (const node of nodes) {
    const [open, close] = SHAPES[node.kind];
    const cls = node.kind === 'task' ? (node.worker === undefined ? undefined : classOf.get(node.worker)) : node.kind;
    const label = escapeMermaidLabel(node.label ?? node.id);
    lines.push(`  ${ids.get(node.id)}${open}"${label}"${close}${cls === undefined ? '' : `:::${cls}`}`);
  }

  // linkStyle counts links in the order they are written, so one line per edge, in model order.
  const onCycle = cycleEdges(graph);
  const red: number[] = [];
  graph.edges.forEach((edge, i) => {
    lines.push(`  ${ids.get(edge.from)} ${edgeArrow(edge)} ${ids.get(edge.to)}`);
    if (onCycle[i]) red.push(i);
  });
  if (red.length > 0) lines.push(`  linkStyle ${red.join(',')} stroke:${CYCLE_COLOUR},stroke-width:3px`);
  return `${lines.join('\n')}\n`;
}
