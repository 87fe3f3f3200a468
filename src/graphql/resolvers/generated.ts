// Resolvers generated from the model (schema/model.yaml): every reference (fact → entity) and
// reverse list (entity ← facts) resolves through a batched loader; every fact has its sources and
// its basis at a date; enums map stored lower-case values to GraphQL values; Node, Fact and the
// unions resolve their type from the node's label.
import type { Citation, GraphNode } from '../../graph/nodes';
import { model } from '../../model/model';
import { basisAt } from '../../model/time';
import type { Context } from '../context';

type Resolver = (parent: GraphNode, args: Record<string, unknown>, ctx: Context) => unknown;

function referenceResolver(typeName: string, rel: string): Resolver {
  return async (parent, _args, ctx) => (await ctx.loaders.referenced(typeName, rel).load(parent.id))[0] ?? null;
}

function incomingResolver(from: string, rel: string): Resolver {
  return (parent, args, ctx) => {
    const { at, presumed, ...equals } = args as { at?: string | null; presumed?: boolean | null } & Record<string, string | null | undefined>;
    return ctx.loaders.incoming(from, rel, { at: at ?? null, presumed: presumed !== false, equals }).load(parent.id);
  };
}

/** A citation as the API's Evidence: the source, its quotes (the first as `quote`) and record values. */
export const evidence = (c: Citation) => ({ source: c.source, quotes: c.quotes, quote: c.quotes[0] ?? null, records: c.records });

const resolveType = (obj: GraphNode) => obj.__typename;

export function generatedResolvers(): Record<string, unknown> {
  const resolvers: Record<string, unknown> = {
    Node: { __resolveType: resolveType },
    Fact: { __resolveType: resolveType },
  };
  for (const name of Object.keys(model.unions)) resolvers[name] = { __resolveType: resolveType };
  for (const [typeName, type] of Object.entries(model.types)) {
    const fields: Record<string, Resolver> = {};
    for (const ref of Object.values(type.references)) fields[ref.field] = referenceResolver(typeName, ref.rel);
    for (const inc of Object.values(type.incoming)) fields[inc.field] = incomingResolver(inc.from, inc.rel);
    if (type.kind === 'fact') {
      fields.sources = async (parent, _args, ctx) => (await ctx.loaders.sources.load(parent.id)).map(evidence);
      fields.basis = (parent, args) => basisAt(parent as Record<string, string | null>, String(args.at));
    }
    resolvers[typeName] = fields;
  }
  for (const [name, values] of Object.entries(model.enums)) {
    resolvers[name] = Object.fromEntries(values.map((v) => [v.toUpperCase(), v]));
  }
  return resolvers;
}
