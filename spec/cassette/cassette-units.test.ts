import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeKey, promptText, taskHeaders } from '../../src/cassette/exchange-key.ts';
import type { Cassette } from '../../src/cassette/cassette-file.ts';
import { replayAnswer } from '../../src/cassette/replay-answer.ts';
import { pathNormalizer, pathRewriter, runPaths } from '../../src/cassette/run-paths.ts';
import { assembleMessage, parseSse } from '../../src/cassette/sse-assemble.ts';
import { buildMessage } from '../../src/model-server/message.ts';
import type { MessagesRequest } from '../../src/model-server/request.ts';
import { messageEvents, sseEvent } from '../../src/model-server/sse.ts';
import { seeded } from '../support/property.ts';

const input = { input_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
const jsonObject = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue(), { maxKeys: 4 });

describe('assembleMessage', () => {
  it('turns any message streamed the way the API streams it back into that message, however the stream is cut', () => {
    const turn = fc.oneof(
      fc.record({ text: fc.string() }),
      fc.record({ tool: fc.constantFrom('Write', 'Read', 'StructuredOutput'), input: jsonObject, text: fc.option(fc.string({ minLength: 1 }), { nil: undefined }) }),
    );
    fc.assert(
      fc.property(turn, fc.array(fc.nat(), { maxLength: 6 }), (t, cuts) => {
        const message = buildMessage(t as never, 'claude-sonnet-5', input);
        const text = messageEvents(message).map(sseEvent).join('');
        // The network cuts a stream anywhere; the pieces joined are the stream.
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...points, text.length].slice(1).map((end, i, all) => text.slice(i === 0 ? 0 : all[i - 1], end));
        const assembled = assembleMessage(parseSse(pieces.join('')));
        expect(assembled).toEqual({ ok: true, message: JSON.parse(JSON.stringify(message)) });
      }),
      seeded(200),
    );
  });

  it('gives the error of a stream that ends in an error event', () => {
    const text = sseEvent({ type: 'message_start', message: { id: 'm', content: [] } }) + sseEvent({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    expect(assembleMessage(parseSse(text))).toEqual({ ok: false, error: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } });
  });
});

function request(messages: MessagesRequest['messages'], system?: string): MessagesRequest {
  return { model: 'm', max_tokens: 100, messages, ...(system === undefined ? {} : { system }) };
}

describe('exchangeKey', () => {
  const headers = { 'x-swarm-task': 'evaluate', 'x-swarm-attempt': '2' };

  it('counts the turn from the assistant messages already in the conversation', () => {
    fc.assert(
      fc.property(fc.nat({ max: 8 }), (n) => {
        const messages: MessagesRequest['messages'] = [{ role: 'user', content: 'go' }];
        for (let i = 0; i < n; i++) messages.push({ role: 'assistant', content: 'x' }, { role: 'user', content: 'y' });
        const key = exchangeKey(request(messages), headers);
        expect(key).toEqual({ ok: true, key: { task: 'evaluate', attempt: 2, thread: 'main', turn: n + 1 } });
      }),
      seeded(50),
    );
  });

  it("keys a sub-agent by its prompt, whatever date or run path the CLI's reminders carry", () => {
    const sub = (date: string, dir: string) =>
      request(
        [{ role: 'user', content: [{ type: 'text', text: `<system-reminder>\nToday's date is ${date}.\n</system-reminder>` }, { type: 'text', text: `Check ${dir}/routine.md for turns.` }] }],
        'x-anthropic-billing-header: cc_is_subagent=true; You review.',
      );
    const a = exchangeKey(sub('2026-12-01', '/tmp/a/runs/r1'), headers, pathNormalizer({ run_dir: '/tmp/a/runs/r1' }));
    const b = exchangeKey(sub('2027-01-09', '/home/b/runs/r2'), headers, pathNormalizer({ run_dir: '/home/b/runs/r2' }));
    expect(a.ok && a.key.thread).toMatch(/^agent:[0-9a-f]{12}$/);
    expect(a).toEqual(b);
    const other = exchangeKey(sub('2026-12-01', '/tmp/a/runs/r1/other'), headers, pathNormalizer({ run_dir: '/tmp/a/runs/r1' }));
    expect(other).not.toEqual(a);
  });

  it('refuses a request with no task header: it did not come from a swarm worker', () => {
    expect(exchangeKey(request([{ role: 'user', content: 'hi' }]), {})).toMatchObject({ ok: false, problem: expect.stringContaining('x-swarm-task') });
  });

  it('keeps the custom headers a user set, adding the task and attempt after them', () => {
    expect(taskHeaders(undefined, 't', 1)).toBe('x-swarm-task: t\nx-swarm-attempt: 1');
    expect(taskHeaders('x-gateway: eu\n', 't', 3)).toBe('x-gateway: eu\nx-swarm-task: t\nx-swarm-attempt: 3');
  });

  it('reads the prompt without the reminders', () => {
    const body = request([{ role: 'user', content: [{ type: 'text', text: '<system-reminder>date</system-reminder>' }, { type: 'text', text: 'The prompt.' }] }]);
    expect(promptText(body)).toBe('The prompt.');
  });
});

describe('run paths', () => {
  const segment = fc.stringMatching(/^[a-z0-9]{1,6}$/);
  const dir = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}`);

  it("rewrites the recorded run's paths to this run's, the run directory inside the base directory included", () => {
    // The second run's directory is sometimes inside the first's, so a replacement could be replaced again.
    const bases = fc.tuple(dir, dir, fc.boolean()).map(([a, b, nested]) => [a, nested ? a + b : b] as const);
    fc.assert(
      fc.property(bases, segment, segment, fc.string(), ([base1, base2], id1, id2, noise) => {
        const recorded = runPaths(`${base1}/.swarm/runs/${id1}`, base1);
        const current = runPaths(`${base2}/.swarm/runs/${id2}`, base2);
        const text = `write ${recorded['run_dir']}/results/m/t/a.md after reading ${recorded['base_dir']}/studio/x.md`;
        const rewrite = pathRewriter(recorded, current);
        const expected = `write ${current['run_dir']}/results/m/t/a.md after reading ${current['base_dir']}/studio/x.md`;
        expect(rewrite ? rewrite(text) : text).toBe(expected);
        // Normalised, the two runs' texts read the same.
        expect(pathNormalizer(recorded)(text + noise.replaceAll('/', ''))).toBe(pathNormalizer(current)(expected + noise.replaceAll('/', '')));
      }),
      seeded(200),
    );
  });
});

describe('replayAnswer', () => {
  const recorded = runPaths('/tmp/rec/runs/r1', '/tmp/rec/workflows');
  const current = runPaths('/home/ci/runs/offline', '/home/ci/workflows');
  // A sub-agent's prompt with paths at the start of lines: in the answer's JSON text each follows `\n`.
  const prompt = (p: typeof recorded) => `Workspace: ${p['base_dir']}/code\n\n${p['base_dir']}/code/test/a.test.ts: ages.\n${p['run_dir']}/results/x.md\n\t${p['base_dir']}/code/b.ts`;
  const message = (p: typeof recorded) => buildMessage({ tool: 'Agent', input: { prompt: prompt(p), [`${p['base_dir']}/key`]: [`${p['base_dir']}`] } }, 'claude-sonnet-5', input);
  const headers = { 'x-swarm-task': 't', 'x-swarm-attempt': '1' };
  const body = (stream: boolean): MessagesRequest => ({ ...request([{ role: 'user', content: 'go' }]), stream });
  const exchange = (response: Cassette['exchanges'][number]['response']): Cassette => ({
    path: '/tmp/rec/workflows/w.cassette.jsonl',
    header: { type: 'cassette', version: 1, workflow: 'w', recorded_at: '2026-12-02T00:00:00.000Z', source: 'authored', paths: recorded },
    exchanges: [{ type: 'exchange', key: { task: 't', attempt: 1, thread: 'main', turn: 1 }, request: { model: 'claude-sonnet-5', stream: true, said: 'go' }, response }],
  });
  const toolInput = (answer: { body?: unknown; chunks?: { data: string }[] }) => {
    const assembled = answer.chunks ? assembleMessage(parseSse(answer.chunks.map((c) => c.data).join(''))) : { ok: true as const, message: answer.body };
    if (!assembled.ok) throw new Error('not a message');
    return (assembled.message as { content: { input?: unknown }[] }).content.at(-1)?.input;
  };

  it("puts this run's paths everywhere the recorded ones appear in an answer, at the start of a line too, streamed or not", () => {
    const recordedMessage = message(recorded);
    const chunks = messageEvents(recordedMessage).map((e, i) => ({ ms: i, data: sseEvent(e) }));
    const expected = message(current).content.at(-1);
    for (const response of [{ status: 200, headers: { 'content-type': 'text/event-stream' }, chunks, ms: 5 }, { status: 200, headers: { 'content-type': 'application/json' }, body: recordedMessage, ms: 5 }]) {
      for (const stream of [true, false]) {
        const answer = replayAnswer(exchange(response), current)(body(stream), headers);
        expect(answer.status).toBe(200);
        expect(toolInput(answer)).toEqual((expected as { input: unknown }).input);
        expect(JSON.stringify(answer)).not.toContain('/tmp/rec');
      }
    }
  });
});
