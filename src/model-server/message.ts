import { newId } from './errors.ts';
import { isToolTurn, type TextTurn, type ToolTurn } from './script.ts';
import { usage, type InputUsage, type Usage } from './usage.ts';

export type ContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

/** A complete assistant message, as the non-streaming API returns it. */
export interface Message {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: ContentBlock[];
  stop_reason: 'end_turn' | 'tool_use';
  stop_sequence: null;
  usage: Usage;
}

/** The assistant message a text or tool turn stands for; output usage counts what it says. */
export function buildMessage(turn: TextTurn | ToolTurn, model: string, input: InputUsage): Message {
  const content: ContentBlock[] = [];
  if (isToolTurn(turn)) {
    if (turn.text) content.push({ type: 'text', text: turn.text });
    content.push({ type: 'tool_use', id: newId('toolu'), name: turn.tool, input: turn.input });
  } else {
    content.push({ type: 'text', text: turn.text });
  }
  const outputChars = content.reduce((n, b) => n + (b.type === 'text' ? b.text.length : JSON.stringify(b.input).length), 0);
  return {
    id: newId('msg'),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: isToolTurn(turn) ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: usage(input, outputChars),
  };
}
