import { duration } from '../render/run-report.ts';
import { attrs, esc, px, statusClass, textWidth } from './html.ts';
import type { ReportData, Span } from './report-schema.ts';

const width = 960;
const labelWidth = 150;
const laneHeight = 22;
const axisHeight = 26;
const fontSize = 11;

interface Bar {
  task: string;
  span: Span;
  from: number;
  to: number;
  /** When it was queued, if before it started: drawn as a thin line. */
  queuedFrom: number;
}

/**
 * Every attempt as a bar on a time line, one band per worker; a worker running tasks side by
 * side gets a lane for each. A bar's colour is how the attempt ended; its tooltip says why.
 */
export function renderGantt(data: ReportData): string {
  const bars = data.tasks.flatMap((t) => t.spans.map((span) => ({ task: t.id, worker: t.worker, span })));
  if (bars.length === 0) return '<p class="empty">No attempt was queued yet.</p>';
  const t0 = Date.parse(data.run.started_at);
  const times = bars.flatMap(({ span }) => [span.queued_at, span.started_at, span.ended_at]).concat(data.run.ended_at);
  const latest = times.reduce((most, at) => (at === undefined ? most : Math.max(most, Date.parse(at))), t0);
  // An attempt still out runs to the last thing the journal saw.
  const toBar = (task: string, span: Span): Bar => {
    const queued = Date.parse(span.queued_at);
    const from = span.started_at === undefined ? queued : Date.parse(span.started_at);
    return { task, span, from, to: span.ended_at === undefined ? latest : Date.parse(span.ended_at), queuedFrom: queued };
  };
  const length = Math.max(latest - t0, 1000);
  const plot = width - labelWidth - 28;
  const x = (t: number) => labelWidth + ((t - t0) / length) * plot;

  const out: string[] = [];
  let y = axisHeight;
  data.workers.forEach((w, i) => {
    const lanes = toLanes(bars.filter((b) => b.worker === w.worker).map((b) => toBar(b.task, b.span)));
    const bandHeight = Math.max(1, lanes.length) * laneHeight;
    out.push(`<rect class="band${i % 2 ? ' odd' : ''}" x="0" y="${px(y)}" width="${width}" height="${px(bandHeight)}"/>`);
    out.push(`<text class="lane-label" x="6" y="${px(y + laneHeight / 2 + 4)}">${esc(w.worker)}</text>`);
    lanes.forEach((lane, l) => {
      lane.forEach((bar, b) => out.push(barSvg(bar, x, y + l * laneHeight, lane[b + 1] === undefined ? width : x(lane[b + 1]!.queuedFrom))));
    });
    y += bandHeight;
  });
  const axis = ticks(length).map((ms) => {
    const tx = px(x(t0 + ms));
    return `<line class="tick" x1="${tx}" x2="${tx}" y1="${axisHeight - 4}" y2="${px(y)}"/><text class="tick-label" x="${tx}" y="${axisHeight - 8}" text-anchor="middle">${esc(ms === 0 ? '0s' : duration(ms))}</text>`;
  });
  return `<svg class="gantt" viewBox="0 0 ${width} ${px(y + 4)}" role="img" aria-label="Attempts over time, by worker">${axis.join('')}${out.join('')}</svg>`;
}

/** `room`: where the next thing in the lane begins, so a label too long for its bar can sit beside it. */
function barSvg(bar: Bar, x: (t: number) => number, top: number, room: number): string {
  const { span } = bar;
  const x0 = x(bar.from);
  const w = Math.max(2, x(bar.to) - x0);
  const label = span.attempt > 1 ? `${bar.task} #${span.attempt}` : bar.task;
  const tip = [`${bar.task}, attempt ${span.attempt}: ${span.outcome}`, `${duration(bar.to - bar.from)} running${span.started_at === undefined ? ' (never started)' : ''}`, span.reason].filter((s) => s !== undefined).join('\n');
  const parts = [`<g class="bar ${statusClass('o', span.outcome)}"><title>${esc(tip)}</title>`];
  if (bar.queuedFrom < bar.from) parts.push(`<line class="wait" x1="${px(x(bar.queuedFrom))}" x2="${px(x0)}" y1="${px(top + laneHeight / 2)}" y2="${px(top + laneHeight / 2)}"/>`);
  parts.push(`<rect${attrs({ x: px(x0), y: px(top + 3), width: px(w), height: laneHeight - 6, rx: 3 })}/>`);
  const needed = textWidth(label, fontSize) + 8;
  const baseline = px(top + laneHeight / 2 + 4);
  if (needed < w) parts.push(`<text class="bar-label" x="${px(x0 + 4)}" y="${baseline}">${esc(label)}</text>`);
  else if (x0 + w + needed < room) parts.push(`<text class="bar-label beside" x="${px(x0 + w + 4)}" y="${baseline}">${esc(label)}</text>`);
  parts.push('</g>');
  return parts.join('');
}

/** Bars in lanes, each lane free of overlaps: the first lane that is free when a bar starts. */
function toLanes(bars: Bar[]): Bar[][] {
  const lanes: Bar[][] = [];
  for (const bar of [...bars].sort((a, b) => a.queuedFrom - b.queuedFrom || a.from - b.from)) {
    const lane = lanes.find((l) => l.at(-1)!.to <= bar.queuedFrom);
    if (lane) lane.push(bar);
    else lanes.push([bar]);
  }
  return lanes;
}

const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400].map((s) => s * 1000);

/** Tick offsets at a round step, about eight across. */
function ticks(length: number): number[] {
  const step = steps.find((s) => length / s <= 8) ?? Math.ceil(length / 8 / 86_400_000) * 86_400_000;
  const out: number[] = [];
  for (let ms = 0; ms <= length; ms += step) out.push(ms);
  return out;
}
