// A person's or an organisation's dated facts in order (posts, ranks, events, awards, memberships,
// parent links; an organisation's include the posts held in it), each with the other entities it ties.
// Partial dates sort by the first day they name, a less precise date first ("2024" before "2024-04");
// a fact with no date of its own sorts by when it is stated or seen; undated facts come last.
import type { Database } from '../db/database';
import { int } from '../db/database';
import { dateLo } from '../model/dates';
import { edgeLabel, model } from '../model/model';
import { basisAt } from '../model/time';
import { GraphNode, project } from './nodes';
import { boundedRead, checkRange, ENTITY_RELS, entitiesOrNotFound, FACT_RELS, isProposal, TIE_KIND_OF, TIED_FACTS, TieFilter, tieParams } from './ties';

export const MAX_TIMELINE = 500;
/** Facts read before sorting: an organisation with thousands of posts is listed by its first 5,000. */
const READ_CAP = 5000;

export interface TimelineEntry {
  fact: GraphNode;
  kind: string;
  label: string;
  labelEn: string;
  date: string | null;
  endDate: string | null;
  sortDate: string | null;
  with: GraphNode[];
  proposed: boolean;
  basis: 'stated' | 'presumed' | null;
}

/** The fact's own date or start, and end (an instant's event's dates when it has none), as the source gives them. */
export function ownDates(fact: GraphNode, refs: Record<string, GraphNode>): [string | null, string | null] {
  const time = model.types[fact.__typename]?.time;
  if (!time) return [null, null];
  const get = (f?: string) => (f && typeof fact[f] === 'string' ? (fact[f] as string) : null);
  if (time.kind === 'lasting') return [get(time.start), get(time.end)];
  const event = time.event ? refs[time.event] : undefined;
  return [get(time.date) ?? (event?.startDate as string | null) ?? null, (event?.endDate as string | null) ?? null];
}

export async function timeline(db: Database, id: string, first: number, ties?: TieFilter | null): Promise<TimelineEntry[]> {
  checkRange('first', first, 1, MAX_TIMELINE);
  const [entity] = await entitiesOrNotFound(db, [{ argument: 'id', id }]);
  const rows = await boundedRead('timeline', 'narrow `ties` (kinds, at)', () =>
    db.read(
      `MATCH (e:Entity {id: $id})
       CALL (e) {
         ${TIED_FACTS('e', 'f')}
       }
       WITH e, f ORDER BY coalesce(f.statedFrom, f.validFrom, '9999'), f.id LIMIT $cap
       CALL (e, f) {
         MATCH (f)-[r2]->(x:Entity) WHERE type(r2) IN $factRels
         RETURN collect({rel: type(r2), node: ${project('x')}}) AS refs
       }
       RETURN ${project('f')} AS fact, refs`,
      { ...tieParams(ties), id: entity!.id, factRels: FACT_RELS, entityRels: ENTITY_RELS, cap: int(READ_CAP) },
    ),
  );
  const at = ties?.at;
  const entries = rows.map((r) => {
    const fact = r.fact as GraphNode;
    const type = model.types[fact.__typename]!;
    const fieldOf = Object.fromEntries(Object.values(type.references).map((ref) => [ref.rel, ref.field]));
    const refs = (r.refs as Array<{ rel: string; node: GraphNode }>).map((x) => ({ field: fieldOf[x.rel] ?? x.rel, node: x.node }));
    const [date, endDate] = ownDates(fact, Object.fromEntries(refs.map((x) => [x.field, x.node])));
    const label = edgeLabel(type, fact)!;
    const seen = (fact.statedFrom as string | null) ?? (fact.lastSeen ? dateLo(fact.lastSeen as string) : null);
    return {
      fact,
      kind: TIE_KIND_OF[fact.__typename]!,
      label: label.vi,
      labelEn: label.en,
      date,
      endDate,
      sortDate: date ? dateLo(date) : seen,
      with: refs.map((x) => x.node).filter((n) => n.id !== entity!.id),
      proposed: isProposal(fact),
      basis: at ? basisAt(fact as Record<string, string | null>, at) : fact.statedFrom ? ('stated' as const) : null,
    };
  });
  const precision = (d: string | null) => (d ? d.length : 99);
  entries.sort(
    (x, y) =>
      (x.sortDate ?? '9999').localeCompare(y.sortDate ?? '9999') ||
      precision(x.date) - precision(y.date) ||
      (x.endDate ?? '9999').localeCompare(y.endDate ?? '9999') ||
      x.kind.localeCompare(y.kind) ||
      x.fact.id.localeCompare(y.fact.id),
  );
  return entries.slice(0, first);
}
