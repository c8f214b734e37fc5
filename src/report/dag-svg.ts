import { money } from '../render/run-log.ts';
import { layeredLayout, type Placed } from './dag-layout.ts';
import { esc, px, statusClass, textWidth } from './html.ts';
import type { TaskRow } from './report-schema.ts';

const boxHeight = 40;
const arrowDefs = '<defs><marker id="arrow" viewBox="0 0 10 10" refX="4" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path class="arrow" d="M0 0 L10 5 L0 10 z"/></marker></defs>';
const margin = 8;

/**
 * The run's tasks as a left-to-right graph, each box coloured by the task's status and
 * naming its worker; hover a box for its attempts and cost.
 */
export function renderDag(tasks: readonly TaskRow[]): string {
  if (tasks.length === 0) return '<p class="empty">The plan has no tasks.</p>';
  const layout = layeredLayout(
    tasks.map((t) => ({ id: t.id, after: t.after, width: Math.max(96, textWidth(t.id, 13) + 24, textWidth(`${t.worker} · ${t.status}`, 11) + 24) })),
    { height: boxHeight, gapX: 48, gapY: 14 },
  );
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const edges = layout.edges.map(({ from, to }) => edgePath(from, to));
  const boxes = layout.nodes.map((p) => box(p, byId.get(p.id)!));
  const w = layout.width + 2 * margin;
  const h = layout.height + 2 * margin;
  return `<svg class="dag" viewBox="0 0 ${px(w)} ${px(h)}" width="${px(w)}" role="img" aria-label="Task graph, coloured by status">${arrowDefs}<g transform="translate(${margin} ${margin})">${edges.join('')}${boxes.join('')}</g></svg>`;
}

function edgePath(from: Placed, to: Placed): string {
  const x1 = from.x + from.width;
  const y1 = from.y + boxHeight / 2;
  const x2 = to.x;
  const y2 = to.y + boxHeight / 2;
  const bend = (x2 - x1) / 2;
  return `<path class="edge" d="M${px(x1)} ${px(y1)} C${px(x1 + bend)} ${px(y1)} ${px(x2 - bend)} ${px(y2)} ${px(x2 - 6)} ${px(y2)}" marker-end="url(#arrow)"/>`;
}

function box(p: Placed, t: TaskRow): string {
  const tip = [`${t.id} (${t.worker}): ${t.status}`, `${t.attempts} attempt${t.attempts === 1 ? '' : 's'}, ${money(t.cost_usd)}`, t.error && `${t.error.kind}: ${t.error.message}`, t.because && `skipped: \`${t.because}\` did not finish`]
    .filter(Boolean)
    .join('\n');
  return (
    `<g class="node ${statusClass('s', t.status)}"><title>${esc(tip)}</title>` +
    `<rect x="${px(p.x)}" y="${px(p.y)}" width="${px(p.width)}" height="${boxHeight}" rx="6"/>` +
    `<text class="node-id" x="${px(p.x + 10)}" y="${px(p.y + 17)}">${esc(t.id)}</text>` +
    `<text class="node-sub" x="${px(p.x + 10)}" y="${px(p.y + 32)}">${esc(`${t.worker} · ${t.status}`)}</text></g>`
  );
}
