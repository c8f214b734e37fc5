import type { IncomingHttpHeaders } from 'node:http';
import { messageEvents, sseEvent, type StreamEvent } from '../model-server/sse.ts';
import type { Message } from '../model-server/message.ts';
import type { MessagesRequest } from '../model-server/request.ts';
import type { Cassette } from './cassette-file.ts';
import type { Exchange, ExchangeKey } from './cassette-schema.ts';
import { describeKey, exchangeKey, lastUserText, sameKey } from './exchange-key.ts';
import { pathNormalizer, pathRewriter, type RunPaths } from './run-paths.ts';
import { assembleMessage, parseSse } from './sse-assemble.ts';

/** An answer to send as is: a status, headers, and a JSON body or a stream in timed pieces. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  chunks?: { ms: number; data: string }[];
}

/**
 * Answers Messages requests from a cassette. A request it has no answer for gets a 400 whose
 * message says which task and turn, and what was asked then and now, so the task stops with
 * that message (the CLI does not retry a 400) instead of hanging. A stream recorded once
 * answers a request for JSON too, and the other way round.
 */
export function replayAnswer(cassette: Cassette, paths?: RunPaths): (body: MessagesRequest, headers: IncomingHttpHeaders) => RawAnswer {
  const normalize = pathNormalizer(paths ?? {});
  const rewrite = pathRewriter(cassette.header.paths, paths);
  return (body, headers) => {
    const keyed = exchangeKey(body, headers, normalize);
    if (!keyed.ok) return invalid(`cassette ${cassette.path} cannot answer: ${keyed.problem}`);
    const exchange = find(cassette.exchanges, keyed.key);
    if (!exchange) return invalid(missMessage(cassette, keyed.key, lastUserText(body, 160)));
    return answerFrom(exchange, body.stream === true, rewrite);
  };
}

/** The exchange for the key; for a later attempt than was recorded, the latest recorded one (a retry asks the same again). */
function find(exchanges: Exchange[], key: ExchangeKey): Exchange | undefined {
  const exact = exchanges.find((e) => sameKey(e.key, key));
  if (exact) return exact;
  const earlier = exchanges.filter((e) => e.key.task === key.task && e.key.thread === key.thread && e.key.turn === key.turn && e.key.attempt < key.attempt);
  return earlier.sort((a, b) => b.key.attempt - a.key.attempt)[0];
}

function missMessage(cassette: Cassette, key: ExchangeKey, now: string): string {
  const sameTask = cassette.exchanges.filter((e) => e.key.task === key.task && e.key.thread === key.thread);
  const head = `cassette ${cassette.path} has no answer for ${describeKey(key)}`;
  if (sameTask.length === 0) return `${head}: nothing was recorded for task ${key.task} (recorded tasks: ${[...new Set(cassette.exchanges.map((e) => e.key.task))].join(', ') || 'none'})`;
  const nearest = sameTask.reduce((best, e) => (Math.abs(e.key.turn - key.turn) < Math.abs(best.key.turn - key.turn) ? e : best));
  const turns = Math.max(...sameTask.map((e) => e.key.turn));
  return `${head} (recorded ${turns} turn${turns === 1 ? '' : 's'}; recorded prompt at turn ${nearest.key.turn}: "${nearest.request.said.slice(0, 160)}" / now: "${now}")`;
}

/**
 * The recorded answer, as JSON or as a stream, whichever the request asks for. A stream goes
 * out byte for byte unless it names a path of the recorded run: then it is assembled, the
 * paths are replaced with this run's, and it is framed again (a path can be split across
 * pieces of a stream, so the pieces cannot be edited one by one).
 */
function answerFrom(exchange: Exchange, stream: boolean, rewrite: ((text: string) => string) | undefined): RawAnswer {
  const { status, headers, chunks } = exchange.response;
  const body = rewrite && exchange.response.body !== undefined ? rewriteJson(exchange.response.body, rewrite) : exchange.response.body;
  if (status !== 200) return { status, headers, body };
  const json = { ...headers, 'content-type': 'application/json' };
  const sse = { ...headers, 'content-type': 'text/event-stream' };
  if (chunks) {
    const assembled = assembleMessage(parseSse(chunks.map((c) => c.data).join('')));
    if (!assembled.ok) return { status: 500, headers: json, body: assembled.error };
    const message = rewrite ? rewriteJson(assembled.message, rewrite) : assembled.message;
    const unchanged = JSON.stringify(message) === JSON.stringify(assembled.message);
    if (!stream) return { status, headers: json, body: message };
    if (unchanged) return { status, headers, chunks };
    return { status, headers: sse, chunks: framed(message as unknown as Message, chunks.at(-1)?.ms ?? 0) };
  }
  if (!stream) return { status, headers, body };
  return { status, headers: sse, chunks: framed(body as Message, exchange.response.ms) };
}

function framed(message: Message, totalMs: number): { ms: number; data: string }[] {
  const events = messageEvents(message);
  return events.map((e: StreamEvent, i) => ({ ms: Math.round((totalMs * (i + 1)) / events.length), data: sseEvent(e) }));
}

/**
 * Rewrites every string in the value (object keys too), not the value's JSON text: there a path
 * that starts a line follows the escape `\n`, so it reads as a piece of a longer name and
 * would be left as recorded.
 */
function rewriteJson(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === 'string') return rewrite(value);
  if (Array.isArray(value)) return value.map((v) => rewriteJson(v, rewrite));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [rewrite(k), rewriteJson(v, rewrite)]));
  return value;
}

function invalid(message: string): RawAnswer {
  return { status: 400, headers: { 'content-type': 'application/json' }, body: { type: 'error', error: { type: 'invalid_request_error', message } } };
}
