// The error every query limit refuses a request with: a GraphQLError (what validation rules report
// and plugins throw) carrying an AppError, so its code and message pass formatError in production;
// it asks Apollo for HTTP 400 and names the limit in extensions.
import { GraphQLError } from 'graphql';
import { AppError, ErrorCode } from '../../errors';

export function limitError(code: ErrorCode, message: string, extensions: { limit: number } & Record<string, unknown>): GraphQLError {
  // Apollo reads extensions.http for the response status and strips it from what the client sees.
  const all = { ...extensions, http: { status: 400 } };
  return new GraphQLError(message, { extensions: { ...all, code }, originalError: new AppError(code, message, all) });
}
