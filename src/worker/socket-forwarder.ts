import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface Forwarder {
  /** `http://127.0.0.1:PORT`: what the worker's CLI is given as ANTHROPIC_BASE_URL. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Inside a worker container started with `--network none`, the only way out is the run
 * gateway's Unix socket mounted into it. The CLI speaks HTTP over TCP, so this relays a
 * loopback port of the container's own network namespace to that socket, byte for byte.
 */
export async function forwardLoopbackTo(socketPath: string): Promise<Forwarder> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(socketPath);
    for (const s of [client, upstream]) {
      open.add(s);
      s.once('close', () => open.delete(s));
    }
    client.pipe(upstream).pipe(client);
    // Either side failing ends both: the CLI sees a dropped connection and its call fails as one.
    client.once('error', () => upstream.destroy());
    upstream.once('error', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of open) s.destroy();
      await closed;
    },
  };
}
