import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientHeaders, upstreamHeaders } from '../gateway/forward-headers.ts';
import { listenLocal } from '../gateway/local-server.ts';
import { messagesRequestSchema } from '../model-server/request.ts';
import type { CassetteWriter } from './cassette-file.ts';
import { exchangeKey, lastUserText } from './exchange-key.ts';
import { pathNormalizer, type RunPaths } from './run-paths.ts';

/** Response headers worth keeping: what the answer is, and what the API said about limits. Never credentials. */
const keptHeader = /^(content-type|request-id|retry-after|anthropic-ratelimit-[a-z0-9-]+|x-should-retry)$/;

export interface Recorder {
  /** The value for the workers' ANTHROPIC_BASE_URL. */
  readonly url: string;
  /** How many exchanges were written. */
  recorded(): number;
  close(): Promise<void>;
}

/**
 * A pass-through proxy to the real API (or any Messages API at `upstream`) that writes every
 * Messages exchange to the cassette as it completes: the answer byte for byte, streamed pieces
 * with their timing. The request's credentials go upstream and nowhere else: the cassette
 * keeps the request's key, model and last user text, and only allowlisted response headers.
 */
export async function startRecorder(options: { upstream: string; cassette: CassetteWriter; paths?: RunPaths; onNotice?: (message: string) => void }): Promise<Recorder> {
  const upstream = options.upstream.replace(/\/+$/, '');
  const normalize = pathNormalizer(options.paths ?? {});
  let count = 0;

  async function handle(req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const requestBody = Buffer.concat(chunks);
    const headers = upstreamHeaders(req.headers);
    const sentAt = performance.now();
    const method = req.method ?? 'GET';
    const answer = await fetch(upstream + (req.url ?? '/'), { method, headers, signal, ...(method === 'GET' || method === 'HEAD' ? {} : { body: requestBody }) });
    const kept: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (keptHeader.test(name)) kept[name] = value;
    });
    res.writeHead(answer.status, clientHeaders(answer.headers));
    const pieces: { ms: number; data: string }[] = [];
    if (answer.body) {
      const decoder = new TextDecoder();
      for await (const piece of answer.body) {
        res.write(piece);
        pieces.push({ ms: Math.round(performance.now() - sentAt), data: decoder.decode(piece, { stream: true }) });
      }
      const rest = decoder.decode();
      if (rest !== '') pieces.push({ ms: Math.round(performance.now() - sentAt), data: rest });
    }
    res.end();
    if (method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== '/v1/messages') return;
    const parsed = messagesRequestSchema.safeParse(safeJson(requestBody.toString('utf8')));
    if (!parsed.success) return options.onNotice?.('recorder: a Messages request that is not one was passed on, not recorded');
    const keyed = exchangeKey(parsed.data, req.headers, normalize);
    if (!keyed.ok) return options.onNotice?.(`recorder: not recorded: ${keyed.problem}`);
    const streamed = (kept['content-type'] ?? '').includes('text/event-stream');
    const text = pieces.map((p) => p.data).join('');
    options.cassette.append({
      type: 'exchange',
      key: keyed.key,
      request: { model: parsed.data.model, stream: parsed.data.stream === true, said: lastUserText(parsed.data) },
      response: {
        status: answer.status,
        headers: kept,
        ...(streamed ? { chunks: pieces } : { body: safeJson(text) ?? text }),
        ms: Math.round(performance.now() - sentAt),
      },
    });
    count++;
  }

  const server = await listenLocal('recorder', upstream, handle, options.onNotice);
  return { url: server.url, recorded: () => count, close: () => server.close() };
}

function safeJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
