import { instance, type Viz } from '@viz-js/viz';
import type { GraphModel } from '../compiler/graph-model.ts';
import { renderDotFor, type DotRenderOptions } from './graph-dot.ts';
import type { RenderedGraph } from './graph-mermaid.ts';

/** Graphviz failed on DOT we generated: a bug of ours, not a mistake in the workflow. */
export class GraphRenderError extends Error {
  override name = 'GraphRenderError';
}

// Compiling the WebAssembly module takes a while; do it once per process.
let viz: Promise<Viz> | undefined;

function graphviz(): Promise<Viz> {
  viz ??= instance().catch((error: unknown) => {
    viz = undefined; // let a later call retry rather than cache the failure
    throw error;
  });
  return viz;
}

/**
 * An SVG picture of the workflow, laid out offline by Graphviz compiled to WebAssembly.
 * `auto` collapses graphs too large to lay out in reasonable time.
 */
export async function renderSvg(model: GraphModel, options: DotRenderOptions = {}): Promise<RenderedGraph> {
  const dot = renderDotFor('svg', model, options);
  const engine = await graphviz();
  try {
    return { ...dot, text: engine.renderString(dot.text, { format: 'svg' }) };
  } catch (error) {
    throw new GraphRenderError(`Graphviz could not render the generated DOT: ${String(error)}`, { cause: error });
  }
}
