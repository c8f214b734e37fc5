import type { IncomingHttpHeaders } from 'node:http';

/** Request headers not passed upstream: hop-by-hop, or ones fetch sets itself. */
const droppedRequestHeader = /^(host|connection|content-length|transfer-encoding|keep-alive|accept-encoding)$/;
/** Response headers not passed back: fetch has already decoded and de-chunked the body. */
const droppedResponseHeader = /^(content-encoding|content-length|transfer-encoding|connection|keep-alive)$/;

/**
 * A client's request headers as fetch should send them on: credentials included (they are the
 * client's to send upstream), hop-by-hop ones dropped, and no compression, so a proxy can read
 * the answer as it streams past.
 */
export function upstreamHeaders(headers: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || droppedRequestHeader.test(name)) continue;
    out.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  out.set('accept-encoding', 'identity');
  return out;
}

/** An upstream answer's headers as the client should get them. */
export function clientHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!droppedResponseHeader.test(name)) out[name] = value;
  });
  return out;
}
