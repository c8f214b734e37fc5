import { z } from 'zod';
import { errorTypes, type ErrorStatus } from './errors.ts';

const delayMs = z.number().int().nonnegative().optional().describe('Wait this long before answering.');

/** The model answers with text and ends its turn. */
export const textTurnSchema = z.strictObject({ text: z.string(), delayMs });

/** The model calls one tool (optionally saying something first); the CLI answers with a `tool_result`. */
export const toolTurnSchema = z.strictObject({
  tool: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
  text: z.string().optional(),
  delayMs,
});

const statuses = Object.keys(errorTypes).map(Number) as ErrorStatus[];

/** The API refuses the request with this status, in the real error shape. */
export const errorTurnSchema = z.strictObject({
  error: z.number().refine((s): s is ErrorStatus => statuses.includes(s as ErrorStatus), `expected one of ${statuses.join(', ')}`),
  message: z.string().optional(),
  /** Sent as the `retry-after` header (429 and 529 only, as the real API does). */
  retryAfterSeconds: z.number().nonnegative().optional(),
  /** For a streaming request: start the stream with 200, then send the error as an `error` event. */
  midStream: z.boolean().optional(),
  delayMs,
});

/**
 * The request is accepted and never answered until the server closes. `after-start` first
 * sends the stream's `message_start`, the stall the CLI's own timeouts cannot cut short.
 */
export const hangTurnSchema = z.strictObject({ hang: z.union([z.literal(true), z.literal('after-start')]), delayMs });

/**
 * The connection drops: a stream after its `message_start`, a plain request at once. Claude
 * Code answers a broken stream by asking again without streaming, so the next turn is played
 * as plain JSON.
 */
export const dropTurnSchema = z.strictObject({ drop: z.literal(true), delayMs });

export const turnSchema = z.union([textTurnSchema, toolTurnSchema, errorTurnSchema, hangTurnSchema, dropTurnSchema]);

export type Turn = z.infer<typeof turnSchema>;
export type TextTurn = z.infer<typeof textTurnSchema>;
export type ToolTurn = z.infer<typeof toolTurnSchema>;
export type ErrorTurn = Omit<z.infer<typeof errorTurnSchema>, 'error'> & { error: ErrorStatus };
export type HangTurn = z.infer<typeof hangTurnSchema>;
export type DropTurn = z.infer<typeof dropTurnSchema>;

const conversations = z.record(z.string().min(1), z.array(turnSchema));

/**
 * Which answer each request gets. A conversation is found by a key: any substring of its first
 * user message (tests put a marker such as `[task:evaluate]` in the prompt). Each request of a
 * matching conversation takes the key's next turn, so after a `tool` turn the CLI's follow-up
 * request (carrying the `tool_result`) gets the turn after it, and a retried run (a new
 * conversation with the same prompt) goes on where the last one stopped. Sub-agent requests are
 * matched against `subagents` only. Keys are tried in the order written; a request that matches
 * none, or whose key has run out of turns, gets `default`.
 */
export const scriptSchema = z.strictObject({
  tasks: conversations.default({}),
  subagents: conversations.default({}),
  default: turnSchema.optional(),
});

export type Script = z.input<typeof scriptSchema>;

/** The answer when nothing in the script matches. */
export const defaultTurn: TextTurn = { text: 'OK.' };

export function isToolTurn(turn: Turn): turn is ToolTurn {
  return 'tool' in turn;
}

export function isErrorTurn(turn: Turn): turn is ErrorTurn {
  return 'error' in turn;
}

export function isHangTurn(turn: Turn): turn is HangTurn {
  return 'hang' in turn;
}

export function isDropTurn(turn: Turn): turn is DropTurn {
  return 'drop' in turn;
}
