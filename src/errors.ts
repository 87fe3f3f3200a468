// Errors the API shows its users, each with a stable code in extensions.code. Anything else is
// masked as INTERNAL_SERVER_ERROR in production (see src/graphql/format-error.ts).
import { GraphQLError } from 'graphql';

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
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error meant for the user: its message and code are safe to show in production. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'AppError';
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}
