import { z } from 'zod';

const block = z.looseObject({ type: z.string() });
const content = z.union([z.string(), z.array(block)]);

/**
 * The part of a Messages API request body the stand-in reads; everything else passes through.
 * `role: "system"` entries inside `messages` are accepted because the CLI sends them.
 */
export const messagesRequestSchema = z.looseObject({
  model: z.string().min(1),
  max_tokens: z.number().int().positive(),
  messages: z.array(z.looseObject({ role: z.enum(['user', 'assistant', 'system']), content })),
  system: content.optional(),
  tools: z.array(z.looseObject({ name: z.string() })).optional(),
  stream: z.boolean().optional(),
});

export type MessagesRequest = z.infer<typeof messagesRequestSchema>;

function textOf(value: z.infer<typeof content> | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value.map((b) => (typeof b['text'] === 'string' ? b['text'] : '')).join('\n');
}

/** The text of the conversation's first user message: what script keys are looked up in. */
export function firstUserText(request: MessagesRequest): string {
  return textOf(request.messages.find((m) => m.role === 'user')?.content);
}

/** The text of the system prompt, blocks joined by newlines. */
export function systemText(request: MessagesRequest): string {
  return textOf(request.system);
}

/** Claude Code marks a sub-agent's requests in their first system block. */
export function isSubagentRequest(request: MessagesRequest): boolean {
  const first = typeof request.system === 'string' ? request.system : request.system?.[0]?.['text'];
  return typeof first === 'string' && first.includes('cc_is_subagent=true');
}
