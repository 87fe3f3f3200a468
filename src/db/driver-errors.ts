// Driver errors as AppErrors with stable codes (the driver's error stays as `cause`, for logs only).
import { Neo4jError } from 'neo4j-driver';
import { AppError, ErrorCode } from '../errors';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
const TIMED_OUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.TransactionTimedOut',
]);

export const unavailable = () => new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; try again shortly.');

export function withCause<E extends Error>(mapped: E, cause: unknown): E {
  (mapped as { cause?: unknown }).cause = cause;
  return mapped;
}

/** Maps a driver error to an AppError with a stable code; the original stays as `cause` for logs only. */
export function mapError(error: unknown): Error {
  if (error instanceof AppError) return error;
  if (error instanceof Neo4jError) {
    const code = error.code;
    let mapped: AppError;
    if (UNAVAILABLE.has(code) || (!code.startsWith('Neo.') && /connect|acquisition|ECONNREFUSED/i.test(error.message))) {
      mapped = unavailable();
    } else if (TIMED_OUT.has(code)) {
      mapped = new AppError(ErrorCode.QUERY_TIMEOUT, 'The query took too long and was stopped.');
    } else if (code.startsWith('Neo.TransientError.General.MemoryPoolOutOfMemoryError') || code.includes('MemoryLimit')) {
      mapped = new AppError(ErrorCode.QUERY_TOO_EXPENSIVE, 'The query needed more memory than allowed.');
    } else if (code.startsWith('Neo.ClientError.Schema.ConstraintValidationFailed')) {
      mapped = new AppError(ErrorCode.BAD_USER_INPUT, 'The data conflicts with existing data (a uniqueness rule).');
    } else {
      mapped = new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'A database error occurred.');
    }
    (mapped as { cause?: unknown }).cause = error;
    return mapped;
  }
  return error instanceof Error ? error : new Error(String(error));
}
