// Resolvers generated from schema/model.yaml: every reference (fact → entity) and incoming list
// (entity ← facts) resolves through a batched loader; enums map stored lower-case values to GraphQL
// values; Node, Fact and Agent resolve their type from the node's label.
import { model } from '../../model/model';
import type { GraphNode } from '../../graph/nodes';
import type { Context } from '../context';

type Resolver = (parent: GraphNode, args: Record<string, unknown>, ctx: Context) => unknown;

function referenceResolver(typeName: string, rel: string): Resolver {
  return async (parent, _args, ctx) => (await ctx.loaders.referenced(typeName, rel).load(parent.id))[0] ?? null;
}

function incomingResolver(from: string, rel: string): Resolver {
  return (parent, args, ctx) => {
    const { at, ...equals } = args as { at?: string | null } & Record<string, string | null | undefined>;
    return ctx.loaders.incoming(from, rel, { at: at ?? null, equals }).load(parent.id);
  };
}

const resolveType = (obj: GraphNode) => obj.__typename;

export function modelResolvers(): Record<string, unknown> {
  const resolvers: Record<string, unknown> = {
    Node: { __resolveType: resolveType },
    Fact: { __resolveType: resolveType },
    Agent: { __resolveType: resolveType },
  };
  for (const [typeName, type] of Object.entries(model.types)) {
    const fields: Record<string, Resolver> = {};
    for (const [field, ref] of Object.entries(type.references ?? {})) fields[field] = referenceResolver(typeName, ref.rel);
    for (const [field, inc] of Object.entries(type.incoming ?? {})) fields[field] = incomingResolver(inc.from, inc.rel);
    if (type.kind === 'fact') {
      fields.sources = async (parent, _args, ctx) =>
        (await ctx.loaders.sources.load(parent.id)).map((c) => ({ source: c.source, quotes: c.quotes, quote: c.quotes[0] ?? '' }));
    }
    resolvers[typeName] = fields;
  }
  for (const [name, values] of Object.entries(model.enums)) {
    resolvers[name] = Object.fromEntries(values.map((v) => [v.toUpperCase(), v]));
  }
  return resolvers;
}
