import { APIConnectionError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';

/** Why a planner request got no answer, sorted so the runner can choose to retry. */
export interface PlannerCallError {
  /** `api`: the API answered with an error status; `connection`: no answer at all; `aborted`: the caller's signal. */
  kind: 'api' | 'connection' | 'aborted';
  message: string;
  /** The HTTP status, for `api`: 429 and 529 are rate limits. */
  status?: number;
  /** The server's `retry-after`, in seconds, when it sent one. */
  retryAfterSeconds?: number;
}

/** Sorts whatever `messages.create` threw. Anything that is not the SDK's own error is a bug, and is thrown on. */
export function plannerCallError(error: unknown, signal?: AbortSignal): PlannerCallError {
  if (error instanceof APIUserAbortError || (signal?.aborted === true && error instanceof Error && error.name === 'AbortError')) {
    return { kind: 'aborted', message: 'the run was stopped while the planner was answering' };
  }
  if (error instanceof APIConnectionError) return { kind: 'connection', message: error.message };
  if (error instanceof APIError && error.status !== undefined) {
    const retryAfter = Number(error.headers?.get('retry-after') ?? Number.NaN);
    return {
      kind: 'api',
      status: error.status,
      message: `${error.status} ${error.type ?? 'error'}: ${error.apiMessage ?? error.message}`,
      ...(Number.isFinite(retryAfter) && { retryAfterSeconds: retryAfter }),
    };
  }
  throw error;
}
