// Reads what entity resolution (src/ingest/match.ts) needs about the people of a facts file, in
// one query inside the ingesting transaction: same-source matches, identifier matches, namesakes
// with their posts and organisations, and a free id for a new namesake.
import type { Tx } from '../db/database';
import type { Plan } from '../model/facts-file';
import { fold } from '../text/fold';

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
  const people = persons.map((p) => ({ localId: p.id, nameFolded: fold(String(p.name)), wikidataId: (p.wikidataId as string | null) ?? null }));
  const rows = await tx.run(
    `UNWIND $people AS p
     CALL (p) {
       OPTIONAL MATCH (:Source {id: $sourceId})<-[m:MENTIONED_IN]-(c:Person)
       WHERE m.localId = p.localId
       RETURN head(collect(c.id)) AS sameSource
     }
     CALL (p) {
       OPTIONAL MATCH (c:Person) WHERE p.wikidataId IS NOT NULL AND c.wikidataId = p.wikidataId
       RETURN collect(c.id) AS byIdentifier
     }
     CALL (p) {
       OPTIONAL MATCH (c:Person {nameFolded: p.nameFolded})
       OPTIONAL MATCH (c)<-[:HOLDER]-(:Occupancy)-[:POSITION]->(pos:Position)-[:ORGANIZATION]->(org:Organization)
       OPTIONAL MATCH (c)<-[:MEMBER]-(:Membership)-[:ORGANIZATION]->(morg:Organization)
       WITH c, collect(DISTINCT pos.id) + collect(DISTINCT org.id) + collect(DISTINCT morg.id) AS ties
       RETURN collect(CASE WHEN c IS NULL THEN null ELSE {id: c.id, ties: ties} END) AS byName
     }
     CALL (p) {
       OPTIONAL MATCH (taken:Entity {id: p.localId})
       RETURN taken IS NOT NULL AS idTaken,
              head([n IN range(2, 99) WHERE NOT EXISTS { MATCH (:Entity {id: p.localId + '-' + toString(n)}) }]) AS n
     }
     RETURN p.localId AS localId, sameSource, byIdentifier, byName, idTaken, p.localId + '-' + toString(n) AS freeId`,
    { people, sourceId: plan.source.id },
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
