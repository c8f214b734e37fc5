/** The `data:` objects of a server-sent event stream, in order; lines that are not data are skipped. */
export function parseSse(text: string): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (const frame of text.split(/\r?\n\r?\n/)) {
    const data = frame
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (data === '') continue;
    try {
      const parsed: unknown = JSON.parse(data);
      if (typeof parsed === 'object' && parsed !== null) events.push(parsed as Record<string, unknown>);
    } catch {
      // A torn last frame: what came before it still makes a message.
    }
  }
  return events;
}

type Block = Record<string, unknown> & { type: string };

/**
 * The message a Messages API event stream amounts to, as the non-streaming API would have
 * returned it: so a stream recorded once can answer a request that asks for JSON, and the
 * other way round. An `error` event becomes the error body.
 */
export function assembleMessage(events: Record<string, unknown>[]): { ok: true; message: Record<string, unknown> } | { ok: false; error: Record<string, unknown> } {
  let message: Record<string, unknown> | undefined;
  const blocks: Block[] = [];
  const partialJson = new Map<number, string>();
  for (const event of events) {
    const index = typeof event['index'] === 'number' ? event['index'] : -1;
    switch (event['type']) {
      case 'error':
        return { ok: false, error: { type: 'error', error: event['error'] } };
      case 'message_start':
        message = { ...(event['message'] as Record<string, unknown>) };
        break;
      case 'content_block_start':
        blocks[index] = { ...(event['content_block'] as Block) };
        break;
      case 'content_block_delta': {
        const block = blocks[index];
        const delta = event['delta'] as Record<string, unknown>;
        if (!block) break;
        if (delta['type'] === 'text_delta') block['text'] = String(block['text'] ?? '') + String(delta['text']);
        else if (delta['type'] === 'thinking_delta') block['thinking'] = String(block['thinking'] ?? '') + String(delta['thinking']);
        else if (delta['type'] === 'signature_delta') block['signature'] = String(delta['signature']);
        else if (delta['type'] === 'input_json_delta') partialJson.set(index, (partialJson.get(index) ?? '') + String(delta['partial_json']));
        break;
      }
      case 'content_block_stop': {
        const json = partialJson.get(index);
        const block = blocks[index];
        if (block && json !== undefined) block['input'] = json.trim() === '' ? {} : JSON.parse(json);
        break;
      }
      case 'message_delta':
        if (message) {
          Object.assign(message, event['delta'] as Record<string, unknown>);
          message['usage'] = { ...(message['usage'] as Record<string, unknown>), ...(event['usage'] as Record<string, unknown>) };
        }
        break;
    }
  }
  if (!message) return { ok: false, error: { type: 'error', error: { type: 'api_error', message: 'the recorded stream holds no message' } } };
  return { ok: true, message: { ...message, content: blocks.filter(Boolean) } };
}
