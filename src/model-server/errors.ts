import { randomBytes } from 'node:crypto';

/** The HTTP statuses the stand-in can answer with, and the error type the real API names for each. */
export const errorTypes = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
} as const;

export type ErrorStatus = keyof typeof errorTypes;

// Worded like the real API's messages, so parsers that read them meet the real thing.
const defaultMessages: Record<ErrorStatus, string> = {
  400: 'Invalid request',
  401: 'invalid x-api-key',
  403: 'Your API key does not have permission to use the specified resource.',
  404: 'Not found',
  413: 'Request exceeds the maximum allowed number of bytes.',
  429: "This request would exceed your organization's rate limit of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.",
  500: 'Internal server error',
  529: 'Overloaded',
};

/** The body the real API sends with an error status. */
export interface ErrorBody {
  type: 'error';
  error: { type: (typeof errorTypes)[ErrorStatus]; message: string };
  request_id: string;
}

export function errorBody(status: ErrorStatus, requestId: string, message?: string): ErrorBody {
  return { type: 'error', error: { type: errorTypes[status], message: message ?? defaultMessages[status] }, request_id: requestId };
}

/** Identifiers in the real API's shape: a prefix and 24 base62-looking characters. */
export function newId(prefix: 'req' | 'msg' | 'toolu'): string {
  return `${prefix}_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x').slice(0, 24)}`;
}
