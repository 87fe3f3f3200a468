// Query resolvers: lookups by id, lists with filters and pagination, search. Thin: src/graph/ does the work.
import type { GraphNode } from '../../graph/nodes';
import { AppError, ErrorCode } from '../../errors';
import { EventFilter, listEvents, listOrganizations, listPeople, listSources, MAX_PAGE_SIZE, OrganizationFilter, Page, PersonFilter } from '../../graph/lists';
import { search } from '../../graph/search';
import type { Context } from '../context';
import { personDescription } from './computed';

/** The arguments of a list field, as the SDL gives them (defaults applied by graphql-js). */
interface ListArgs<F, O> {
  filter?: F | null;
  orderBy: O;
  first: number;
  after?: string | null;
}

const typed =
  (typeName: string) =>
  async (_: unknown, { id }: { id: string }, ctx: Context) => {
    const node = await ctx.loaders.node.load(id);
    return node?.__typename === typeName ? node : null;
  };

function connection(page: Page, ctx: Context) {
  for (const { node } of page.items) ctx.loaders.node.prime(node.id, node);
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
    node: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.node.load(id),
    nodes: (_: unknown, { ids }: { ids: string[] }, ctx: Context) => {
      // As many as a page: a longer list is a crawl, and pages have cursors.
      if (ids.length > MAX_PAGE_SIZE) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, `ids: at most ${MAX_PAGE_SIZE} per request, got ${ids.length}`, { argument: 'ids', max: MAX_PAGE_SIZE });
      }
      return ctx.loaders.node.loadMany(ids).then((r) => r.map((n) => (n instanceof Error ? null : n)));
    },
    person: typed('Person'),
    organization: typed('Organization'),
    position: typed('Position'),
    event: typed('Event'),
    award: typed('Award'),
    source: typed('Source'),
    people: async (_: unknown, a: ListArgs<PersonFilter, 'NAME_ASC' | 'NAME_DESC'>, ctx: Context) =>
      connection(await listPeople(ctx.db, a.filter ?? {}, a.orderBy, a.first, a.after), ctx),
    organizations: async (_: unknown, a: ListArgs<OrganizationFilter, 'NAME_ASC' | 'NAME_DESC'>, ctx: Context) =>
      connection(await listOrganizations(ctx.db, a.filter ?? {}, a.orderBy, a.first, a.after), ctx),
    events: async (_: unknown, a: ListArgs<EventFilter, 'DATE_DESC' | 'DATE_ASC' | 'NAME_ASC'>, ctx: Context) =>
      connection(await listEvents(ctx.db, a.filter ?? {}, a.orderBy, a.first, a.after), ctx),
    sources: async (_: unknown, a: Omit<ListArgs<never, never>, 'orderBy' | 'filter'>, ctx: Context) =>
      connection(await listSources(ctx.db, a.first, a.after), ctx),
    search: async (_: unknown, a: { query: string; first: number; types?: string[] | null }, ctx: Context) => {
      const types = a.types?.map((t) => ({ PERSON: 'Person', ORGANIZATION: 'Organization', EVENT: 'Event' })[t] ?? t);
      const hits = await search(ctx.db, a.query, a.first, types);
      return hits.map((h) => ({ ...h, type: h.node.__typename.toUpperCase(), name: h.node.name }));
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
