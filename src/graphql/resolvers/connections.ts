// Query.connections and Query.shared: thin wrappers over src/graph/connections.ts.
import { connections, shared } from '../../graph/connections';
import type { GraphNode } from '../../graph/nodes';
import { model } from '../../model/model';
import type { Context } from '../context';

const isFact = (n: GraphNode) => model.types[n.__typename]?.kind === 'fact';

export const connectionResolvers = {
  Query: {
    connections: async (_: unknown, a: { from: string; to: string; maxHops: number; first: number }, ctx: Context) => {
      const paths = await connections(ctx.db, a.from, a.to, a.maxHops, a.first);
      return paths.map((p) => ({
        steps: p.nodes,
        entities: p.nodes.filter((n) => !isFact(n)),
        facts: p.nodes.filter(isFact),
        hops: p.nodes.filter(isFact).length,
      }));
    },
    shared: (_: unknown, a: { a: string; b: string }, ctx: Context) => shared(ctx.db, a.a, a.b),
  },
};
