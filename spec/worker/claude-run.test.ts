import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstUserText, messagesRequestSchema, systemText, type MessagesRequest } from '../../src/model-server/request.ts';
import type { Script } from '../../src/model-server/script.ts';
import { startModelServer, type ModelServer, type ModelServerOptions } from '../../src/model-server/server.ts';
import type { ClaudeSpec } from '../../src/worker/claude-args.ts';
import { isRunning, treeMembers } from '../../src/worker/claude-process-tree.ts';
import { findingsJsonSchema } from '../../src/worker/claude-result.ts';
import { runClaude, type RunClaudeOptions } from '../../src/worker/claude-run.ts';

// The real CLI (node_modules/.bin/claude, 2.1.197) against the stand-in: about a second a run.
const apiKey = 'sk-test-worker-key';
const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(options: ModelServerOptions) {
  const server = await startModelServer({ apiKey, ...options });
  servers.push(server);
  const cwd = mkdtempSync(join(tmpdir(), 'swarm-claude-cwd-'));
  // The runner's own environment, secrets included: runClaude must pass on only what is safe.
  const env = { PATH: process.env['PATH'], ANTHROPIC_BASE_URL: server.url, OTHER_API_KEY: 'sk-other-secret', GITHUB_TOKEN: 'ghp_secret', AWS_SECRET_ACCESS_KEY: 'aws-secret' };
  const run = (spec: ClaudeSpec, more: Partial<RunClaudeOptions> = {}) => runClaude(spec, { cwd, apiKey, env, ...more });
  const bodies = (): MessagesRequest[] => server.messages().map((r) => messagesRequestSchema.parse(r.body));
  return { server, cwd, run, bodies };
}

const scripted = (tasks: Script['tasks'], subagents: Script['subagents'] = {}): ModelServerOptions => ({ script: { tasks, subagents } });
const toolNames = (body: MessagesRequest) => (body.tools ?? []).map((t) => t.name);
/** The text of the tool results in a request's last message. */
const toolResults = (body: MessagesRequest) =>
  JSON.stringify((body.messages.at(-1)?.content as { type: string; content?: unknown }[]).filter((b) => b.type === 'tool_result').map((b) => b.content));

describe('runClaude with the real CLI', () => {
  it('gets a plain answer; --allowedTools alone still offers the default tool set', async () => {
    const { server, run, bodies } = await setup(scripted({ '[task:plain]': [{ text: 'Hello, Marie.' }] }));
    const outcome = await run({ prompt: 'Say hello [task:plain]', model: 'sonnet', systemPrompt: 'You are the studio assistant.', allowedTools: ['Write'] });
    expect(outcome).toMatchObject({ ok: true, result: 'Hello, Marie.', turns: 1, permissionDenials: [] });
    expect(outcome.ok && outcome.usage.cacheCreationInputTokens).toBeGreaterThan(0);
    expect(outcome.ok && outcome.costUsd).toBeGreaterThan(0);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['HEAD /', 'POST /v1/messages?beta=true']);
    const [body] = bodies();
    expect(body!.model).toBe('claude-sonnet-5');
    expect(body!.stream).toBe(true);
    expect(systemText(body!)).toContain('You are the studio assistant.');
    // `--allowedTools` only approves calls; what the model is offered is `--tools`' job.
    expect(toolNames(body!)).toEqual(expect.arrayContaining(['Agent', 'Bash', 'Edit', 'Read', 'Write', 'WebFetch']));
    expect(server.messages()[0]!.headers['x-api-key']).toBe(apiKey);
  });

  it('runs a Write call in the working directory, sent as plain JSON after a dropped stream; --tools is exactly what is offered', async () => {
    const write = { tool: 'Write', input: { file_path: 'evaluation.md', content: '# Emma\n\nStrong turns.\n' } };
    const { cwd, run, bodies } = await setup(scripted({ '[task:write]': [{ drop: true }, write, { text: 'Wrote evaluation.md.' }] }));
    const outcome = await run({ prompt: 'Evaluate [task:write]', model: 'sonnet', tools: ['Read', 'Write'], allowedTools: ['Write'], permissionMode: 'acceptEdits' });
    expect(outcome).toMatchObject({ ok: true, result: 'Wrote evaluation.md.', turns: 2, permissionDenials: [] });
    expect(readFileSync(join(cwd, 'evaluation.md'), 'utf8')).toBe('# Emma\n\nStrong turns.\n');
    const [dropped, fallback, last] = bodies();
    // The CLI asks again without streaming after a broken stream.
    expect([dropped!.stream, fallback!.stream, last!.stream]).toEqual([true, undefined, true]);
    expect(toolNames(dropped!)).toEqual(['Read', 'Write']);
    expect(toolResults(last!)).toContain('File created successfully');
  });

  it('lists a tool offered but not allowed as a denial, and the run still succeeds', async () => {
    const { cwd, run, bodies } = await setup(
      scripted({ '[task:deny]': [{ tool: 'Bash', input: { command: 'touch bash-ran', description: 'touch' } }, { text: 'Could not run it.' }] }),
    );
    const outcome = await run({ prompt: 'Try [task:deny]', model: 'sonnet', tools: ['Bash', 'Write'], allowedTools: ['Write'] });
    expect(outcome).toMatchObject({ ok: true, result: 'Could not run it.', permissionDenials: [{ tool_name: 'Bash', tool_input: { command: 'touch bash-ran' } }] });
    expect(existsSync(join(cwd, 'bash-ran'))).toBe(false);
    const last = bodies().at(-1)!;
    expect(JSON.stringify(last.messages.at(-1))).toContain('"is_error":true');
  });

  it('delegates to a sub-agent from --agents, whose own request carries its prompt, model and tools', async () => {
    const { server, run, bodies } = await setup(
      scripted(
        { '[task:delegate]': [{ tool: 'Agent', input: { subagent_type: 'reviewer', description: 'Review the plan', prompt: 'Review the plan [sub:review]' } }, { text: 'The reviewer agrees.' }] },
        { '[sub:review]': [{ text: 'Looks right to me.' }] },
      ),
    );
    const agents = { reviewer: { description: 'Reviews plans', prompt: 'You are REVIEWER, strict and brief.', tools: ['Read', 'Write'], model: 'haiku' } };
    // `Task` is the sub-agent tool's older name, which `--tools` still maps to `Agent`.
    const outcome = await run({ prompt: 'Plan, then have it reviewed [task:delegate]', model: 'sonnet', tools: ['Task', 'Read'], agents });
    expect(outcome).toMatchObject({ ok: true, result: 'The reviewer agrees.' });
    const subagent = server.messages().findIndex((r) => r.subagent);
    const body = bodies()[subagent]!;
    expect(server.messages()[subagent]!.match).toEqual({ table: 'subagents', key: '[sub:review]', index: 0 });
    expect(body.model).toBe('claude-haiku-4-5-20251001');
    expect(systemText(body)).toContain('cc_is_subagent=true');
    expect(systemText(body)).toContain('You are REVIEWER, strict and brief.');
    expect(firstUserText(body)).toContain('Review the plan [sub:review]');
    // A sub-agent gets only those of its tools that the session's `--tools` also offers.
    expect(toolNames(body)).toEqual(['Read']);
    expect(toolNames(bodies()[0]!)).toEqual(['Agent', 'Read']);
    expect(toolResults(bodies().at(-1)!)).toContain('Looks right to me.');
    // The sub-agent's tokens are in the per-model figures, which the outcome sums.
    expect(outcome.ok && Object.keys(outcome.models).sort()).toEqual(['claude-haiku-4-5-20251001', 'claude-sonnet-5']);
  });

  it('returns structured findings: --json-schema offers a StructuredOutput tool whose input is the value', async () => {
    const findings = { summary: 'Emma is ready.', findings: ['Clean turns', 'Needs stamina'], artifacts: ['evaluation.md'] };
    const { run, bodies } = await setup(scripted({ '[task:findings]': [{ tool: 'StructuredOutput', input: findings }] }));
    const outcome = await run({ prompt: 'Evaluate [task:findings]', model: 'sonnet', tools: ['Read'], jsonSchema: findingsJsonSchema });
    expect(outcome).toMatchObject({ ok: true, structured: findings, summary: 'Emma is ready.', findings: findings.findings, artifacts: ['evaluation.md'] });
    const [body] = bodies();
    const tool = body!.tools!.find((t) => t.name === 'StructuredOutput')!;
    const { $schema: _, ...schema } = findingsJsonSchema;
    expect(tool['input_schema']).toEqual(schema);
    expect(String(tool['description'])).toContain('MUST call this tool exactly once');
    // The CLI stops at the StructuredOutput call: no further request.
    expect(bodies()).toHaveLength(1);
  });

  it('reports a 429 as rate-limited and retryable, after one request: the CLI does not retry', async () => {
    const { server, run } = await setup(scripted({ '[task:busy]': [{ error: 429, retryAfterSeconds: 30 }] }));
    const outcome = await run({ prompt: 'Go [task:busy]', model: 'sonnet', tools: [] });
    expect(outcome).toMatchObject({ ok: false, kind: 'rate-limited', retryable: true, status: 429, exitCode: 1 });
    expect(!outcome.ok && outcome.message).toContain('rate limit of 50 requests per minute');
    expect(server.messages()).toHaveLength(1);
  });

  it('reports a 500 as a retryable api-error', async () => {
    const { server, run } = await setup(scripted({ '[task:broken]': [{ error: 500 }] }));
    const outcome = await run({ prompt: 'Go [task:broken]', model: 'sonnet', tools: [] });
    expect(outcome).toMatchObject({ ok: false, kind: 'api-error', retryable: true, status: 500 });
    expect(server.messages()).toHaveLength(1);
  });

  it('ends a hung run at its timeout, with nothing of its process group left', async () => {
    const { run } = await setup(scripted({ '[task:hang]': [{ hang: 'after-start' }] }));
    const outcome = await run({ prompt: 'Go [task:hang]', model: 'sonnet', tools: [] }, { timeoutMs: 2_500, killGraceMs: 500 });
    expect(outcome).toMatchObject({ ok: false, kind: 'timeout', retryable: true });
    expect(outcome.pid).toBeGreaterThan(0);
    expect(isRunning(outcome.pid!)).toBe(false);
    expect(treeMembers(outcome.pid!, 'SWARM_CLAUDE_RUN=none')).toEqual([]);
  });

  it('on abort also ends what the Bash tool started in a session of its own', async () => {
    const controller = new AbortController();
    const { run, bodies } = await setup({
      ...scripted({ '[task:abort]': [{ tool: 'Bash', input: { command: 'sleep 300 >/dev/null 2>&1 & echo "PID=$!"', description: 'Start a sleeper' } }, { hang: true }] }),
      // Abort the moment the CLI sends the Bash result: the sleeper is running by then.
      respond: (request) => {
        if (request.body.messages.length > 1) controller.abort();
        return undefined;
      },
    });
    const outcome = await run({ prompt: 'Go [task:abort]', model: 'sonnet', tools: ['Bash'], allowedTools: ['Bash'] }, { signal: controller.signal, killGraceMs: 500 });
    expect(outcome).toMatchObject({ ok: false, kind: 'killed', retryable: false });
    const sleeper = Number(/PID=(\d+)/.exec(toolResults(bodies().at(-1)!))?.[1]);
    expect(sleeper).toBeGreaterThan(0);
    expect(isRunning(sleeper)).toBe(false);
    expect(isRunning(outcome.pid!)).toBe(false);
  });

  it('delivers shell metacharacters to the model verbatim and runs none of them', async () => {
    const prompt = '$(touch pwned) ; rm -rf x && `echo hi` | tee y > z [task:meta]';
    const { cwd, run, bodies } = await setup(scripted({ '[task:meta]': [{ text: 'Nothing ran.' }] }));
    writeFileSync(join(cwd, 'x'), 'keep me');
    const outcome = await run({ prompt, model: 'sonnet', tools: [] });
    expect(outcome).toMatchObject({ ok: true, result: 'Nothing ran.' });
    const [body] = bodies();
    expect(body!.messages[0]!.content).toContainEqual(expect.objectContaining({ type: 'text', text: prompt }));
    expect(existsSync(join(cwd, 'pwned'))).toBe(false);
    expect(readFileSync(join(cwd, 'x'), 'utf8')).toBe('keep me');
  });

  it("shows the model's tools no secret of the runner's environment besides the one key", async () => {
    const { run, bodies } = await setup(scripted({ '[task:env]': [{ tool: 'Bash', input: { command: 'env', description: 'Print the environment' } }, { text: 'Seen.' }] }));
    const outcome = await run({ prompt: 'Show env [task:env]', model: 'sonnet', tools: ['Bash'], allowedTools: ['Bash(env)'] });
    expect(outcome).toMatchObject({ ok: true, permissionDenials: [] });
    const printed = toolResults(bodies().at(-1)!);
    expect(printed).toContain('CLAUDE_CODE_MAX_RETRIES=0');
    for (const secret of ['sk-other-secret', 'ghp_secret', 'aws-secret', 'OTHER_API_KEY', 'GITHUB_TOKEN']) expect(printed).not.toContain(secret);
  });

  it('as root, bypassPermissions without IS_SANDBOX=1 fails before any request', async () => {
    const { server, run } = await setup(scripted({}));
    const outcome = await run({ prompt: 'Go', model: 'sonnet', permissionMode: 'bypassPermissions' });
    if (process.getuid?.() === 0) {
      expect(outcome).toMatchObject({ ok: false, kind: 'cli-error', retryable: false, exitCode: 1 });
      expect(!outcome.ok && outcome.message).toContain('cannot be used with root');
      expect(server.messages()).toHaveLength(0);
    } else {
      expect(outcome).toMatchObject({ ok: true });
    }
  });
});

describe('runClaude without a CLI run', () => {
  it('refuses an invalid spec without starting anything', async () => {
    const outcome = await runClaude({ prompt: '', model: 'sonnet' }, { cwd: tmpdir(), apiKey });
    expect(outcome).toMatchObject({ ok: false, kind: 'invalid-spec', retryable: false, message: 'prompt: the prompt is empty' });
    expect(outcome.pid).toBeUndefined();
  });

  it('starts nothing for a signal already aborted', async () => {
    const outcome = await runClaude({ prompt: 'hi', model: 'sonnet' }, { cwd: tmpdir(), apiKey, signal: AbortSignal.abort() });
    expect(outcome).toMatchObject({ ok: false, kind: 'killed', retryable: false });
    expect(outcome.pid).toBeUndefined();
  });

  it('reports a binary that cannot be started as spawn-failed', async () => {
    const outcome = await runClaude({ prompt: 'hi', model: 'sonnet' }, { cwd: tmpdir(), apiKey, claudePath: '/nonexistent/claude' });
    expect(outcome).toMatchObject({ ok: false, kind: 'spawn-failed', retryable: false });
    expect(!outcome.ok && outcome.message).toContain('ENOENT');
  });
});
