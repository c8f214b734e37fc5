import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { knownModels } from '../../src/compiler/known.ts';
import { costOf, priceFor, priceTable, priceTableSchema } from '../../src/cost/prices.ts';
import { startModelServer, type ModelServer } from '../../src/model-server/server.ts';
import { runClaude } from '../../src/worker/claude-run.ts';
import { cliBill, designRuns, leastSquares } from '../../scripts/measure-prices.ts';

// The real CLI (2.1.197) against the scripted stand-in: about a second a model.
const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/**
 * A two-request conversation: the first request writes the prompt to the cache, the Read
 * call's follow-up reads it back. (The stand-in caches up to the CLI's last marker, the last
 * user message, so no input is left uncached: the exact-usage run below bills that class.)
 */
async function conversation(model: string) {
  const server = await startModelServer({ script: { tasks: { '[task:price]': [{ tool: 'Read', input: { file_path: 'notes.md' } }, { text: 'Read the notes.' }] } } });
  servers.push(server);
  const cwd = mkdtempSync(join(tmpdir(), 'swarm-prices-'));
  writeFileSync(join(cwd, 'notes.md'), 'Emma: strong turns, work on spotting.\n'.repeat(40));
  const outcome = await runClaude(
    { prompt: 'Read notes.md and say what it holds [task:price]', model, tools: ['Read'], allowedTools: ['Read'] },
    { cwd, apiKey: 'stand-in-key', env: { PATH: process.env['PATH'], ANTHROPIC_BASE_URL: server.url } },
  );
  if (!outcome.ok) throw new Error(`claude failed: ${outcome.kind}: ${outcome.message}`);
  return outcome;
}

describe('the price table', () => {
  it('names its date and says it was measured from the CLI, and which model could not be', () => {
    expect(priceTableSchema.parse(priceTable)).toEqual(priceTable);
    expect(priceTable.source).toContain('Claude Code 2.1.197');
    expect(priceTable.source).toContain('scripts/measure-prices.ts');
    expect(priceTable.source).toContain('claude-opus-4-1 cannot be measured');
  });

  it('has a price for every known model and alias', () => {
    for (const { id } of knownModels) expect(priceFor(id), id).toBeDefined();
    for (const alias of ['haiku', 'sonnet', 'opus', 'fable', 'sonnet[1m]']) expect(priceFor(alias), alias).toBeDefined();
    expect(priceFor('claude-unknown-9')).toBeUndefined();
  });

  it.each(knownModels.map((m) => m.id))('%s: costOf equals what the CLI bills for a real conversation', async (model) => {
    const outcome = await conversation(model);
    const billed = Object.entries(outcome.models);
    expect(billed).toHaveLength(1);
    const [billedAs, spend] = billed[0]!;
    expect(billedAs).toBe(priceFor(model)!.billedAs ?? model);
    const usage = {
      input_tokens: spend.inputTokens,
      output_tokens: spend.outputTokens,
      cache_creation_input_tokens: spend.cacheCreationInputTokens,
      cache_read_input_tokens: spend.cacheReadInputTokens,
    };
    expect([usage.output_tokens, usage.cache_creation_input_tokens, usage.cache_read_input_tokens].every((n) => n > 0), JSON.stringify(usage)).toBe(true);
    expect(costOf(model, usage)).toBeCloseTo(spend.costUsd, 12);
    expect(costOf(model, usage)).toBeCloseTo(outcome.costUsd, 12);
  });

  it.each(knownModels.map((m) => m.id))('%s: costOf equals what the CLI bills for usage with every token class', async (model) => {
    const bill = await cliBill(model, [1_234, 5_678, 91_011, 121_314]);
    const [input_tokens, output_tokens, cache_creation_input_tokens, cache_read_input_tokens] = bill.counts;
    expect(bill.counts).toEqual([1_234, 5_678, 91_011, 121_314]);
    expect(costOf(model, { input_tokens, output_tokens, cache_creation_input_tokens, cache_read_input_tokens })).toBeCloseTo(bill.costUsd, 12);
    expect(bill.totalCostUsd).toBeCloseTo(bill.costUsd, 12);
  });

  it('claude-opus-4-1 is sent and billed as claude-opus-4-8, so its own price cannot be measured', async () => {
    const outcome = await conversation('claude-opus-4-1');
    expect(Object.keys(outcome.models)).toEqual(['claude-opus-4-8']);
    expect(priceFor('claude-opus-4-1')).toMatchObject({ ...priceFor('claude-opus-4-8'), model: 'claude-opus-4-1', billedAs: 'claude-opus-4-8' });
  });
});

describe('measure-prices least squares', () => {
  it('recovers the four prices exactly from the design runs', () => {
    const prices = [3, 15, 3.75, 0.3];
    const rows = designRuns.map((counts) => counts.map((c) => c / 1e6));
    const costs = rows.map((row) => row.reduce((s, c, i) => s + c * prices[i]!, 0));
    leastSquares(rows, costs).forEach((x, i) => expect(x).toBeCloseTo(prices[i]!, 9));
  });
});
