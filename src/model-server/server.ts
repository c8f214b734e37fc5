import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { errorBody, newId, type ErrorStatus } from './errors.ts';
import { buildMessage } from './message.ts';
import { firstUserText, isSubagentRequest, messagesRequestSchema, type MessagesRequest } from './request.ts';
import { isDropTurn, isErrorTurn, isHangTurn, type Script, type Turn } from './script.ts';
import { ScriptPlayer, type ScriptMatch } from './script-player.ts';
import { messageEvents, messageStart, sseEvent } from './sse.ts';
import { breakpointProblem } from './prompt-blocks.ts';
import { PromptCache, type PromptCacheOptions, type Usage } from './usage.ts';
import type { RawAnswer } from '../cassette/replay-answer.ts';

/** One request as the server received it, logged before it is answered (so hung ones show too). */
export interface RecordedRequest {
  method: string;
  /** The path with its query string, e.g. `/v1/messages?beta=true`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; `undefined` when there was none or it was not JSON. */
  body: unknown;
  /** For a Messages request: whether Claude Code marked it as a sub-agent's. */
  subagent?: boolean;
  /** The turn it was answered with, and which script entry gave it (absent for the default turn). */
  turn?: Turn;
  match?: ScriptMatch;
  /** The usage the server reported for a message it answered in full (not for a replayed answer). */
  usage?: Usage;
}

/** What a `respond` function is shown of a Messages request. */
export interface ScriptRequest {
  body: MessagesRequest;
  headers: IncomingHttpHeaders;
  subagent: boolean;
  firstUserText: string;
}

export interface ModelServerOptions {
  /** Which answer each request gets. @default no entries: every request gets the default text turn */
  script?: Script;
  /** Full control: a turn for the request, or `undefined` to fall back to the script. */
  respond?: (request: ScriptRequest) => Turn | undefined;
  /** Lower still: the exact response to send (a replayed cassette's), before `respond` and the script. */
  answer?: (body: MessagesRequest, headers: IncomingHttpHeaders) => RawAnswer | undefined;
  /** Replays a raw answer's stream at its recorded pace, not at once. @default false */
  pace?: boolean;
  /** When set, a request carrying another key is refused with 401, as the real API does. */
  apiKey?: string;
  /** The prompt cache's clock and per-model minimum. @default the wall clock and the API's minimums */
  promptCache?: PromptCacheOptions;
  /** @default 0 (a free port) */
  port?: number;
}

export interface ModelServer {
  /** E.g. `http://127.0.0.1:40123`: the value for `ANTHROPIC_BASE_URL`. */
  readonly url: string;
  /** Every request received, in arrival order. */
  readonly requests: RecordedRequest[];
  /** The Messages requests only (`POST /v1/messages`). */
  messages(): RecordedRequest[];
  /** Stops listening and drops every open connection, hung requests included. */
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, requestId: string, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId, ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: ErrorStatus, requestId: string, message?: string, headers?: Record<string, string>): void {
  sendJson(res, status, requestId, errorBody(status, requestId, message), headers);
}

async function sendRaw(res: ServerResponse, raw: RawAnswer, requestId: string, pace: boolean, signal: AbortSignal): Promise<void> {
  const headers = { 'request-id': requestId, ...raw.headers };
  if (!raw.chunks) return sendJson(res, raw.status, requestId, raw.body, headers);
  res.writeHead(raw.status, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
  let elapsed = 0;
  for (const chunk of raw.chunks) {
    if (pace && chunk.ms > elapsed) await delay(chunk.ms - elapsed, undefined, { signal });
    elapsed = Math.max(elapsed, chunk.ms);
    res.write(chunk.data);
  }
  res.end();
}

function keyOf(headers: IncomingHttpHeaders): string | undefined {
  const key = headers['x-api-key'];
  if (typeof key === 'string') return key;
  return headers.authorization?.replace(/^Bearer\s+/i, '');
}

/**
 * Starts an Anthropic Messages API stand-in on 127.0.0.1 that answers from a script: the one
 * stand-in the project allows, so the real CLI and SDK can be driven offline.
 * @example
 * const server = await startModelServer({ script: { tasks: { '[task:a]': [{ tool: 'Write', input: { file_path: 'x', content: 'y' } }, { text: 'Done.' }] } } });
 */
export async function startModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const player = new ScriptPlayer(options.script ?? {});
  const cache = new PromptCache(options.promptCache);
  const requests: RecordedRequest[] = [];
  const closing = new AbortController();

  async function answerMessages(res: ServerResponse, record: RecordedRequest, requestId: string): Promise<void> {
    const key = keyOf(record.headers);
    if (options.apiKey !== undefined && key !== options.apiKey) return sendError(res, 401, requestId);
    const parsed = messagesRequestSchema.safeParse(record.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return sendError(res, 400, requestId, `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid JSON'}`);
    }
    const body = parsed.data;
    const refused = breakpointProblem(body);
    if (refused) return sendError(res, 400, requestId, refused);
    const subagent = isSubagentRequest(body);
    const raw = options.answer?.(body, record.headers);
    if (raw) {
      record.subagent = subagent;
      return sendRaw(res, raw, requestId, options.pace === true, closing.signal);
    }
    const custom = options.respond?.({ body, headers: record.headers, subagent, firstUserText: firstUserText(body) });
    const played = custom === undefined ? player.next(body) : { turn: custom };
    Object.assign(record, { subagent, turn: played.turn, ...(played.match && { match: played.match }) });
    const turn = played.turn;
    if (turn.delayMs) await delay(turn.delayMs, undefined, { signal: closing.signal });
    if (isErrorTurn(turn) && turn.midStream && body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': requestId });
      res.write(sseEvent(messageStart(buildMessage({ text: '' }, body.model, cache.measure(body)))));
      const { type, error } = errorBody(turn.error, requestId, turn.message);
      return void res.end(sseEvent({ type, error }));
    }
    if (isErrorTurn(turn)) {
      const retryable = turn.error === 429 || turn.error === 529;
      const retryAfter = turn.retryAfterSeconds ?? (turn.error === 429 ? 1 : undefined);
      const headers: Record<string, string> = retryable && retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
      return sendError(res, turn.error, requestId, turn.message, headers);
    }
    const input = cache.measure(body);
    if (isDropTurn(turn)) {
      if (!body.stream) return void res.destroy();
      res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': requestId });
      return void res.write(sseEvent(messageStart(buildMessage({ text: '' }, body.model, input))), () => res.destroy());
    }
    if (isHangTurn(turn)) {
      if (turn.hang === 'after-start' && body.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': requestId });
        res.write(sseEvent(messageStart(buildMessage({ text: '' }, body.model, input))));
      }
      return; // Left open: close() destroys the socket.
    }
    const message = buildMessage(turn, body.model, input);
    record.usage = message.usage;
    if (!body.stream) return sendJson(res, 200, requestId, message);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': requestId });
    res.end(messageEvents(message).map(sseEvent).join(''));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newId('req');
    const path = req.url ?? '/';
    const pathname = new URL(path, 'http://localhost').pathname;
    const record: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body: parseJson(await readBody(req)) };
    requests.push(record);
    if ((req.method === 'HEAD' || req.method === 'GET') && pathname === '/') {
      res.writeHead(200, { 'request-id': requestId });
      return void res.end();
    }
    if (req.method === 'POST' && pathname === '/v1/messages') return answerMessages(res, record, requestId);
    if (req.method === 'POST' && pathname === '/v1/messages/count_tokens') {
      const parsed = messagesRequestSchema.omit({ max_tokens: true }).safeParse(record.body);
      if (!parsed.success) return sendError(res, 400, requestId, 'invalid request body');
      // A cache of its own: counting must not warm the cache that real requests read.
      const input = new PromptCache().measure(parsed.data);
      return sendJson(res, 200, requestId, { input_tokens: input.input_tokens + input.cache_creation_input_tokens + input.cache_read_input_tokens });
    }
    sendError(res, 404, requestId, `${req.method} ${pathname} is not an endpoint of this stand-in`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (closing.signal.aborted) return;
      if (!res.headersSent) sendError(res, 500, newId('req'), String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    messages: () => requests.filter((r) => r.method === 'POST' && r.path.split('?')[0] === '/v1/messages'),
    async close() {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
