import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { firstUserText, messagesRequestSchema } from '../../src/model-server/request.ts';

/** What the gate shows its `hold` function of a Messages request on its way to the model. */
export interface GatedRequest {
  firstUserText: string;
  /** No assistant message yet: the first request of a CLI run. */
  firstTurn: boolean;
}

export interface Gate {
  /** The value for `ANTHROPIC_BASE_URL`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A pass-through proxy in front of the scripted server that can hold a Messages request
 * until a promise settles: the tests' barrier for "these CLI runs are all in flight at once",
 * with no timing. A held request whose client went away meanwhile is dropped, never forwarded,
 * so it takes no turn of the script.
 */
export async function startGate(upstream: string, hold: (request: GatedRequest) => Promise<void> | undefined): Promise<Gate> {
  const target = new URL(upstream);
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((req, res) => void forward(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const parsed = req.method === 'POST' ? messagesRequestSchema.safeParse(parseJson(body.toString('utf8'))) : undefined;
    if (parsed?.success) {
      const wait = hold({ firstUserText: firstUserText(parsed.data), firstTurn: !parsed.data.messages.some((m) => m.role === 'assistant') });
      if (wait) await wait;
      if (res.destroyed || req.socket.destroyed) return;
    }
    const out = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    out.end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
