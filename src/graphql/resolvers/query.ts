// Query resolvers: lookups by id, lists with filters and pagination, search. Thin: src/graph/ does the work.
import type { GraphQLResolveInfo } from 'graphql';
import { nodesById, type GraphNode } from '../../graph/nodes';
import { AppError, ErrorCode } from '../../errors';
import { EventFilter, listEvents, listOrganizations, listPeople, listSources, MAX_PAGE_SIZE, OrganizationFilter, Page, PersonFilter } from '../../graph/lists';
import { search } from '../../graph/search';
import type { Context } from '../context';
import { compiled, connectionProjection, nodeProjection, searchProjection } from '../compile';
import { DESCRIPTION } from '../compile/project';
import { personDescription } from './computed';

/** The arguments of a list field, as the SDL gives them (defaults applied by graphql-js). */
interface ListArgs<F, O> {
  filter?: F | null;
  orderBy: O;
  first: number;
  after?: string | null;
}

/** Nodes by id, read with the compiled selection (one statement for the whole tree) when it compiles. */
async function byIds(ids: readonly string[], ctx: Context, info: GraphQLResolveInfo): Promise<Array<GraphNode | null>> {
  const t = compiled(info, ctx, (b) => nodeProjection(b, info, 'n'));
  if (!t) return (await ctx.loaders.node.loadMany(ids)).map((n) => (n instanceof Error || !n ? null : n));
  const found = await nodesById(ctx.db, ids, { project: t.shape, params: t.params });
  return ids.map((id) => found.get(id) ?? null);
}

const typed =
  (typeName: string) =>
  async (_: unknown, { id }: { id: string }, ctx: Context, info: GraphQLResolveInfo) => {
    const [node] = await byIds([id], ctx, info);
    return node?.__typename === typeName ? node : null;
  };

/** A list field's page shape: the compiled projection of its nodes and whether totalCount is asked. */
const pageShape = (ctx: Context, info: GraphQLResolveInfo) => {
  const t = compiled(info, ctx, (b) => connectionProjection(b, info, 'n'));
  return t ? { project: t.shape.project, count: t.shape.count, params: t.params } : undefined;
};

function connection(page: Page, ctx: Context) {
  // whole nodes only: a compiled page holds just the fields its query asked for
  if (!page.compiled) for (const { node } of page.items) ctx.loaders.node.prime(node.id, node);
  return {
    edges: page.items,
    nodes: page.items.map((i) => i.node),
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.items[0]?.cursor ?? null,
      endCursor: page.items[page.items.length - 1]?.cursor ?? null,
    },
  };
}

export const queryResolvers = {
  Query: {
    node: async (_: unknown, { id }: { id: string }, ctx: Context, info: GraphQLResolveInfo) => (await byIds([id], ctx, info))[0],
    nodes: (_: unknown, { ids }: { ids: string[] }, ctx: Context, info: GraphQLResolveInfo) => {
      // As many as a page: a longer list is a crawl, and pages have cursors.
      if (ids.length > MAX_PAGE_SIZE) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, `ids: at most ${MAX_PAGE_SIZE} per request, got ${ids.length}`, { argument: 'ids', max: MAX_PAGE_SIZE });
      }
      return byIds(ids, ctx, info);
    },
    person: typed('Person'),
    organization: typed('Organization'),
    position: typed('Position'),
    event: typed('Event'),
    award: typed('Award'),
    source: typed('Source'),
    people: async (_: unknown, a: ListArgs<PersonFilter, 'NAME_ASC' | 'NAME_DESC'>, ctx: Context, info: GraphQLResolveInfo) =>
      connection(await listPeople(ctx.db, a.filter ?? {}, a.orderBy, a.first, a.after, pageShape(ctx, info)), ctx),
    organizations: async (_: unknown, a: ListArgs<OrganizationFilter, 'NAME_ASC' | 'NAME_DESC'>, ctx: Context, info: GraphQLResolveInfo) =>
      connection(await listOrganizations(ctx.db, a.filter ?? {}, a.orderBy, a.first, a.after, pageShape(ctx, info)), ctx),
    events: async (_: unknown, a: ListArgs<EventFilter, 'DATE_DESC' | 'DATE_ASC' | 'NAME_ASC'>, ctx: Context, info: GraphQLResolveInfo) =>
      connection(await listEvents(ctx.db, a.filter ?? {}, a.orderBy, a.first, a.after, pageShape(ctx, info)), ctx),
    sources: async (_: unknown, a: Omit<ListArgs<never, never>, 'orderBy' | 'filter'>, ctx: Context, info: GraphQLResolveInfo) =>
      connection(await listSources(ctx.db, a.first, a.after, pageShape(ctx, info)), ctx),
    search: async (_: unknown, a: { query: string; first: number; types?: string[] | null }, ctx: Context, info: GraphQLResolveInfo) => {
      const types = a.types?.map((t) => ({ PERSON: 'Person', ORGANIZATION: 'Organization', EVENT: 'Event' })[t] ?? t);
      const t = compiled(info, ctx, (b) => {
        const { project, descriptionKeys } = searchProjection(b, info, 'node');
        return {
          project,
          descriptionKeys,
          description: descriptionKeys.length ? `CASE WHEN node:Person THEN ${DESCRIPTION('node', b.variable(), b.variable())} END` : undefined,
        };
      });
      const hits = await search(
        ctx.db,
        a.query,
        a.first,
        types,
        t ? { project: t.shape.project, params: t.params, description: t.shape.description } : undefined,
      );
      return hits.map((h) => ({
        ...h,
        type: h.node.__typename.toUpperCase(),
        name: h.node.name,
        // a person's description read in the search's statement (an organisation's or event's needs no read)
        ...(t && h.node.__typename === 'Person' ? { '#': Object.fromEntries(t.shape.descriptionKeys.map((k) => [k, h.description ?? null])) } : {}),
      }));
    },
  },
  SearchHit: {
    description: async (hit: { node: GraphNode }, _: unknown, ctx: Context) => {
      const n = hit.node;
      if (n.__typename === 'Person') return personDescription(n, ctx);
      if (n.__typename === 'Organization') return (n.nameEn as string | null) ?? null;
      if (n.__typename === 'Event') return [n.startDate, n.nameEn].filter(Boolean).join(' — ') || null;
      return null;
    },
  },
};
