// Query.connections, shared, commonConnections, neighbourhood and timeline: thin wrappers over
// src/graph/connections.ts, neighbourhood.ts and timeline.ts; the Subgraph's shapes come from ../subgraph-shapes.ts.
import { commonConnections, shared } from '../../graph/common';
import { connections } from '../../graph/connections';
import { DEFAULT_PER_HOP, Neighbourhood, neighbourhood } from '../../graph/neighbourhood';
import type { GraphNode } from '../../graph/nodes';
import type { TieFilter } from '../../graph/ties';
import { timeline } from '../../graph/timeline';
import { model } from '../../model/model';
import type { Context } from '../context';
import { cytoscapeElements, graphologyGraph, subgraphOf, SubgraphEdge } from '../subgraph-shapes';
import { evidence } from './generated';

const isFact = (n: GraphNode) => model.types[n.__typename]?.kind === 'fact';

type SubgraphResult = ReturnType<typeof subgraphOf> & { root: GraphNode; truncated: boolean; cuts: Neighbourhood['cuts'] };

interface Ties {
  ties?: TieFilter | null;
}

export const connectionResolvers = {
  Query: {
    connections: async (_: unknown, a: { from: string; to: string; maxHops: number; first: number; maxTies: number } & Ties, ctx: Context) => {
      const paths = await ctx.searches.run(() => connections(ctx.db, a.from, a.to, a.maxHops, a.first, a.ties, a.maxTies));
      return paths.map((p) => ({
        steps: p.nodes,
        entities: p.nodes.filter((n) => !isFact(n)),
        facts: p.nodes.filter(isFact),
        hops: p.nodes.filter(isFact).length,
        evidence: p.evidence,
      }));
    },
    shared: (_: unknown, a: { a: string; b: string } & Ties, ctx: Context) => shared(ctx.db, a.a, a.b, a.ties),
    commonConnections: (_: unknown, a: { ids: string[] } & Ties, ctx: Context) => commonConnections(ctx.db, a.ids, a.ties),
    neighbourhood: async (_: unknown, a: { id: string; depth: number; perHop?: number | null } & Ties, ctx: Context): Promise<SubgraphResult> => {
      const n = await neighbourhood(ctx.db, a.id, a.depth, a.perHop ?? DEFAULT_PER_HOP, a.ties);
      const graph = subgraphOf(n, a.ties?.at);
      return { root: n.root, ...graph, truncated: n.capped || n.cuts.length > 0, cuts: n.cuts };
    },
    timeline: (_: unknown, a: { id: string; first: number } & Ties, ctx: Context) => timeline(ctx.db, a.id, a.first, a.ties),
  },
  // the widget shapes are built only when asked for
  Subgraph: {
    cytoscape: (g: SubgraphResult) => cytoscapeElements(g),
    graphology: (g: SubgraphResult) => graphologyGraph(g, g.root.id),
  },
  SubgraphEdge: {
    sources: (e: SubgraphEdge) => e.citations.map(evidence),
  },
  TimelineEntry: {
    sources: async (e: { fact: GraphNode }, _: unknown, ctx: Context) => (await ctx.loaders.sources.load(e.fact.id)).map(evidence),
  },
};
