// Co-service: the people who held posts in the same organisation (or its sub-units) in periods that
// overlap one of a person's own posts — who sat in the same ministry at the same time. Batched by person.
import type { Database } from '../db/database';
import { int } from '../db/database';
import { GraphNode, project } from './nodes';
import { SUBTREE } from './organizations';
import { checkRange, TieFilter, TIE_OK, tieParams } from './ties';

export const MAX_COLLEAGUES = 100;

export interface ColleagueOptions {
  /** Only service in this organisation (and, with includeSubUnits, its sub-units). */
  organization?: string | null;
  includeSubUnits: boolean;
  first: number;
  ties?: TieFilter | null;
}

export interface Colleague {
  person: GraphNode;
  /** The organisation both served in: the one asked for, else the organisation of the person's own post. */
  organization: GraphNode;
  mine: GraphNode;
  theirs: GraphNode;
  /** The overlap of the two periods (null: open on that side). */
  from: string | null;
  to: string | null;
}

/** Cypher: the period of occupancy `f` — presumed (validFrom…validTo) or, with presumed false, stated. */
const LO = (f: string) => `CASE WHEN $presumed THEN ${f}.validFrom ELSE ${f}.statedFrom END`;
const HI = (f: string) => `CASE WHEN $presumed THEN ${f}.validTo ELSE ${f}.statedTo END`;

/** For each person id, their colleagues, latest overlap first. */
export async function colleagues(db: Database, ids: readonly string[], options: ColleagueOptions): Promise<Map<string, Colleague[]>> {
  checkRange('first', options.first, 1, MAX_COLLEAGUES);
  const rows = await db.read(
    `UNWIND $ids AS pid
     MATCH (me:Person {id: pid})<-[:HOLDER]-(mine:Occupancy)-[:POSITION]->(:Position)-[:ORGANIZATION]->(o1:Organization)
     WHERE ${TIE_OK('mine')} AND ($presumed OR mine.statedFrom IS NOT NULL)
     MATCH (u:Organization) WHERE u.id = coalesce($organization, o1.id)
     // my post must be in the organisation asked for (or its sub-tree)
     WITH me, mine, o1, u WHERE $organization IS NULL OR o1 = u OR ($subUnits AND EXISTS { MATCH ${SUBTREE('u', 'o1')} })
     CALL (u) {
       MATCH ${SUBTREE('u', 'o2')} WHERE $subUnits OR o2 = u
       RETURN DISTINCT o2
     }
     MATCH (o2)<-[:ORGANIZATION]-(:Position)<-[:POSITION]-(theirs:Occupancy)-[:HOLDER]->(other:Person)
     WHERE other <> me AND ${TIE_OK('theirs')} AND ($presumed OR theirs.statedFrom IS NOT NULL)
       AND (${LO('mine')} IS NULL OR ${HI('theirs')} IS NULL OR ${LO('mine')} <= ${HI('theirs')})
       AND (${LO('theirs')} IS NULL OR ${HI('mine')} IS NULL OR ${LO('theirs')} <= ${HI('mine')})
     WITH me, u, mine, theirs, other,
          CASE WHEN ${LO('mine')} IS NULL THEN ${LO('theirs')} WHEN ${LO('theirs')} IS NULL OR ${LO('mine')} > ${LO('theirs')} THEN ${LO('mine')} ELSE ${LO('theirs')} END AS since,
          CASE WHEN ${HI('mine')} IS NULL THEN ${HI('theirs')} WHEN ${HI('theirs')} IS NULL OR ${HI('mine')} < ${HI('theirs')} THEN ${HI('mine')} ELSE ${HI('theirs')} END AS until
     ORDER BY coalesce(until, '9999') DESC, other.nameFolded, other.id, theirs.id
     WITH me, collect({person: ${project('other')}, organization: ${project('u')}, mine: ${project('mine')}, theirs: ${project('theirs')}, from: since, to: until})[..$first] AS list
     RETURN me.id AS key, list`,
    {
      ...tieParams({ ...options.ties, kinds: null }),
      ids: [...new Set(ids)],
      organization: options.organization ?? null,
      subUnits: options.includeSubUnits,
      first: int(options.first),
    },
  );
  return new Map(rows.map((r) => [r.key as string, r.list as Colleague[]]));
}
