import Anthropic from '@anthropic-ai/sdk';

/** Why a synthesis did not produce its files. */
export interface SynthesisError {
  /**
   * `api`: the call failed (see `status`); `interrupted`: the signal aborted it; `no-output`: the
   * answer had no text; `missing-output`: an output file's section was missing; `max-tokens`: the
   * answer was cut off; `write`: an output file could not be written.
   */
  kind: 'api' | 'interrupted' | 'no-output' | 'missing-output' | 'max-tokens' | 'write';
  message: string;
  /** Whether the same request may succeed if sent again. */
  retryable: boolean;
  /** The API's HTTP status, when it answered with one: 429 and 529 are rate limits. */
  status?: number;
  /** The API's `retry-after`, in seconds. */
  retryAfterSeconds?: number;
}

/**
 * What a failed `messages.create` call means, or undefined for an exception that is not the
 * SDK's (a bug, which the caller rethrows). Retryable as the SDK itself would retry.
 */
export function apiFailure(error: unknown): SynthesisError | undefined {
  if (error instanceof Anthropic.APIUserAbortError) return { kind: 'interrupted', message: 'the synthesis call was aborted', retryable: false };
  if (error instanceof Anthropic.APIConnectionError) return { kind: 'api', message: `the API could not be reached: ${error.message}`, retryable: true };
  if (error instanceof Anthropic.APIError && error.status !== undefined) {
    const status = error.status;
    const after = Number(error.headers?.get('retry-after') ?? Number.NaN);
    return {
      kind: 'api',
      message: `the API answered ${status}: ${error.message}`,
      retryable: status === 408 || status === 409 || status === 429 || status >= 500,
      status,
      ...(Number.isFinite(after) && after >= 0 && { retryAfterSeconds: after }),
    };
  }
  // The SDK's own refusals (a request it will not send): sending it again changes nothing.
  if (error instanceof Anthropic.AnthropicError) return { kind: 'api', message: error.message, retryable: false };
  return undefined;
}
