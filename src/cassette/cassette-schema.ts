import { z } from 'zod';

/** Bumped when a cassette written by this version could be misread by an older one. */
export const cassetteVersion = 1;

/**
 * Which answer a request wants, stable from run to run although the CLI's request text is not
 * (dates, paths, session ids): the task and attempt (headers the worker sets on every call of
 * its CLI), the conversation within it (the main one, or a sub-agent's), and the turn in it.
 */
export const exchangeKeySchema = z.strictObject({
  task: z.string().min(1),
  attempt: z.number().int().min(1),
  /** `main`, or `agent:` and a digest of the prompt the sub-agent was given. */
  thread: z.string().min(1),
  /** 1 for a conversation's first request: one more than the assistant messages it carries. */
  turn: z.number().int().min(1),
});
export type ExchangeKey = z.infer<typeof exchangeKeySchema>;

/** One piece of a streamed body, as it arrived, `ms` after the request was sent upstream. */
const chunkSchema = z.strictObject({ ms: z.number().min(0), data: z.string() });

export const recordedResponseSchema = z.strictObject({
  status: z.number().int().min(100).max(599),
  /** Only headers that say something about the answer (type, request id, retry-after, rate limits): never credentials. */
  headers: z.record(z.string(), z.string()),
  /** A JSON body: a message, or an error. */
  body: z.unknown().optional(),
  /** A server-sent event stream, byte for byte. */
  chunks: z.array(chunkSchema).optional(),
  /** From the request going upstream to the last byte of the answer. */
  ms: z.number().min(0),
});
export type RecordedResponse = z.infer<typeof recordedResponseSchema>;

export const cassetteHeaderSchema = z.strictObject({
  type: z.literal('cassette'),
  version: z.literal(cassetteVersion),
  workflow: z.string().min(1),
  recorded_at: z.iso.datetime(),
  /** How the cassette came to be: `recorded` from an upstream API, or `authored` by hand or by a generator. */
  source: z.enum(['recorded', 'authored']),
  upstream: z.string().optional(),
  /**
   * The absolute paths of the recorded run (`run_dir`, `base_dir`): the model's answers name
   * files by absolute path, so a replay puts its own paths where these appear.
   */
  paths: z.record(z.string(), z.string()).optional(),
});
export type CassetteHeader = z.infer<typeof cassetteHeaderSchema>;

export const exchangeSchema = z.strictObject({
  type: z.literal('exchange'),
  key: exchangeKeySchema,
  /** Enough of the request to tell a person what was asked when a replay finds no answer. */
  request: z.strictObject({
    model: z.string(),
    stream: z.boolean(),
    /** The latest user turn's text (a prompt or tool results), shortened. */
    said: z.string(),
  }),
  response: recordedResponseSchema,
});
export type Exchange = z.infer<typeof exchangeSchema>;

export const cassetteLineSchema = z.discriminatedUnion('type', [cassetteHeaderSchema, exchangeSchema]);
