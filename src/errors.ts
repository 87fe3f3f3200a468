// Errors meant for the user, thrown by any layer (db/, graph/, ingest/), each with a stable code.
// A plain Error: the GraphQL layer carries its code and extensions into the response (graphql-js
// keeps an error's `extensions`; src/graphql/format-error.ts lets these through and masks anything
// else as INTERNAL_SERVER_ERROR in production).

/** The stable error codes of this API. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  QUERY_TOO_EXPENSIVE: 'QUERY_TOO_EXPENSIVE',
  // Query limits (src/graphql/limits): the request is refused with HTTP 400 (413 for the body) and
  // extensions.limit names the limit.
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  QUERY_TOO_LARGE: 'QUERY_TOO_LARGE',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** The database is up but this process has as many queries in flight and waiting as it takes: HTTP 503 with Retry-After. */
  OVERLOADED: 'OVERLOADED',
  /** An automatic persisted query whose sha256Hash is not the hash of its query text. */
  PERSISTED_QUERY_HASH_MISMATCH: 'PERSISTED_QUERY_HASH_MISMATCH',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A request shed because this process has as much work as it takes; clients retry after `retryAfterSeconds`. */
export function overloaded(retryAfterSeconds: number): AppError {
  return new AppError(ErrorCode.OVERLOADED, `The service is busy; retry in ${retryAfterSeconds} s.`, { retryAfter: retryAfterSeconds });
}

/** An error meant for the user: its message and code are safe to show in production. */
export class AppError extends Error {
  readonly extensions: Record<string, unknown> & { code: ErrorCode };
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.extensions = { ...extensions, code };
  }
}
