import type { Plan } from '../compiler/plan-schema.ts';
import type { RunEvent } from '../runtime/events.ts';
import { status } from '../runtime/run-status.ts';
import type { OutStream } from '../cli/io.ts';
import type { Styler } from './color.ts';
import { renderEventLine } from './run-log.ts';
import { renderRunReport } from './run-report.ts';

export interface ProgressView {
  event(event: RunEvent): void;
  /** Stops redrawing; on a terminal the live table is erased, for the final report to take its place. */
  close(): void;
}

/**
 * What `swarm run` shows while it works. On a terminal, the task table is redrawn in place
 * (elapsed times count up between events); elsewhere, as in CI, one line per event, so a log
 * reads top to bottom and never holds cursor codes.
 */
export function progressView(plan: Plan, out: OutStream, style: Styler, options: { live: boolean; intervalMs?: number }): ProgressView {
  if (!options.live) {
    return {
      event: (event) => out.write(renderEventLine(event, style) + '\n'),
      close: () => {},
    };
  }
  const events: RunEvent[] = [];
  let drawnLines = 0;
  let last = '';
  const draw = () => {
    if (events.length === 0) return;
    const frame = renderRunReport(status(plan, events, { now: Date.now() }), style, { workers: false });
    if (frame === last) return;
    last = frame;
    // Up to the first line of the last frame, clear to the end of the screen, write the new one.
    out.write((drawnLines > 0 ? `\x1b[${drawnLines}F\x1b[J` : '') + frame);
    drawnLines = frame.split('\n').length - 1;
  };
  const timer = setInterval(draw, options.intervalMs ?? 250);
  timer.unref();
  return {
    // Drawn on the timer, not per event: a frame replays every event so far.
    event: (event) => void events.push(event),
    close() {
      clearInterval(timer);
      if (drawnLines > 0) out.write(`\x1b[${drawnLines}F\x1b[J`);
    },
  };
}
