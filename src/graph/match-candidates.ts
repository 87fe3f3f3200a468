// Reads what entity resolution (src/ingest/match.ts) needs about the people of a facts file, in
// one query inside the ingesting transaction: same-source matches, identifier matches, namesakes
// with their posts and organisations, and a free id for a new namesake.
import type { Database, Tx } from '../db/database';
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
  return (await personCandidatesBatch(tx, [plan]))[0]!;
}

/** personCandidates for several plans (each its own source) in one query: one list per plan, in order. */
export async function personCandidatesBatch(tx: Tx, plans: Plan[]): Promise<Candidates[][]> {
  const people = plans.flatMap((plan, planIndex) =>
    (plan.sections.persons ?? []).map((p) => ({
      planIndex,
      sourceId: plan.source.id,
      localId: p.id,
      nameFolded: fold(String(p.name)),
      wikidataId: (p.wikidataId as string | null) ?? null,
      identifiers: (p.identifiers as string[] | undefined) ?? [],
    })),
  );
  const out: Candidates[][] = plans.map(() => []);
  if (!people.length) return out;
  const rows = await tx.run(
    `UNWIND $people AS p
     CALL (p) {
       OPTIONAL MATCH (:Source {id: p.sourceId})<-[m:MENTIONED_IN]-(c:Person)
       WHERE m.localId = p.localId
       RETURN head(collect(c.id)) AS sameSource
     }
     CALL (p) {
       CALL (p) {
         MATCH (c:Person) WHERE p.wikidataId IS NOT NULL AND c.wikidataId = p.wikidataId RETURN c
         UNION
         UNWIND p.identifiers AS x
         MATCH (c:Person) WHERE c.identifierText CONTAINS '|' + x + '|'
         RETURN c
       }
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
              CASE WHEN taken IS NULL THEN 2 ELSE head([n IN range(2, 99) WHERE NOT EXISTS { MATCH (:Entity {id: p.localId + '-' + toString(n)}) }]) END AS n
     }
     RETURN p.planIndex AS planIndex, p.localId AS localId, sameSource, byIdentifier, byName, idTaken, p.localId + '-' + toString(n) AS freeId`,
    { people, broad: BROAD_PARENTS },
  );
  for (const r of rows)
    out[Number(r.planIndex)]!.push({
      localId: r.localId as string,
      sameSource: (r.sameSource as string | null) ?? null,
      byIdentifier: r.byIdentifier as string[],
      byName: r.byName as Array<{ id: string; ties: string[] }>,
      idTaken: r.idTaken === true,
      freeId: r.freeId as string,
    });
  return out;
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
  return (await factCandidatesBatch(tx, [plan]))[0]!;
}

/** factCandidates for several plans in one query per fact type: one map per plan, in order. */
export async function factCandidatesBatch(tx: Tx, plans: Plan[]): Promise<Array<Map<string, FactCandidate[]>>> {
  const out = plans.map(() => new Map<string, FactCandidate[]>());
  for (const type of model.factTypes) {
    const spec = type.time;
    if (!spec || spec.kind !== 'lasting') continue;
    const identity = type.key.filter((f) => f !== spec.start && f !== spec.end);
    const refs = identity.filter((f) => type.references[f]);
    const props = identity.filter((f) => !type.references[f]);
    if (!refs.length || identity.length === type.key.length) continue;
    const facts = plans.flatMap((plan, planIndex) =>
      (plan.sections[type.section!] ?? []).map((f) => ({ planIndex, id: f.id, values: Object.fromEntries(identity.map((k) => [k, f[k] ?? null])) })),
    );
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
       RETURN f.planIndex AS planIndex, f.id AS id, collect({id: g.id, statedFrom: g.statedFrom, statedTo: g.statedTo}) AS existing`,
      { facts },
    );
    for (const r of rows) out[Number(r.planIndex)]!.set(r.id as string, r.existing as FactCandidate[]);
  }
  return out;
}

/**
 * Every organisation's names (name, English name, aliases, abbreviations) that some source other
 * than `exceptSourcePrefix`'s shows: an importer maps the spellings it reads to the bodies the graph
 * has from elsewhere (the seeds), and never to its own earlier output — so a re-import reads the same.
 */
export async function organizationNames(db: Database, exceptSourcePrefix: string): Promise<Array<{ id: string; names: string[] }>> {
  // the names as those sources claim them (the stored name may be another source's spelling)
  const rows = await db.read(
    `MATCH (o:Organization)-[m:MENTIONED_IN]->(s:Source)
     WHERE NOT s.id STARTS WITH $prefix AND m.claim IS NOT NULL
     RETURN o.id AS id, collect(m.claim) AS claims`,
    { prefix: exceptSourcePrefix },
    db.maintenanceTimeoutMs,
  );
  return rows.map((r) => {
    const names = (r.claims as string[]).flatMap((c) => {
      const claim = JSON.parse(c) as Record<string, unknown>;
      return [claim.name, claim.nameEn, ...((claim.aliases as unknown[]) ?? []), ...((claim.abbreviations as unknown[]) ?? [])].filter(
        (n): n is string => typeof n === 'string',
      );
    });
    return { id: r.id as string, names: [...new Set(names)].sort() };
  });
}
