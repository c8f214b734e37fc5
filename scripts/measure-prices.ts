/**
 * `node scripts/measure-prices.ts [--json]`: measures the price table the Claude Code CLI
 * itself bills with. For every model in `knownModels` it runs the real `claude` binary (the
 * pinned one, through swarm's own `runClaude`) against swarm's Messages API stand-in, which
 * answers each run's one request with chosen usage figures. The CLI's `modelUsage[…].costUSD`
 * for those figures gives one linear equation per run; six runs per model are solved by least
 * squares for the four prices, and the residual says whether the CLI's cost is linear in the
 * counts at all (a price tier would show there). Paste the figures into src/cost/prices.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawAnswer } from '../src/cassette/replay-answer.ts';
import { knownModels } from '../src/compiler/known.ts';
import { buildMessage } from '../src/model-server/message.ts';
import { startModelServer } from '../src/model-server/server.ts';
import { messageEvents, sseEvent } from '../src/model-server/sse.ts';
import { runClaude } from '../src/worker/claude-run.ts';

/** Token counts in the order the prices are solved for. */
export type Counts = readonly [input: number, output: number, cacheWrite: number, cacheRead: number];

/**
 * One run per row: each lets one class dominate, the last two mix them, so the system is well
 * conditioned. Every figure stays under 1M tokens, the largest context any model has.
 */
export const designRuns: readonly Counts[] = [
  [400_000, 3_000, 5_000, 7_000],
  [6_000, 200_000, 8_000, 2_000],
  [3_000, 4_000, 300_000, 9_000],
  [5_000, 2_000, 1_000, 500_000],
  [120_000, 80_000, 60_000, 240_000],
  [50_000, 1, 150_000, 90_000],
];

/** What the CLI billed for one run: under which model id, the counts it read back, and the cost. */
export interface CliBill {
  billedAs: string;
  counts: Counts;
  costUsd: number;
  totalCostUsd: number;
}

export interface MeasuredPrice {
  model: string;
  /** The model id the CLI sent and billed under; differs when the CLI substitutes another model. */
  billedAs: string;
  inputPerMTok: number;
  outputPerMTok: number;
  cacheWritePerMTok: number;
  cacheReadPerMTok: number;
  /** Largest |predicted − billed| over the runs, in dollars: about 1e-15 when the bill is linear. */
  residualUsd: number;
}

/** The stand-in's answer to every request: a short text with exactly these usage figures. */
function answerWith(counts: Counts): (body: { model: string; stream?: boolean | undefined }) => RawAnswer {
  const [input, output, cacheWrite, cacheRead] = counts;
  return (body) => {
    const message = buildMessage({ text: 'Measured.' }, body.model, { input_tokens: input, cache_creation_input_tokens: cacheWrite, cache_read_input_tokens: cacheRead });
    message.usage.output_tokens = output;
    if (!body.stream) return { status: 200, headers: { 'content-type': 'application/json' }, body: message };
    return { status: 200, headers: { 'content-type': 'text/event-stream' }, chunks: messageEvents(message).map((event) => ({ ms: 0, data: sseEvent(event) })) };
  };
}

/** Runs `claude -p` once on `model` with its one request answered with `counts`; returns the CLI's own bill. */
export async function cliBill(model: string, counts: Counts, claudePath?: string): Promise<CliBill> {
  const server = await startModelServer({ answer: answerWith(counts) });
  const cwd = mkdtempSync(join(tmpdir(), 'swarm-measure-prices-'));
  try {
    const outcome = await runClaude(
      { prompt: 'Reply with one word.', model, tools: [] },
      { cwd, apiKey: 'stand-in-key', env: { PATH: process.env['PATH'], ANTHROPIC_BASE_URL: server.url }, timeoutMs: 60_000, ...(claudePath && { claudePath }) },
    );
    if (!outcome.ok) throw new Error(`claude --model ${model} failed (${outcome.kind}): ${outcome.message}`);
    const entries = Object.entries(outcome.models);
    if (entries.length !== 1) throw new Error(`claude --model ${model} billed ${entries.length} models, expected one: ${JSON.stringify(outcome.models)}`);
    const [billedAs, m] = entries[0]!;
    return { billedAs, counts: [m.inputTokens, m.outputTokens, m.cacheCreationInputTokens, m.cacheReadInputTokens], costUsd: m.costUsd, totalCostUsd: outcome.costUsd };
  } finally {
    await server.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** Least squares for `a · x ≈ b` through the normal equations, solved by Gaussian elimination with pivoting. */
export function leastSquares(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = a[0]!.length;
  const m = Array.from({ length: n }, (_, i) => [
    ...Array.from({ length: n }, (_, j) => a.reduce((s, row) => s + row[i]! * row[j]!, 0)),
    a.reduce((s, row, k) => s + row[i]! * b[k]!, 0),
  ]);
  for (let col = 0; col < n; col++) {
    const pivot = m.slice(col).reduce((best, row, k) => (Math.abs(row[col]!) > Math.abs(m[best]![col]!) ? col + k : best), col);
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    if (Math.abs(m[col]![col]!) < 1e-300) throw new Error('the runs do not determine the four prices (singular system)');
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const f = m[row]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k++) m[row]![k]! -= f * m[col]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

// The CLI's figures are whole micro-dollars per million tokens at most; this hides float noise.
const roundPrice = (perMTok: number) => Math.round(perMTok * 1e6) / 1e6;

/** Runs the design on one model and solves for its four prices per million tokens. */
export async function measureModel(model: string, claudePath?: string): Promise<MeasuredPrice> {
  const bills: CliBill[] = [];
  for (const counts of designRuns) bills.push(await cliBill(model, counts, claudePath));
  const billedAs = [...new Set(bills.map((b) => b.billedAs))];
  if (billedAs.length !== 1) throw new Error(`claude --model ${model} was billed as ${billedAs.join(' and ')}`);
  const rows = bills.map((b) => b.counts.map((c) => c / 1e6));
  const x = leastSquares(rows, bills.map((b) => b.costUsd)).map(roundPrice);
  const residualUsd = Math.max(...bills.map((b, k) => Math.abs(rows[k]!.reduce((s, c, i) => s + c * x[i]!, 0) - b.costUsd)));
  return { model, billedAs: billedAs[0]!, inputPerMTok: x[0]!, outputPerMTok: x[1]!, cacheWritePerMTok: x[2]!, cacheReadPerMTok: x[3]!, residualUsd };
}

function table(prices: readonly MeasuredPrice[]): string {
  const header = ['model', 'billed as', 'input', 'output', 'cache write', 'cache read', 'residual $'];
  const rows = prices.map((p) => [p.model, p.billedAs, ...[p.inputPerMTok, p.outputPerMTok, p.cacheWritePerMTok, p.cacheReadPerMTok].map(String), p.residualUsd.toExponential(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

if (import.meta.main) {
  const prices: MeasuredPrice[] = [];
  for (const { id } of knownModels) {
    process.stderr.write(`measuring ${id} (${designRuns.length} runs)…\n`);
    prices.push(await measureModel(id));
  }
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(prices, null, 2) + '\n');
  else process.stdout.write(`Prices in dollars per million tokens, as billed by Claude Code (measured ${new Date().toISOString().slice(0, 10)}):\n\n${table(prices)}\n`);
  const nonlinear = prices.filter((p) => p.residualUsd > 1e-9);
  if (nonlinear.length > 0) {
    process.stderr.write(`not linear in the token counts (a tier or a minimum?): ${nonlinear.map((p) => p.model).join(', ')}\n`);
    process.exitCode = 1;
  }
}
