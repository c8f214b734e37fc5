import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { chmodSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /**
   * Serves the same requests on a Unix socket too, reachable by anyone who can see the file:
   * a container with no network reaches the gateway through one mounted into it.
   */
  listenSocket(path: string): Promise<void>;
  /** Aborts every request in flight, drops every connection and stops listening. */
  close(): Promise<void>;
}

/**
 * A proxy's HTTP server on 127.0.0.1 and a free port. Each request gets a signal that aborts
 * when its client hangs up or the server closes, so an upstream call that hangs does not keep
 * the process alive. A handler that throws before answering gets a 502 in the API's error shape
 * naming `what` could not reach `upstream`; one that throws mid-answer has its connection cut.
 */
export async function listenLocal(
  what: string,
  upstream: string,
  handle: (req: IncomingMessage, res: ServerResponse, signal: AbortSignal) => Promise<void>,
  onNotice?: (message: string) => void,
): Promise<LocalServer> {
  const open = new Set<AbortController>();
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const call = new AbortController();
    open.add(call);
    res.on('close', () => {
      open.delete(call);
      if (!res.writableFinished) call.abort(new Error('the client hung up'));
    });
    handle(req, res, call.signal).catch((error: unknown) => {
      if (call.signal.aborted) return res.destroy();
      onNotice?.(`${what}: ${(error as Error).message}`);
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: `swarm's ${what} could not reach ${upstream}: ${(error as Error).message}` } }));
      } else res.destroy();
    });
  };
  const server = createServer(listener);
  const sockets: ReturnType<typeof createServer>[] = [];
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async listenSocket(path) {
      const extra = createServer(listener);
      await new Promise<void>((resolve, reject) => {
        extra.once('error', reject);
        extra.listen(path, () => resolve());
      });
      // The container's user is not the runner's: the mount, not the mode, is what limits who reaches it.
      chmodSync(path, 0o666);
      sockets.push(extra);
    },
    async close() {
      const all = [server, ...sockets];
      const closed = Promise.all(all.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      for (const call of open) call.abort(new Error(`the ${what} closed`));
      for (const s of all) s.closeAllConnections();
      await closed;
    },
  };
}
