import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { systemClock, type Clock } from '../limits/clock.ts';
import type { LimitQueue } from '../limits/limit-queue.ts';
import type { Demand, LimitName } from '../limits/rate-limiter.ts';
import { actualDemand, type MessagesUsage } from '../limits/usage.ts';
import { messagesRequestSchema, type MessagesRequest } from '../model-server/request.ts';
import { AnswerUsage } from './answer-usage.ts';
import { DemandHistory } from './demand-history.ts';
import { clientHeaders, upstreamHeaders } from './forward-headers.ts';
import { listenLocal, type LocalServer } from './local-server.ts';

/** Whose a request is: the task attempt that sent it, and the limit scopes it is charged to. */
export interface Route {
  task: string;
  attempt: number;
  worker: string;
  /** Every scope the request is charged to, e.g. `key MARIE_API_KEY` and `worker marie`. */
  scopes: string[];
  /** The account's scope: a 429 on it pauses every worker that shares the key. */
  keyScope: string;
}

export interface GatewayWait {
  scope: string;
  limit: LimitName;
  cause: 'capacity' | 'paused' | 'retry-after';
  waitMs: number;
}

export interface GatewayAnswer {
  model: string;
  status: number;
  /** Absent when the answer carried none (an error, a cut stream). */
  usage?: MessagesUsage;
  /** The sub-agent that made the call, when `agentOf` knew it. */
  agent?: string;
  /** Time spent waiting for capacity (and out retry-after pauses) before the call went out. */
  waitedMs: number;
}

export interface GatewayOptions {
  /** Where requests go: the API, a recorder or a replay server. */
  upstream: string;
  queue: LimitQueue;
  /** Whose a request is, from its headers; undefined passes it on unlimited and uncounted. */
  route(headers: IncomingHttpHeaders): Route | undefined;
  /** A reason to refuse the call (its task's budget is spent); undefined lets it through. */
  admit?(route: Route): string | undefined;
  onWait?(route: Route, wait: GatewayWait): void;
  onAnswer?(route: Route, answer: GatewayAnswer): void;
  agentOf?(route: Route, request: MessagesRequest): string | undefined;
  onNotice?(message: string): void;
  /**
   * 429s and 529s the gateway waits out and sends again before it passes one to the CLI.
   * @default 8
   */
  maxRateLimitRetries?: number;
  /** Jitter source in [0, 1). @default Math.random */
  random?: () => number;
  clock?: Clock;
}

/** `url` is the value for the workers' ANTHROPIC_BASE_URL. */
export type Gateway = LocalServer;

/** The wait before sending again after a 429/529 with no retry-after: doubling from 2 s, at most 60 s. */
const fallbackBackoffMs = (retry: number) => Math.min(60_000, 2000 * 2 ** retry);

/**
 * The run's one door to the Messages API. Every call a worker's CLI makes passes here: it
 * waits for room on the buckets of its API key and its worker (so workers sharing a key share
 * its limits), goes upstream, and streams back untouched while its usage is read off the wire
 * to correct the buckets and to be counted. A 429 or 529 pauses everything on that key for
 * the retry-after (plus jitter) and the call is sent again, so the task goes on instead of
 * failing. Credentials pass through to the upstream and are never stored or logged.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const upstream = options.upstream.replace(/\/+$/, '');
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const maxRetries = options.maxRateLimitRetries ?? 8;
  const history = new DemandHistory();
  // The signal ends the upstream call and the wait when the client hangs up or the gateway closes.
  async function handle(req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const send = () => fetch(upstream + (req.url ?? '/'), { method, headers: upstreamHeaders(req.headers), signal, ...(method === 'GET' || method === 'HEAD' ? {} : { body }) });
    const isMessages = method === 'POST' && new URL(req.url ?? '/', 'http://x').pathname === '/v1/messages';
    const parsed = isMessages ? messagesRequestSchema.safeParse(json(body.toString('utf8'))) : undefined;
    const route = parsed?.success ? options.route(req.headers) : undefined;
    if (parsed === undefined || !parsed.success || route === undefined) {
      await pipe(await send(), res);
      return;
    }
    const request = parsed.data;
    const refusal = options.admit?.(route);
    if (refusal !== undefined) {
      // A client error, so the CLI ends the task at once instead of retrying it.
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: `swarm stopped task ${route.task}: ${refusal}` } }));
      return;
    }
    const demand = history.estimate(route, request, body.length);
    const began = clock.now();
    let pausedByUs = false;
    for (let retry = 0; ; retry++) {
      const { ticket } = await options.queue.acquire(route.scopes, demand, {
        signal,
        onWait: (w) => {
          // The pause this call's own 429 set was reported as `retry-after` already.
          if (pausedByUs && w.reason === 'paused' && w.scope === route.keyScope) return;
          options.onWait?.(route, { scope: w.scope, limit: w.limit, cause: w.reason, waitMs: w.waitMs });
        },
      });
      pausedByUs = false;
      let answer: Response;
      try {
        answer = await send();
      } catch (error) {
        options.queue.settle(ticket, { inputTokens: 0, outputTokens: 0 });
        throw error;
      }
      if ((answer.status === 429 || answer.status === 529) && retry < maxRetries) {
        await answer.arrayBuffer();
        // The refused call still counted as a request; it used no tokens.
        options.queue.settle(ticket, { inputTokens: 0, outputTokens: 0 });
        const retryAfter = Number(answer.headers.get('retry-after'));
        const base = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : fallbackBackoffMs(retry);
        const delay = Math.round(base * (1 + 0.25 * random()));
        const limit = limitHit(answer.headers);
        options.queue.pause(route.keyScope, clock.now() + delay, limit);
        pausedByUs = true;
        options.onWait?.(route, { scope: route.keyScope, limit, cause: 'retry-after', waitMs: delay });
        continue;
      }
      let usage: MessagesUsage | undefined;
      try {
        usage = await pipe(answer, res);
      } finally {
        // A stream cut short still holds its estimate: what it used is unknown.
        options.queue.settle(ticket, usage === undefined ? demand : actualDemand(usage));
      }
      if (usage !== undefined) history.record(route, usage, request);
      const agent = options.agentOf?.(route, request);
      options.onAnswer?.(route, { model: request.model, status: answer.status, ...(usage && { usage }), ...(agent !== undefined && { agent }), waitedMs: clock.now() - began });
      return;
    }
  }

  return listenLocal('gateway', upstream, handle, options.onNotice);
}

/** Streams an upstream answer to the client, reading its usage on the way. */
async function pipe(answer: Response, res: ServerResponse): Promise<MessagesUsage | undefined> {
  res.writeHead(answer.status, clientHeaders(answer.headers));
  const reader = new AnswerUsage(answer.headers.get('content-type') ?? '');
  if (answer.body) {
    const decoder = new TextDecoder();
    for await (const piece of answer.body) {
      res.write(piece);
      reader.feed(decoder.decode(piece, { stream: true }));
    }
    reader.feed(decoder.decode());
  }
  res.end();
  return reader.usage();
}

/** Which limit a 429 hit, from the API's `anthropic-ratelimit-*-remaining` headers. */
function limitHit(headers: Headers): LimitName {
  const spent = (name: string) => headers.get(`anthropic-ratelimit-${name}-remaining`) === '0';
  if (spent('input-tokens')) return 'input tokens/min';
  if (spent('output-tokens')) return 'output tokens/min';
  if (spent('tokens')) return 'tokens/min';
  return 'requests/min';
}

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type { Demand };
