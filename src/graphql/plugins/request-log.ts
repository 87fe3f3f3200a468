// Structured request logs: one JSON line per GraphQL request ("graphql request", from the shared
// observer in graphql-requests.ts) with its requestId (and caller), operation name and type,
// duration in ms, HTTP status, outcome and the error codes of the response. Neither the query text
// nor variables are logged.
//
// Unexpected errors (those that reach the client as INTERNAL_SERVER_ERROR) are logged once more at
// error level with the original error and its cause (e.g. the driver's error behind "A database error
// occurred."): the client sees only the code and a fixed message in production (format-error.ts),
// the log keeps what is needed to fix it.
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '../../errors';
import type { Logger } from '../../log';
import type { Context } from '../context';
import type { GraphqlRequestListener } from './graphql-requests';

export interface RequestLog {
  /** Logs each request's summary line. */
  logRequest: GraphqlRequestListener;
  /** The Apollo plugin that logs unexpected errors at error level, with their cause. */
  plugin: ApolloServerPlugin<Context>;
}

const MAX_LOGGED_CODES = 20;

/** A client-chosen operation name, shortened for the log. */
const logName = (name: string | null | undefined) => (name ? (name.length > 100 ? `${name.slice(0, 100)}…` : name) : null);

export function createRequestLog(log: Logger): RequestLog {
  const logRequest: GraphqlRequestListener = (s) => {
    const codes = [...new Set(s.errorCodes)].slice(0, MAX_LOGGED_CODES);
    (s.log ?? log.child({ requestId: s.requestId })).info(
      {
        operationName: logName(s.operationName ?? s.requestedName),
        operationType: s.operationType,
        durationMs: Math.round(s.seconds * 10000) / 10,
        status: s.status,
        outcome: s.outcome,
        ...(codes.length ? { errorCodes: codes } : {}),
      },
      'graphql request',
    );
  };

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue: ctx, operationName, request }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code !== undefined && code !== ErrorCode.INTERNAL_SERVER_ERROR) continue;
            ctx.log.error(
              {
                // pino's err serializer keeps the cause chain (message and stack, "caused by: …").
                err: unwrapResolverError(error),
                path: error.path,
                operationName: logName(operationName ?? request.operationName),
              },
              'unexpected error',
            );
          }
        },
      };
    },
  };

  return { logRequest, plugin };
}
