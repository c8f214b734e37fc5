import Anthropic from '@anthropic-ai/sdk';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer, type ModelServerOptions } from '../../src/model-server/server.ts';
import type { TaskResult } from '../../src/runtime/events.ts';
import { runSynthesis } from '../../src/synthesize/run-synthesis.ts';
import type { UpstreamEntry } from '../../src/synthesize/upstream.ts';
import { orchestrator, resultOf, tempLayout, weekPlan } from './fixture.ts';

const servers: ModelServer[] = [];
let layout: ReturnType<typeof tempLayout>;
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  layout?.cleanup();
});

async function serve(options: ModelServerOptions = {}): Promise<{ server: ModelServer; client: Anthropic }> {
  const server = await startModelServer(options);
  servers.push(server);
  return { server, client: new Anthropic({ baseURL: server.url, apiKey: 'placeholder', maxRetries: 0, defaultHeaders: { 'x-swarm-task': 'weekly-brief' } }) };
}

interface SentBody {
  model: string;
  max_tokens: number;
  system: { type: string; text: string; cache_control?: unknown }[];
  messages: { role: string; content: { type: string; text: string }[] }[];
}

function sent(server: ModelServer, index = 0): SentBody {
  return server.messages()[index]!.body as SentBody;
}

const userText = (body: SentBody) => body.messages[0]!.content.map((b) => b.text).join('\n');

/** Two check-ins with a file each (one in the run directory, one in a workspace) and the planner's result. */
function week(studioResult = 'Two dancers are at risk for Saturday.'): UpstreamEntry[] {
  layout.write(join(layout.runDir, 'results/studio-check/studio-check.md'), studioReport);
  const code = layout.write(join(layout.workspace, 'registration-check.md'), codeReport);
  return [
    { id: 'studio-check', worker: 'marie', result: resultOf(studioResult, ['Call the Okafor family before Saturday'], ['results/studio-check/studio-check.md']) },
    { id: 'registration-check', result: resultOf('No-go for Wednesday.', ['Fix the double sibling discount'], [code]) },
    { id: 'plan-week', result: resultOf('planned 1 task: fix-discount', ['fix-discount (anga)']) },
  ];
}

const studioReport = '# Studio check\nInes missed three classes in a row.\n';
const codeReport = 'No-go: the sibling discount is applied twice.\n';

const brief = `# Weekly brief

The software is a no-go until the discount fix lands; the newsletter waits for it.

1. Anga fixes the double sibling discount, by Tuesday.
2. Marie calls the Okafor family, by Thursday.
   (She has the details.)

## Conflicts
None.`;

describe('runSynthesis against the Messages API stand-in', () => {
  it('sends one request to the node’s model with every upstream result and finding, each artifact’s text under its path, then the prompt', async () => {
    layout = tempLayout();
    const { server, client } = await serve();
    const { plan, node } = weekPlan();
    const upstream = week();
    const outcome = await runSynthesis({ client, plan, node, context: { inputs: { week: 'week 49' }, upstream, runDir: layout.runDir, allowedRoots: [layout.workspace] }, outDir: layout.runDir });
    expect(outcome.ok).toBe(true);
    expect(server.messages()).toHaveLength(1);
    expect(server.messages()[0]!.headers['x-swarm-task']).toBe('weekly-brief');
    const body = sent(server);
    expect(body.model).toBe('claude-opus-4-8');
    expect(body.max_tokens).toBe(8192);
    const text = userText(body);
    for (const u of upstream) {
      expect(text).toContain(u.result.result);
      for (const finding of u.result.findings) expect(text).toContain(`- ${finding}`);
    }
    // The worker of registration-check was not given: the plan names it.
    expect(text).toContain('<result node="registration-check" worker="anga">');
    const studioPath = join(layout.runDir, 'results/studio-check/studio-check.md');
    expect(text).toContain(`<artifact path="${studioPath}" bytes="${studioReport.length}">\n${studioReport}\n</artifact>`);
    expect(text).toContain(`<artifact path="${join(layout.workspace, 'registration-check.md')}" bytes="${codeReport.length}">\n${codeReport}\n</artifact>`);
    // A relative artifact path in a result is shown absolute, as the model would open it.
    expect(text).toContain(`Artifacts:\n${studioPath}\n</result>`);
    expect(text).toContain('<task>\nWrite the brief for week 49. Marie said: Two dancers are at risk for Saturday.\n</task>\n\nWrite weekly-brief.md');
    // Documents first, the question last.
    expect(text.indexOf('<upstream-results>')).toBeLessThan(text.indexOf('<artifacts>'));
    expect(text.indexOf('<artifacts>')).toBeLessThan(text.indexOf('<task>'));
  });

  it('marks the system prompt for caching and sends it byte for byte the same when the upstream results differ, so the second run reads it from the cache', async () => {
    layout = tempLayout();
    const { server, client } = await serve({ promptCache: { minimumTokens: () => 1 } });
    const { plan, node } = weekPlan();
    const first = await runSynthesis({ client, plan, node, context: { inputs: { week: 'week 49' }, upstream: week('All clean.'), runDir: layout.runDir }, outDir: layout.runDir });
    const second = await runSynthesis({ client, plan, node, context: { inputs: { week: 'week 50' }, upstream: week('Three sections are not clean.'), runDir: layout.runDir }, outDir: layout.runDir });
    const [a, b] = [sent(server, 0), sent(server, 1)];
    expect(userText(a)).not.toBe(userText(b));
    expect(JSON.stringify(b.system)).toBe(JSON.stringify(a.system));
    expect(a.system[0]!.text).toBe(orchestrator.trim());
    expect(a.system.map((block) => block.cache_control)).toEqual([{ type: 'ephemeral' }, { type: 'ephemeral' }]);
    expect(first.ok && first.result.usage.cache_read_input_tokens).toBe(0);
    expect(second.ok && second.result.usage.cache_read_input_tokens).toBeGreaterThan(0);
  });

  it('uses a short built-in instruction when the node has no system prompt', async () => {
    layout = tempLayout();
    const { server, client } = await serve();
    const { plan, node } = weekPlan(['weekly-brief.md'], '');
    await runSynthesis({ client, plan, node, context: { inputs: { week: 'week 49' }, upstream: week(), artifacts: [] }, outDir: layout.runDir });
    expect(sent(server).system[0]!.text).toMatch(/^You are the synthesizer of a swarm workflow/);
  });

  it('writes the model’s answer to the output file and reports its first paragraph, numbered actions and path', async () => {
    layout = tempLayout();
    const { client } = await serve({ script: { default: { text: brief } } });
    const { plan, node } = weekPlan();
    const outDir = join(layout.runDir, 'results/weekly-brief');
    const outcome = await runSynthesis({ client, plan, node, context: { inputs: { week: 'week 49' }, upstream: week(), runDir: layout.runDir }, outDir });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const path = join(outDir, 'weekly-brief.md');
    expect(readFileSync(path, 'utf8')).toBe(brief + '\n');
    expect(outcome.result).toMatchObject({
      result: 'The software is a no-go until the discount fix lands; the newsletter waits for it.',
      findings: ['Anga fixes the double sibling discount, by Tuesday.', 'Marie calls the Okafor family, by Thursday.'],
      artifacts: [path],
      num_turns: 1,
    });
    expect(outcome.result.execution_time).toBeGreaterThanOrEqual(0);
  });

  it('reports the usage the server counted for the call, and its cost at the model’s price', async () => {
    layout = tempLayout();
    const { server, client } = await serve({ script: { default: { text: brief } } });
    const { plan, node } = weekPlan();
    const outcome = await runSynthesis({ client, plan, node, context: { inputs: { week: 'week 49' }, upstream: week(), runDir: layout.runDir }, outDir: layout.runDir });
    const counted = server.messages()[0]!.usage!;
    const usage: TaskResult['usage'] = {
      input_tokens: counted.input_tokens,
      output_tokens: counted.output_tokens,
      cache_creation_input_tokens: counted.cache_creation_input_tokens,
      cache_read_input_tokens: counted.cache_read_input_tokens,
    };
    expect(outcome.ok && outcome.result.usage).toEqual(usage);
    // Opus: $5 in, $25 out, $6.25 cache write, $0.50 cache read, per million tokens.
    const dollars = (usage.input_tokens * 5 + usage.output_tokens * 25 + usage.cache_creation_input_tokens * 6.25 + usage.cache_read_input_tokens * 0.5) / 1e6;
    expect(outcome.ok && outcome.result.cost_usd).toBeCloseTo(dollars, 12);
  });

  it('refuses artifacts outside the allowed directories or through a symlink, telling the model and the caller', async () => {
    layout = tempLayout();
    const { server, client } = await serve();
    const { plan, node } = weekPlan();
    const secret = layout.write(join(layout.outside, 'medical.md'), 'Private: medical notes');
    symlinkSync(secret, join(layout.runDir, 'innocent.md'));
    const upstream = [{ id: 'studio-check', result: resultOf('Done.', [], [secret, 'innocent.md']) }];
    const outcome = await runSynthesis({ client, plan, node, context: { inputs: { week: 'week 49' }, upstream, runDir: layout.runDir }, outDir: layout.runDir });
    const text = userText(sent(server));
    expect(text).not.toContain('Private: medical notes');
    expect(text).toContain(`<artifact path="${secret}" bytes="0" omitted="outside the run directory and the workspaces: not read"/>`);
    expect(text).toContain(`<artifact path="${join(layout.runDir, 'innocent.md')}" bytes="0" omitted="a symlink that leads outside the run directory and the workspaces: not read"/>`);
    expect(outcome.ok && outcome.notes).toEqual([
      `${secret}: outside the run directory and the workspaces: not read`,
      `${join(layout.runDir, 'innocent.md')}: a symlink that leads outside the run directory and the workspaces: not read`,
    ]);
  });

  it('cuts a huge artifact to the per-file cap and says how much of it is shown', async () => {
    layout = tempLayout();
    const { server, client } = await serve();
    const { plan, node } = weekPlan();
    const huge = layout.write(join(layout.runDir, 'attendance.csv'), 'a,b\n'.repeat(125_000));
    const upstream = [{ id: 'studio-check', result: resultOf('Done.', [], [huge]) }];
    await runSynthesis({ client, plan, node, context: { inputs: { week: 'week 49' }, upstream, runDir: layout.runDir }, outDir: layout.runDir });
    const text = userText(sent(server));
    expect(text).toContain(`<artifact path="${huge}" bytes="500000">\n${'a,b\n'.repeat(10_000)}\n[swarm: cut here; the rest is not included: 40,000 characters shown of a 500,000-byte file]\n</artifact>`);
    expect(text.length).toBeLessThan(45_000);
  });

  it('writes each of several outputs from its own section, and fails naming a section that is missing', async () => {
    layout = tempLayout();
    const both = '=== file: brief.md ===\nThe week in short.\n\n1. Fix the discount.\n\n=== file: letters.md ===\nDear families,\n';
    const { server, client } = await serve({ script: { default: { text: both } } });
    const { plan, node } = weekPlan(['brief.md', 'letters.md']);
    const context = { inputs: { week: 'week 49' }, upstream: week(), runDir: layout.runDir };
    const outcome = await runSynthesis({ client, plan, node, context, outDir: layout.runDir });
    expect(userText(sent(server))).toContain('Write these 2 files, each beginning with its marker line:\n=== file: brief.md ===\n=== file: letters.md ===');
    expect(outcome.ok && outcome.result.artifacts).toEqual([join(layout.runDir, 'brief.md'), join(layout.runDir, 'letters.md')]);
    expect(readFileSync(join(layout.runDir, 'brief.md'), 'utf8')).toBe('The week in short.\n\n1. Fix the discount.\n');
    expect(readFileSync(join(layout.runDir, 'letters.md'), 'utf8')).toBe('Dear families,\n');

    const missing = await runSynthesis({ client, plan: weekPlan(['brief.md', 'ad.md']).plan, node: weekPlan(['brief.md', 'ad.md']).node, context, outDir: join(layout.runDir, 'again') });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'missing-output', message: 'the answer has no `=== file: ad.md ===` section' } });
    expect(existsSync(join(layout.runDir, 'again/brief.md'))).toBe(false);
  });

  it('an API error (500) is ok:false with kind api, nothing written and nothing spent', async () => {
    layout = tempLayout();
    const { client } = await serve({ script: { default: { error: 500 } } });
    const { plan, node } = weekPlan();
    const outcome = await runSynthesis({ client, plan, node, context: { inputs: { week: 'week 49' }, upstream: week(), runDir: layout.runDir }, outDir: layout.runDir });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'api', status: 500, retryable: true }, costUsd: 0, usage: { input_tokens: 0, output_tokens: 0 } });
    expect(!outcome.ok && outcome.error.message).toContain('500');
    expect(existsSync(join(layout.runDir, 'weekly-brief.md'))).toBe(false);
  });

  it('a rate limit (429) carries its status and retry-after for the scheduler’s backoff', async () => {
    layout = tempLayout();
    const { client } = await serve({ script: { default: { error: 429, retryAfterSeconds: 7 } } });
    const { plan, node } = weekPlan();
    const outcome = await runSynthesis({ client, plan, node, context: { inputs: { week: 'week 49' }, upstream: week(), artifacts: [] }, outDir: layout.runDir });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'api', status: 429, retryAfterSeconds: 7, retryable: true } });
  });

  it('an answer with no text is no-output, and what the call used is still reported', async () => {
    layout = tempLayout();
    const { server, client } = await serve({ script: { default: { tool: 'Write', input: { file_path: 'x' } } } });
    const { plan, node } = weekPlan();
    const outcome = await runSynthesis({ client, plan, node, context: { inputs: { week: 'week 49' }, upstream: week(), artifacts: [] }, outDir: layout.runDir });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'no-output', retryable: false } });
    expect(!outcome.ok && outcome.usage.input_tokens).toBe(server.messages()[0]!.usage!.input_tokens);
    expect(!outcome.ok && outcome.costUsd).toBeGreaterThan(0);
  });

  it('an aborted signal ends the call as interrupted, without a request', async () => {
    layout = tempLayout();
    const { server, client } = await serve();
    const { plan, node } = weekPlan();
    const signal = AbortSignal.abort();
    const outcome = await runSynthesis({ client, plan, node, context: { inputs: { week: 'week 49' }, upstream: week(), artifacts: [] }, outDir: layout.runDir, signal });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'interrupted' } });
    expect(server.messages()).toHaveLength(0);
  });
});
