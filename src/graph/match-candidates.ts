// Reads what entity resolution (src/ingest/match.ts) needs about the people of a facts file, in
// one query inside the ingesting transaction: same-source matches, identifier matches, namesakes
// with their posts and organisations, and a free id for a new namesake.
import type { Tx } from '../db/database';
import type { Plan } from '../model/facts-file';
import { model } from '../model/model';
import { fold } from '../text/fold';
import { cypherName } from './nodes';

/**
 * Kinds of organisation too broad to tell people apart: two namesakes who both serve somewhere under
 * the Party, the Government, the National Assembly or one province are not thereby one person. A
 * post's organisation and its direct parent otherwise count as a tie (a ministry's department ties its
 * staff to the ministry).
 */
export const BROAD_PARENTS = ['party_body', 'government', 'legislature', 'province'];

/** What the graph holds that could match one person of the file. */
export interface Candidates {
  localId: string;
  /** The same id, already tied to this source (a reload of the same file). */
  sameSource: string | null;
  /** People with the same external identifier. */
  byIdentifier: string[];
  /** People with the same folded name, with the posts and organisations tied to them. */
  byName: Array<{ id: string; ties: string[] }>;
  /** Is the file's id already used by another node? */
  idTaken: boolean;
  /** The first free "<id>-N" when it is. */
  freeId: string;
}

export async function personCandidates(tx: Tx, plan: Plan): Promise<Candidates[]> {
  const persons = plan.sections.persons ?? [];
  if (!persons.length) return [];
  const people = persons.map((p) => ({
    localId: p.id,
    nameFolded: fold(String(p.name)),
    wikidataId: (p.wikidataId as string | null) ?? null,
    identifiers: (p.identifiers as string[] | undefined) ?? [],
  }));
  const rows = await tx.run(
    `UNWIND $people AS p
     CALL (p) {
       OPTIONAL MATCH (:Source {id: $sourceId})<-[m:MENTIONED_IN]-(c:Person)
       WHERE m.localId = p.localId
       RETURN head(collect(c.id)) AS sameSource
     }
     CALL (p) {
       OPTIONAL MATCH (c:Person)
       WHERE (p.wikidataId IS NOT NULL AND c.wikidataId = p.wikidataId) OR (size(p.identifiers) > 0 AND any(x IN c.identifiers WHERE x IN p.identifiers))
       RETURN collect(DISTINCT c.id) AS byIdentifier
     }
     CALL (p) {
       OPTIONAL MATCH (c:Person {nameFolded: p.nameFolded})
       OPTIONAL MATCH (c)<-[:HOLDER]-(:Occupancy)-[:POSITION]->(pos:Position)-[:ORGANIZATION]->(org:Organization)
       OPTIONAL MATCH (org)<-[:CHILD]-(:Subordination)-[:PARENT]->(up:Organization) WHERE NOT up.classification IN $broad
       OPTIONAL MATCH (c)<-[:MEMBER]-(:Membership)-[:ORGANIZATION]->(morg:Organization)
       WITH c, collect(DISTINCT pos.id) + collect(DISTINCT org.id) + collect(DISTINCT up.id) + collect(DISTINCT morg.id) AS ties
       RETURN collect(CASE WHEN c IS NULL THEN null ELSE {id: c.id, ties: ties} END) AS byName
     }
     CALL (p) {
       OPTIONAL MATCH (taken:Entity {id: p.localId})
       RETURN taken IS NOT NULL AS idTaken,
              head([n IN range(2, 99) WHERE NOT EXISTS { MATCH (:Entity {id: p.localId + '-' + toString(n)}) }]) AS n
     }
     RETURN p.localId AS localId, sameSource, byIdentifier, byName, idTaken, p.localId + '-' + toString(n) AS freeId`,
    { people, sourceId: plan.source.id, broad: BROAD_PARENTS },
  );
  return rows.map((r) => ({
    localId: r.localId as string,
    sameSource: (r.sameSource as string | null) ?? null,
    byIdentifier: r.byIdentifier as string[],
    byName: r.byName as Array<{ id: string; ties: string[] }>,
    idTaken: r.idTaken === true,
    freeId: r.freeId as string,
  }));
}

/** An existing fact that may be the same holding as one of the file's (same references and role, other dates). */
export interface FactCandidate {
  id: string;
  statedFrom: string | null;
  statedTo: string | null;
}

/**
 * For each fact of a lasting type, the facts already in the graph with the same identity apart from
 * its dates (the same person in the same post; the same rank; the same membership role): found from
 * the first reference's entity, never by scanning the label.
 */
export async function factCandidates(tx: Tx, plan: Plan): Promise<Map<string, FactCandidate[]>> {
  const out = new Map<string, FactCandidate[]>();
  for (const type of model.factTypes) {
    const spec = type.time;
    if (!spec || spec.kind !== 'lasting') continue;
    const identity = (type.key ?? []).filter((f) => f !== spec.start && f !== spec.end);
    const refs = identity.filter((f) => type.references[f]);
    const props = identity.filter((f) => !type.references[f]);
    if (!refs.length || identity.length === (type.key ?? []).length) continue;
    const facts = (plan.sections[type.section!] ?? []).map((f) => ({ id: f.id, values: Object.fromEntries(identity.map((k) => [k, f[k] ?? null])) }));
    if (!facts.length) continue;
    const label = cypherName(type.name);
    const [first, ...rest] = refs;
    const conditions = [
      ...rest.map((f) => `EXISTS { MATCH (g)-[:${cypherName(type.references[f]!.rel)}]->(:Entity {id: f.values.${f}}) }`),
      ...props.map((f) => `g.${f} = f.values.${f}`),
    ];
    const rows = await tx.run(
      `UNWIND $facts AS f
       MATCH (:Entity {id: f.values.${first}})<-[:${cypherName(type.references[first!]!.rel)}]-(g:${label})
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       RETURN f.id AS id, collect({id: g.id, statedFrom: g.statedFrom, statedTo: g.statedTo}) AS existing`,
      { facts },
    );
    for (const r of rows) out.set(r.id as string, r.existing as FactCandidate[]);
  }
  return out;
}
