// A request whose database calls found every connection busy (OVERLOADED from src/db/database.ts,
// rare once src/server/admission.ts bounds the operations running) is answered HTTP 503 with
// Retry-After, so clients and load balancers back off; the body still says what happened.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode } from '../../errors';

export function overloadPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const shed = result?.errors?.find((e) => e.extensions?.code === ErrorCode.OVERLOADED);
          if (!shed) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(shed.extensions?.retryAfter ?? 1));
        },
      };
    },
  };
}
