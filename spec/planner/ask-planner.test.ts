import { readFileSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { costOf } from '../../src/cost/prices.ts';
import { startModelServer, type ModelServer, type ModelServerOptions, type RecordedRequest } from '../../src/model-server/server.ts';
import { askPlanner, type AskPlannerOptions } from '../../src/planner/ask-planner.ts';
import { planToolInputSchema } from '../../src/planner/plan-answer.ts';
import { repoRoot } from '../support/workspace.ts';
import { goodAnswer, resultOf, reviewPlan } from './fixtures.ts';

const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(options: ModelServerOptions): Promise<{ server: ModelServer; client: Anthropic }> {
  const server = await startModelServer(options);
  servers.push(server);
  const client = new Anthropic({ baseURL: server.url, apiKey: 'sk-test', maxRetries: 0, defaultHeaders: { 'x-swarm-task': 'follow-up', 'x-swarm-attempt': '1' } });
  return { server, client };
}

/** Asks the review workflow's planner, its conversation keyed by `marker`. */
function ask(client: Anthropic, marker: string, extra: Partial<AskPlannerOptions> = {}) {
  const { plan, node } = reviewPlan(marker);
  return askPlanner({ client, plan, node, context: { inputs: { student: 'Emma Rodriguez' }, results: new Map([['evaluate', resultOf('evaluate')]]), runDir: '/runs/r1' }, ...extra });
}

type Body = { system: { type: string; text: string; cache_control?: unknown }[]; messages: { role: string; content: unknown }[]; tools: unknown[]; tool_choice: unknown; model: string };
const bodyOf = (r: RecordedRequest) => r.body as Body;
/** The server's usage in a run's usage shape: the four token counts. */
const counts = (r: RecordedRequest) => {
  const { input_tokens, output_tokens, cache_creation_input_tokens, cache_read_input_tokens } = r.usage!;
  return { input_tokens, output_tokens, cache_creation_input_tokens, cache_read_input_tokens };
};
const unknownWorker = { tasks: [{ ...goodAnswer.tasks[0]!, worker: 'mari' }, goodAnswer.tasks[1]!] };

describe('askPlanner against the scripted Messages API, through the real SDK', () => {
  it('accepts a good plan on the first ask, with its usage and cost', async () => {
    const { server, client } = await serve({ script: { tasks: { '[plan:good]': [{ tool: 'submit_plan', input: goodAnswer }] } } });
    const answer = await ask(client, '[plan:good]');
    expect(answer).toMatchObject({ ok: true, asks: 1, tasks: [{ id: 'follow-up/turns-drills' }, { id: 'follow-up/parent-update' }] });
    const [request] = server.messages();
    expect(answer.usage).toEqual(counts(request!));
    expect(answer.costUsd).toBeCloseTo(costOf('claude-opus-4-8', answer.usage)!, 12);
    expect(request!.headers['x-swarm-task']).toBe('follow-up');

    const body = bodyOf(request!);
    expect(body.model).toBe('claude-opus-4-8');
    expect(body.tools).toEqual([{ name: 'submit_plan', description: expect.any(String), input_schema: planToolInputSchema() }]);
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'submit_plan' });
    expect(body.system[0]!.text).toBe(readFileSync(`${repoRoot}prompts/orchestrator.md`, 'utf8'));
    expect(body.system[1]!.text).toContain('- `marie`: Dance teacher');
    expect(body.system[1]!.text).toContain('with at most 3 tasks');
    const user = body.messages[0]!.content as string;
    expect(user).toContain('## `evaluate` (marie)\n\nevaluate is done.\n\nFindings:\n- evaluate: left pirouette falls out of the double\n\nArtifacts:\n/runs/r1/evaluate.md');
    expect(user).toMatch(/# What to plan\n\nPlan the follow-up for Emma Rodriguez\. \[plan:good\]\n$/);
  });

  it('sends a plan naming an unknown worker back with the problems, and accepts the corrected one', async () => {
    const { server, client } = await serve({ script: { tasks: { '[plan:fix]': [{ tool: 'submit_plan', input: unknownWorker }, { tool: 'submit_plan', input: goodAnswer }] } } });
    const answer = await ask(client, '[plan:fix]');
    expect(answer).toMatchObject({ ok: true, asks: 2 });

    const [first, second] = server.messages().map(bodyOf);
    expect(second!.messages).toHaveLength(3);
    const [, assistant, reply] = second!.messages as [unknown, { role: string; content: { type: string; id: string; input: unknown }[] }, { role: string; content: { type: string; tool_use_id: string; is_error: boolean; content: string }[] }];
    expect(assistant.role).toBe('assistant');
    expect(assistant.content[0]).toMatchObject({ type: 'tool_use', name: 'submit_plan', input: unknownWorker });
    expect(reply.content).toEqual([{ type: 'tool_result', tool_use_id: assistant.content[0]!.id, is_error: true, content: expect.stringContaining('task `turns-drills`: unknown worker `mari`; did you mean `marie`?') }]);
    expect(first!.messages[0]).toEqual(second!.messages[0]);
  });

  it('keeps the cached system blocks byte-identical across asks, so the second reads them from the cache', async () => {
    const { server, client } = await serve({ script: { tasks: { '[plan:cache]': [{ tool: 'submit_plan', input: unknownWorker }, { tool: 'submit_plan', input: goodAnswer }] } } });
    const answer = await ask(client, '[plan:cache]');
    const [first, second] = server.messages();
    for (const request of [first!, second!]) {
      expect(bodyOf(request).system.map((b) => b.cache_control)).toEqual([{ type: 'ephemeral' }, { type: 'ephemeral' }]);
    }
    expect(JSON.stringify(bodyOf(second!).system)).toBe(JSON.stringify(bodyOf(first!).system));
    expect(JSON.stringify(bodyOf(second!).tools)).toBe(JSON.stringify(bodyOf(first!).tools));
    expect(first!.usage!.cache_creation_input_tokens).toBeGreaterThan(0);
    expect(second!.usage!.cache_read_input_tokens).toBe(first!.usage!.cache_creation_input_tokens);
    expect(answer.usage.output_tokens).toBe(first!.usage!.output_tokens + second!.usage!.output_tokens);
  });

  it('gives up after maxAsks on a plan with a cycle, with the cycle as the problem', async () => {
    const cycle = { tasks: [{ ...goodAnswer.tasks[0]!, after: ['parent-update'] }, goodAnswer.tasks[1]!] };
    const { server, client } = await serve({ script: { tasks: { '[plan:cycle]': [{ tool: 'submit_plan', input: cycle }, { tool: 'submit_plan', input: cycle }] } } });
    const answer = await ask(client, '[plan:cycle]');
    expect(answer).toMatchObject({ ok: false, asks: 2, problems: [expect.stringMatching(/^task `turns-drills`: dependency cycle: `turns-drills` → `parent-update` → `turns-drills`/)] });
    expect('error' in answer).toBe(false);
    expect(server.messages()).toHaveLength(2);
  });

  it('refuses a plan over max-tasks', async () => {
    const many = { tasks: ['a', 'b', 'c', 'd'].map((id) => ({ id, worker: 'fabien', prompt: `Do ${id}.` })) };
    const { client } = await serve({ script: { tasks: { '[plan:many]': [{ tool: 'submit_plan', input: many }] } } });
    expect(await ask(client, '[plan:many]', { maxAsks: 1 })).toMatchObject({ ok: false, asks: 1, problems: ['the plan has 4 tasks, but this step may add at most 3: merge or drop some'] });
  });

  it('asks again when the planner writes prose instead of calling the tool', async () => {
    const prose = 'Marie should drill turns, then Fabien writes to the parents.';
    const { server, client } = await serve({ script: { tasks: { '[plan:prose]': [{ text: prose }, { tool: 'submit_plan', input: goodAnswer }] } } });
    expect(await ask(client, '[plan:prose]')).toMatchObject({ ok: true, asks: 2 });
    const [, assistant, reply] = bodyOf(server.messages()[1]!).messages;
    expect(assistant).toEqual({ role: 'assistant', content: [{ type: 'text', text: prose }] });
    expect(reply).toEqual({ role: 'user', content: [{ type: 'text', text: expect.stringContaining('the answer did not call `submit_plan`') }] });
  });

  it('fails with the reason when the planner never calls the tool', async () => {
    const { client } = await serve({ script: { tasks: { '[plan:chat]': [{ text: 'Happy to help!' }, { text: 'Sure!' }] } } });
    expect(await ask(client, '[plan:chat]')).toMatchObject({ ok: false, asks: 2, problems: ['the answer did not call `submit_plan`: the plan must be the input of one `submit_plan` call'] });
  });

  it.each([
    [500, 'api_error', undefined],
    [529, 'overloaded_error', 7],
  ] as const)('returns an API error %i, classified and not thrown', async (status, type, retryAfter) => {
    const { client } = await serve({ script: { tasks: { '[plan:down]': [{ error: status, ...(retryAfter !== undefined && { retryAfterSeconds: retryAfter }) }] } } });
    const answer = await ask(client, '[plan:down]');
    expect(answer).toMatchObject({ ok: false, asks: 1, costUsd: 0, problems: [expect.stringMatching(new RegExp(`^the planner call failed: ${status} ${type}: `))] });
    expect(answer).toMatchObject({ error: { kind: 'api', status, ...(retryAfter !== undefined && { retryAfterSeconds: retryAfter }) } });
  });

  it('keeps what the first ask cost when the second call fails', async () => {
    const { server, client } = await serve({ script: { tasks: { '[plan:half]': [{ tool: 'submit_plan', input: unknownWorker }, { error: 529 }] } } });
    const answer = await ask(client, '[plan:half]');
    expect(answer).toMatchObject({ ok: false, asks: 2, error: { kind: 'api', status: 529 }, usage: counts(server.messages()[0]!) });
  });

  it('returns a dropped connection and an aborted call as failures of their own kind', async () => {
    const controller = new AbortController();
    const { client } = await serve({
      script: { tasks: { '[plan:drop]': [{ drop: true }] } },
      respond: (request) => {
        if (!request.firstUserText.includes('[plan:stop]')) return undefined;
        controller.abort();
        return { hang: true };
      },
    });
    expect(await ask(client, '[plan:drop]')).toMatchObject({ ok: false, error: { kind: 'connection' } });
    expect(await ask(client, '[plan:stop]', { signal: controller.signal })).toMatchObject({ ok: false, error: { kind: 'aborted' }, problems: ['the planner call failed: the run was stopped while the planner was answering'] });
  });
});
