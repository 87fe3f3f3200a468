// One observer of every GraphQL request at /graphql, answered or refused — also those refused before
// Apollo's request pipeline (an unreadable or oversized body, Apollo's HTTP-level 400s), which only
// the Express middleware sees. It works out each request's summary once (operation, outcome, status,
// error codes, duration) and hands it to its listeners: the request log and the metrics.
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { getOperationAST, GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../errors';
import type { Logger } from '../../log';
import type { Context } from '../context';

export type RequestOutcome = 'success' | 'partial' | 'error' | 'refused';

export interface GraphqlRequestSummary {
  requestId: string;
  /** The operation's name in the document, or null (unnamed, or no document). */
  operationName: string | null;
  /** The name the request asked for (`operationName` in the body), whether or not it resolved. */
  requestedName: string | null;
  /** An operation was found and it has no name. */
  anonymous: boolean;
  operationType: string | null;
  seconds: number;
  status: number | 'aborted';
  outcome: RequestOutcome;
  /** extensions.code of each error in the response (INTERNAL_SERVER_ERROR where none). */
  errorCodes: string[];
  /** The request's logger (requestId, caller) when it reached the pipeline; null before it. */
  log: Logger | null;
}

export type GraphqlRequestListener = (summary: GraphqlRequestSummary) => void;

/** A refusal before the pipeline, known only by its HTTP status (see src/graphql/limits/body.ts). */
export function refusalCode(status: number): string {
  if (status === 413) return ErrorCode.PAYLOAD_TOO_LARGE;
  if (status === 503) return ErrorCode.OVERLOADED; // shed by admission (src/server/admission.ts)
  if (status >= 500) return ErrorCode.INTERNAL_SERVER_ERROR;
  return 'BAD_REQUEST';
}

export function observeGraphqlRequests(listeners: GraphqlRequestListener[]): {
  plugin: ApolloServerPlugin<Context>;
  middleware: (req: Request, res: Response, next: NextFunction) => void;
} {
  const emit = (summary: GraphqlRequestSummary) => {
    for (const listener of listeners) listener(summary);
  };
  /** Request ids the plugin reported, until their HTTP response ends (then the middleware stays quiet). */
  const inPipeline = new Map<string, number>();

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      inPipeline.set(contextValue.requestId, (inPipeline.get(contextValue.requestId) ?? 0) + 1);
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ contextValue: ctx, response, document, request, operation, operationName }) {
          const op = operation ?? (document ? getOperationAST(document, request.operationName ?? undefined) : null);
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const errors: readonly GraphQLFormattedError[] = result?.errors ?? [];
          emit({
            requestId: ctx.requestId,
            operationName: operationName ?? op?.name?.value ?? null,
            // a client's text: never more than a line of it into the logs
            requestedName: request.operationName ? request.operationName.slice(0, 200) : null,
            anonymous: !!op && !op.name,
            operationType: op?.operation ?? null,
            seconds: (performance.now() - started) / 1000,
            status: response.http.status ?? 200,
            outcome: errors.length === 0 ? 'success' : !executed ? 'refused' : result?.data == null ? 'error' : 'partial',
            errorCodes: errors.map((e) => String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR)),
            log: ctx.log,
          });
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
      const seen = inPipeline.get(id) ?? 0;
      if (seen > 1) inPipeline.set(id, seen - 1);
      else if (seen === 1) inPipeline.delete(id);
      else if (req.method !== 'OPTIONS' && res.statusCode >= 400) {
        emit({
          requestId: id,
          operationName: null,
          requestedName: null,
          anonymous: false,
          operationType: null,
          seconds: (performance.now() - started) / 1000,
          status: res.writableFinished ? res.statusCode : 'aborted',
          outcome: 'refused',
          errorCodes: [refusalCode(res.statusCode)],
          log: null,
        });
      }
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };

  return { plugin, middleware };
}
