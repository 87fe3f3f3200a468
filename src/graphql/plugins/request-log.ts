// Structured request logs: one JSON line per GraphQL request ("graphql request") with its requestId
// (and caller, from ctx.log), operation name and type, duration in ms, HTTP status, outcome and the
// error codes of the response. Neither the query text nor variables are logged.
//
// Unexpected errors (those that reach the client as INTERNAL_SERVER_ERROR) are logged once more at
// error level with the original error and its cause (e.g. the driver's error behind "A database error
// occurred."): the client sees only the code and a fixed message in production (format-error.ts),
// the log keeps what is needed to fix it.
//
// Requests refused before Apollo's request pipeline (an unreadable or oversized body, Apollo's
// HTTP-level 400s) never reach the plugin; the Express middleware logs those from their status.
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { NextFunction, Request, Response } from 'express';
import { getOperationAST, GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../errors';
import type { Logger } from '../../log';
import type { Context } from '../context';

export type RequestOutcome = 'success' | 'partial' | 'error' | 'refused';

export interface RequestLog {
  /** The Apollo plugin: one line per request that reached the request pipeline; unexpected errors at error level. */
  plugin: ApolloServerPlugin<Context>;
  /** Express middleware for /graphql: one line per request refused before the pipeline. */
  middleware: (req: Request, res: Response, next: NextFunction) => void;
}

const MAX_LOGGED_CODES = 20;
const ms = (started: number) => Math.round((performance.now() - started) * 10) / 10;

/** A client-chosen operation name, shortened for the log. */
const logName = (name: string | null | undefined) => (name ? (name.length > 100 ? `${name.slice(0, 100)}…` : name) : null);

export function createRequestLog(log: Logger): RequestLog {
  /** Request ids the plugin logged, until their HTTP response ends (then the middleware has nothing to add). */
  const logged = new Map<string, number>();

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      const id = contextValue.requestId;
      logged.set(id, (logged.get(id) ?? 0) + 1);
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async didEncounterErrors({ errors, contextValue: ctx, operationName, request }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code !== undefined && code !== ErrorCode.INTERNAL_SERVER_ERROR) continue;
            const original = unwrapResolverError(error);
            ctx.log.error(
              {
                // pino's err serializer keeps the cause chain (message and stack, "caused by: …").
                err: original,
                path: error.path,
                operationName: logName(operationName ?? request.operationName),
              },
              'unexpected error',
            );
          }
        },
        async willSendResponse({ contextValue: ctx, response, document, request, operation, operationName }) {
          const op = operation ?? (document ? getOperationAST(document, request.operationName ?? undefined) : null);
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const errors: readonly GraphQLFormattedError[] = result?.errors ?? [];
          const outcome: RequestOutcome = errors.length === 0 ? 'success' : !executed ? 'refused' : result?.data == null ? 'error' : 'partial';
          const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR)))].slice(0, MAX_LOGGED_CODES);
          ctx.log.info(
            {
              operationName: logName(operationName ?? op?.name?.value ?? request.operationName),
              operationType: op?.operation ?? null,
              durationMs: ms(started),
              status: response.http.status ?? 200,
              outcome,
              ...(codes.length ? { errorCodes: codes } : {}),
            },
            'graphql request',
          );
        },
      };
    },
  };

  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const id = res.locals.requestId as string;
      const seen = logged.get(id) ?? 0;
      if (seen > 1) logged.set(id, seen - 1);
      else if (seen === 1) logged.delete(id);
      else if (req.method !== 'OPTIONS' && res.statusCode >= 400) {
        const code = res.statusCode === 413 ? ErrorCode.PAYLOAD_TOO_LARGE : res.statusCode >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : 'BAD_REQUEST';
        log.child({ requestId: id }).info(
          { operationName: null, operationType: null, durationMs: ms(started), status: res.writableFinished ? res.statusCode : 'aborted', outcome: 'refused', errorCodes: [code] },
          'graphql request',
        );
      }
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };

  return { plugin, middleware };
}
