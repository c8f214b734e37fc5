/**
 * The page's only stylesheet, inline. Status and outcome colours are CSS variables, so the
 * SVG charts follow the reader's light or dark scheme with no script.
 */
export const reportCss = `
:root {
  color-scheme: light dark;
  --fg: #1d1f23; --muted: #5f6672; --bg: #ffffff; --panel: #f5f6f8; --line: #d5d9e0; --band: #f7f8fa;
  --done: #2e9d55; --failed: #d1403a; --retried: #e08a1e; --rate-limited: #d9b21c; --requeued: #7b8fb0;
  --held: #8e5cc2; --interrupted: #8a8f98; --running: #2f7fd6; --queued: #b7c4d6; --skipped: #b9bec6; --pending: #dde1e7;
  --warn-bg: #fff4e0; --warn-line: #e08a1e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6e8eb; --muted: #9aa1ad; --bg: #15171a; --panel: #1e2126; --line: #363b43; --band: #1a1d21;
    --done: #3fb96b; --failed: #ee5b54; --retried: #f0a040; --rate-limited: #e8c640; --requeued: #8ea3c6;
    --held: #a77ad8; --interrupted: #7d838d; --running: #4d97e8; --queued: #4a5a70; --skipped: #59606b; --pending: #3a4048;
    --warn-bg: #3a2c14; --warn-line: #f0a040;
  }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 10px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.badge { display: inline-block; padding: 1px 9px; border-radius: 10px; color: #fff; font-weight: 600; font-size: 13px; vertical-align: middle; background: var(--interrupted); }
.badge.s-done { background: var(--done); } .badge.s-failed { background: var(--failed); } .badge.s-running { background: var(--running); }
.badge.s-budget-exhausted { background: var(--held); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 18px; }
.card span { color: var(--muted); font-size: 12px; }
.notes { list-style: none; padding: 0; margin: 12px 0; }
.notes li { background: var(--panel); border-left: 4px solid var(--line); padding: 6px 12px; margin: 6px 0; }
.notes li.warn { background: var(--warn-bg); border-left-color: var(--warn-line); }
.problems li { margin: 4px 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
th { font-weight: 600; color: var(--muted); font-size: 12px; }
td.n, th.n { text-align: right; }
tfoot td { font-weight: 600; border-top: 2px solid var(--line); }
td.mismatch { color: var(--failed); font-weight: 600; }
.dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 6px; background: var(--pending); }
.legend { display: flex; flex-wrap: wrap; gap: 14px; color: var(--muted); font-size: 12px; margin: 4px 0 8px; }
.empty { color: var(--muted); }
svg text { fill: var(--fg); font-family: inherit; }
svg.gantt { width: 100%; height: auto; display: block; }
.band { fill: var(--bg); } .band.odd { fill: var(--band); }
.lane-label { font-weight: 600; font-size: 12px; }
.tick { stroke: var(--line); stroke-width: 1; }
.tick-label { font-size: 10px; fill: var(--muted); }
.bar rect { stroke: none; }
.bar .wait { stroke: var(--queued); stroke-width: 2; stroke-dasharray: 3 2; }
.bar-label { font-size: 11px; fill: #fff; pointer-events: none; }
.o-rate-limited .bar-label, .o-queued .bar-label { fill: #1d1f23; }
.bar-label.beside { fill: var(--fg); }
.edge { fill: none; stroke: var(--muted); stroke-width: 1.3; }
.arrow { fill: var(--muted); }
.node rect { stroke: rgba(0, 0, 0, 0.25); stroke-width: 1; fill: var(--pending); }
.node-id { font-size: 13px; font-weight: 600; }
.node-sub { font-size: 11px; }
.node.s-done text, .node.s-failed text, .node.s-held text, .node.s-running text { fill: #fff; }
${['done', 'failed', 'retrying', 'rate-limited', 'held', 'running', 'queued', 'skipped', 'pending', 'ready']
  .map((s) => `.s-${s} rect, .dot.s-${s} { fill: var(--${s === 'retrying' ? 'retried' : s === 'ready' ? 'queued' : s}); background: var(--${s === 'retrying' ? 'retried' : s === 'ready' ? 'queued' : s}); }`)
  .join('\n')}
${['done', 'failed', 'retried', 'rate-limited', 'requeued', 'held', 'interrupted', 'queued', 'running']
  .map((o) => `.o-${o} rect, .dot.o-${o} { fill: var(--${o}); background: var(--${o}); }`)
  .join('\n')}
`;
