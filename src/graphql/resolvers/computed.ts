// Fields derived from the model's relationships: a person's description, an organisation's parent
// and children, an event's organisers, mentions, a source's text. All go through batched loaders.
import type { GraphNode } from '../../graph/nodes';
import { decodeOtherName } from '../../model/other-names';
import type { Context } from '../context';
import { evidence } from './generated';

const CONFIDENCE_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2 };
const byConfidence = (a: GraphNode, b: GraphNode) => (CONFIDENCE_ORDER[a.confidence as string] ?? 3) - (CONFIDENCE_ORDER[b.confidence as string] ?? 3);

/** A person's main post: the first current state post (not a party role), else any post. */
export async function personDescription(person: GraphNode, ctx: Context): Promise<string | null> {
  const occupancies = await ctx.loaders.incoming('Occupancy', 'HOLDER', { at: null, equals: {} }).load(person.id);
  const positions = (await Promise.all(occupancies.map((o) => ctx.loaders.referenced('Occupancy', 'POSITION').load(o.id)))).map((p, i) => ({
    position: p[0],
    occupancy: occupancies[i]!,
  }));
  const ranked = positions
    .filter((p) => p.position)
    .sort(
      (a, b) => Number(a.position!.party) - Number(b.position!.party) || Number(a.occupancy.status !== 'current') - Number(b.occupancy.status !== 'current'),
    );
  const main = ranked[0]?.position;
  return main ? ((main.label as string | null) ?? (main.role as string)) : null;
}

/** The arguments of Person.colleagues (defaults applied by graphql-js). */
interface ColleagueArgs {
  organization?: string | null;
  includeSubUnits: boolean;
  at?: string | null;
  presumed: boolean;
  includeInferred: boolean;
  minConfidence?: string | null;
  first: number;
}

/** The stored other names (JSON texts) as records. */
const names = (node: GraphNode) => ((node.otherNames as string[] | undefined) ?? []).map(decodeOtherName);

const mentions = async (node: GraphNode, _: unknown, ctx: Context) => (await ctx.loaders.mentions.load(node.id)).map(evidence);

export const computedResolvers = {
  Person: {
    description: (person: GraphNode, _: unknown, ctx: Context) => personDescription(person, ctx),
    mentions,
    names,
    colleagues: (person: GraphNode, a: ColleagueArgs, ctx: Context) =>
      ctx.loaders
        .colleagues({
          organization: a.organization ?? null,
          includeSubUnits: a.includeSubUnits !== false,
          first: a.first,
          ties: { at: a.at ?? null, presumed: a.presumed, includeInferred: a.includeInferred, minConfidence: a.minConfidence ?? null },
        })
        .load(person.id),
  },
  Organization: {
    parent: async (org: GraphNode, _: unknown, ctx: Context) => {
      // the same loader as parentLinks, so asking for both costs one query
      const links = (await ctx.loaders.incoming('Subordination', 'CHILD', { at: null, equals: {} }).load(org.id))
        .filter((l) => l.relation === 'part_of')
        .sort(byConfidence);
      return links[0] ? ((await ctx.loaders.referenced('Subordination', 'PARENT').load(links[0].id))[0] ?? null) : null;
    },
    children: async (org: GraphNode, _: unknown, ctx: Context) => {
      // the same loader as childLinks, so asking for both costs one query
      const links = (await ctx.loaders.incoming('Subordination', 'PARENT', { at: null, equals: {} }).load(org.id)).filter((l) => l.relation === 'part_of');
      const children = await Promise.all(links.map((l) => ctx.loaders.referenced('Subordination', 'CHILD').load(l.id)));
      return children.flat().sort((a, b) => String(a.nameFolded).localeCompare(String(b.nameFolded)));
    },
    ancestors: (org: GraphNode, _: unknown, ctx: Context) => ctx.loaders.ancestors.load(org.id),
    mentions,
    names,
  },
  Event: {
    organizers: async (event: GraphNode, _: unknown, ctx: Context) => {
      const parts = await ctx.loaders.incoming('Participation', 'EVENT', { at: null, equals: { role: 'organizer' } }).load(event.id);
      return (await Promise.all(parts.map((p) => ctx.loaders.referenced('Participation', 'PARTICIPANT').load(p.id)))).flat();
    },
    mentions,
    sources: mentions,
  },
  Area: { mentions, names },
  Participation: {
    agent: async (p: GraphNode, _: unknown, ctx: Context) => (await ctx.loaders.referenced('Participation', 'PARTICIPANT').load(p.id))[0] ?? null,
  },
  Source: {
    text: (source: GraphNode, _: unknown, ctx: Context) => ctx.loaders.sourceText.load(source.id),
  },
};
