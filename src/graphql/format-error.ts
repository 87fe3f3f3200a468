// What an error looks like to the user: codes from src/errors.ts pass through; anything unexpected
// becomes INTERNAL_SERVER_ERROR with no message detail, stack or Cypher in production.
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, ErrorCode } from '../errors';
import { tokenLimitError } from './limits/tokens';

/** Codes that Apollo or graphql-js set for request errors; their messages are safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // The query limits (src/graphql/limits).
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.TOO_MANY_ALIASES,
  ErrorCode.QUERY_TOO_LARGE,
  ErrorCode.QUERY_TOO_EXPENSIVE,
]);

/**
 * graphql-js's suggestions (" Did you mean …?" at the end of a message). In production Apollo's
 * hideSchemaDetailsFromClientErrors removes them from validation errors (GRAPHQL_VALIDATION_FAILED)
 * only; this removes them from the rest, e.g. a variable's invalid enum value (BAD_USER_INPUT). One
 * linear search from the end (no regular expression over text a client may have sent).
 */
export function withoutSuggestion(message: string): string {
  if (!message.endsWith('?')) return message;
  const at = message.lastIndexOf(' Did you mean ');
  return at < 0 ? message : message.slice(0, at);
}

/** Messages echo client input (an operation name, a variable's value): never more than this back. */
export const MAX_MESSAGE_CHARS = 500;

export function truncated(message: string): string {
  return message.length <= MAX_MESSAGE_CHARS ? message : `${message.slice(0, MAX_MESSAGE_CHARS)}… (${message.length - MAX_MESSAGE_CHARS} more characters)`;
}

/** Apollo's own client errors that carry no code: told apart by their fixed message. */
const APOLLO_CLIENT_ERRORS: Record<string, string> = {
  'provided sha does not match query': ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
};

export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // The parser's token limit arrives as GRAPHQL_PARSE_FAILED; it gets its own code and limit.
    formatted = tokenLimitError(formatted) ?? formatted;
    const apolloCode = APOLLO_CLIENT_ERRORS[formatted.message];
    if (apolloCode) formatted = { ...formatted, extensions: { ...formatted.extensions, code: apolloCode } };
    // Apollo wraps a validation rule's error as GRAPHQL_VALIDATION_FAILED; an AppError keeps its code.
    const wrapped = error instanceof GraphQLError && error.originalError instanceof AppError ? error.originalError : undefined;
    if (wrapped && formatted.extensions?.code !== wrapped.code) formatted = { ...formatted, extensions: { ...formatted.extensions, code: wrapped.code } };
    const original = wrapped ?? unwrapResolverError(error);
    const code = formatted.extensions?.code as string | undefined;
    if (original instanceof AppError || apolloCode || (code && REQUEST_ERROR_CODES.has(code))) {
      if (!production) return { ...formatted, message: truncated(formatted.message) };
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      const message = truncated(code === 'GRAPHQL_VALIDATION_FAILED' ? formatted.message : withoutSuggestion(formatted.message));
      return { ...formatted, message, extensions };
    }
    if (!production) return formatted;
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
