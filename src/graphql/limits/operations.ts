// Subscriptions are not served over HTTP (there is no subscription type to serve): such an operation
// is a client's mistake, answered 400 BAD_REQUEST with a message that says so — not executed, and
// not an internal error in the log and the metrics.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

export function operationTypePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are not supported: this API answers queries (and mutations with an editor key).', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
