import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isSubagentRequest, type MessagesRequest } from '../model-server/request.ts';
import type { ExchangeKey } from './cassette-schema.ts';

/** Headers the worker adds to every API call of its CLI (through ANTHROPIC_CUSTOM_HEADERS). */
export const taskHeader = 'x-swarm-task';
export const attemptHeader = 'x-swarm-attempt';

/** The ANTHROPIC_CUSTOM_HEADERS value that marks a CLI's calls as one task attempt's, kept after any the user set. */
export function taskHeaders(existing: string | undefined, task: string, attempt: number): string {
  const ours = `${taskHeader}: ${task}\n${attemptHeader}: ${attempt}`;
  return existing === undefined || existing.trim() === '' ? ours : `${existing.trimEnd()}\n${ours}`;
}

/**
 * The key of a Messages request, or why it has none. A sub-agent's conversation is known by
 * the prompt it was handed, which the (recorded) main conversation wrote, so it is the same
 * in every replay; the turn counts assistant messages, so a request the CLI sends again (a
 * dropped stream) finds the same answer.
 */
export function exchangeKey(
  body: MessagesRequest,
  headers: IncomingHttpHeaders,
  /** Makes run-specific text (paths) the same in every run before it is digested. */
  normalize: (text: string) => string = (t) => t,
): { ok: true; key: ExchangeKey } | { ok: false; problem: string } {
  const task = one(headers[taskHeader]);
  const attempt = Number(one(headers[attemptHeader]) ?? '1');
  if (task === undefined) return { ok: false, problem: `the request carries no ${taskHeader} header: it did not come from a swarm worker` };
  if (!Number.isInteger(attempt) || attempt < 1) return { ok: false, problem: `${attemptHeader} is not a positive integer` };
  const thread = isSubagentRequest(body) ? `agent:${digest(normalize(promptText(body)))}` : 'main';
  const turn = body.messages.filter((m) => m.role === 'assistant').length + 1;
  return { ok: true, key: { task, attempt, thread, turn } };
}

export function describeKey(key: ExchangeKey): string {
  return `task ${key.task} attempt ${key.attempt} turn ${key.turn}${key.thread === 'main' ? '' : ` (sub-agent ${key.thread.slice('agent:'.length)})`}`;
}

export function sameKey(a: ExchangeKey, b: ExchangeKey): boolean {
  return a.task === b.task && a.attempt === b.attempt && a.thread === b.thread && a.turn === b.turn;
}

/** What the request says last: the prompt on the first turn, tool results after. */
export function lastUserText(body: MessagesRequest, limit = 400): string {
  const last = [...body.messages].reverse().find((m) => m.role === 'user');
  if (!last) return '';
  const text =
    typeof last.content === 'string'
      ? last.content
      : last.content
          .map((b) => (typeof b['text'] === 'string' ? b['text'].replace(/<system-reminder>[\s\S]*?<\/system-reminder>/g, '') : b['type'] === 'tool_result' ? `[tool result] ${contentText(b['content'])}` : `[${b['type']}]`))
          .join('\n');
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > limit ? `${clean.slice(0, limit)}…` : clean;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((c) => (typeof c?.text === 'string' ? c.text : '')).join(' ');
  return '';
}

/**
 * The first user message without the CLI's `<system-reminder>` blocks, which carry the date
 * and other context that changes between runs: the prompt itself.
 */
export function promptText(body: MessagesRequest): string {
  const first = body.messages.find((m) => m.role === 'user');
  if (!first) return '';
  const texts = typeof first.content === 'string' ? [first.content] : first.content.flatMap((b) => (typeof b['text'] === 'string' ? [b['text']] : []));
  return texts
    .map((t) => t.replace(/<system-reminder>[\s\S]*?<\/system-reminder>/g, '').trim())
    .filter((t) => t !== '')
    .join('\n');
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function digest(text: string): string {
  return createHash('sha256').update(text.trim()).digest('hex').slice(0, 12);
}
