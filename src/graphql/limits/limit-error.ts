// The error every query limit refuses a request with: an AppError (its code and message pass
// formatError in production) that asks Apollo for HTTP 400 and names the limit in extensions.
import { AppError, ErrorCode } from '../../errors';

export function limitError(code: ErrorCode, message: string, extensions: { limit: number } & Record<string, unknown>): AppError {
  // Apollo reads extensions.http for the response status and strips it from what the client sees.
  return new AppError(code, message, { ...extensions, http: { status: 400 } });
}
