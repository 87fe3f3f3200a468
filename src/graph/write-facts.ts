// Writes a validated Plan (src/ingest/validate.ts) into the graph, inside the caller's transaction.
// Entities and facts are upserted (MERGE) by id, so a second load changes nothing. A source's facts
// that the file no longer states lose that source, and a fact left with no source is deleted. Labels,
// properties and relationships come from the model; the time of each touched fact is derived afresh
// (src/graph/fact-time.ts).
import type { Tx } from '../db/database';
import { Entry, Plan, quotesOf, recordsOf } from '../model/facts-file';
import { model, TypeModel } from '../model/model';
import { fold } from '../text/fold';
import { deriveFactTimes, timePeers } from './fact-time';
import { cypherName } from './nodes';
import { refreshPostText, settle } from './settle';

type Item = Record<string, unknown>;

/** An entry's stored properties and its references, as the model declares them. */
function split(type: TypeModel, item: Item): { props: Item; refs: Record<string, string> } {
  const props: Item = {};
  const refs: Record<string, string> = {};
  const stored = { ...type.properties, ...(type.kind === 'fact' ? model.factProperties : {}) };
  for (const name of Object.keys(stored)) if (name in item) props[name] = item[name] ?? null;
  for (const field of Object.keys(type.references)) if (typeof item[field] === 'string') refs[field] = item[field] as string;
  return { props, refs };
}

/** Evidence or mentions as relationship properties: quotes, and record fields and values (parallel lists). */
function evidenceProps(items: unknown[]): { quotes: string[]; fields: string[]; values: string[] } {
  const records = recordsOf(items);
  return { quotes: quotesOf(items), fields: records.map((r) => r.field ?? ''), values: records.map((r) => r.value) };
}

/** Created nodes per source, from a statement's `RETURN row.sourceId AS sourceId, sum(…) AS n`. */
function createdBySource(rows: Array<Record<string, unknown>>): Map<string, number> {
  return new Map(rows.map((r) => [r.sourceId as string, Number(r.n ?? 0)]));
}

type Sourced = { entry: Entry; sourceId: string };

/**
 * MERGEs each row's node (by id, with its kind's label: Entity or Fact) and its relationship to the
 * row's source, setting the relationship's properties (the evidence or mention, and the claim).
 * Returns how many nodes each source created.
 */
async function mergeSourced(
  tx: Tx,
  type: TypeModel,
  rel: 'MENTIONED_IN' | 'SOURCED_FROM',
  rows: Array<{ id: string; sourceId: string; edge: Item }>,
): Promise<Map<string, number>> {
  const created = await tx.run(
    `UNWIND $rows AS row
     OPTIONAL MATCH (old:${cypherName(type.name)} {id: row.id})
     WITH row, old IS NULL AS isNew
     MERGE (n:${cypherName(type.name)} {id: row.id})
     SET n:${type.kind === 'fact' ? 'Fact' : 'Entity'}
     WITH n, row, isNew
     MATCH (s:Source {id: row.sourceId})
     MERGE (n)-[r:${rel}]->(s)
     SET r += row.edge
     RETURN row.sourceId AS sourceId, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS n`,
    { rows },
  );
  return createdBySource(created);
}

// Every entity of a file was seen in its source (with the passages or record values, where given)
// and the source's values are its claim; the file's own id for it is kept so that a reload finds the
// same entity (src/ingest/match.ts). What is stored is settled from every claim (settle.ts).
async function upsertEntities(tx: Tx, type: TypeModel, items: Sourced[]): Promise<Map<string, number>> {
  if (!items.length) return new Map();
  const rows = items.map(({ entry: item, sourceId }) => {
    const { props, refs } = split(type, item);
    const localId = (item.localId as string | undefined) ?? item.id;
    return {
      id: item.id,
      sourceId,
      edge: { ...evidenceProps((item.mentions as unknown[] | undefined) ?? []), localId, claim: JSON.stringify({ ...props, ...refs }) },
    };
  });
  return mergeSourced(tx, type, 'MENTIONED_IN', rows);
}

async function upsertFacts(tx: Tx, type: TypeModel, facts: Sourced[]): Promise<Map<string, number>> {
  if (!facts.length) return new Map();
  const statusField = type.time?.status;
  const rows = facts.map(({ entry: fact, sourceId }) => {
    const { props, refs } = split(type, fact);
    const status = statusField ? ((fact[statusField] as string | null) ?? null) : null;
    return { id: fact.id, sourceId, edge: { ...evidenceProps(fact.evidence as unknown[]), claim: JSON.stringify({ ...props, ...refs }), status } };
  });
  return mergeSourced(tx, type, 'SOURCED_FROM', rows);
}

export interface WriteCounts {
  entities: number;
  facts: number;
  retractedFacts: number;
  /** Per type: entries written, and how many of them are new nodes. */
  byType: Record<string, { written: number; created: number }>;
}

/** Writes the plan; returns how many entities and facts it holds and how many stale facts it removed. */
export async function writeFacts(tx: Tx, plan: Plan): Promise<WriteCounts> {
  return (await writeFactsBatch(tx, [plan]))[0]!;
}

/**
 * Writes several plans (each its own source) with one statement per step for all of them: what an
 * import of many records does, batched (UNWIND), in the caller's one transaction.
 */
export async function writeFactsBatch(tx: Tx, plans: Plan[]): Promise<WriteCounts[]> {
  if (!plans.length) return [];
  const sourceType = model.types.Source!;
  await tx.run(
    `UNWIND $sources AS src
     MERGE (s:Source {id: src.id})
     SET s:Entity, s += src.props`,
    {
      sources: plans.map((plan) => ({
        id: plan.source.id,
        props: { ...split(sourceType, plan.source).props, text: plan.sourceText, titleFolded: fold(plan.source.title) },
      })),
    },
  );
  const byType = plans.map((): WriteCounts['byType'] => ({}));
  const index = new Map(plans.map((p, i) => [p.source.id, i]));
  const tally = (type: TypeModel, created: Map<string, number>) => {
    plans.forEach((plan, i) => {
      const written = plan.sections[type.section!]!.length;
      if (written) byType[i]![type.name] = { written, created: created.get(plan.source.id) ?? 0 };
    });
  };
  const sourced = (type: TypeModel): Sourced[] => plans.flatMap((plan) => plan.sections[type.section!]!.map((entry) => ({ entry, sourceId: plan.source.id })));
  for (const type of model.entityTypes) tally(type, await upsertEntities(tx, type, sourced(type)));
  for (const type of model.factTypes) tally(type, await upsertFacts(tx, type, sourced(type)));

  const entityIdsOf = (plan: Plan) => [plan.source.id, ...model.entityTypes.flatMap((t) => plan.sections[t.section!]!.map((e) => e.id))];
  const factIdsOf = (plan: Plan) => model.factTypes.flatMap((t) => plan.sections[t.section!]!.map((f) => f.id));
  const entityIds = plans.flatMap(entityIdsOf);
  const factIds = plans.flatMap(factIdsOf);
  await settle(tx, [...entityIds, ...factIds]);
  const holderOf = (f: Entry) => f.holder as string;
  await refreshPostText(
    tx,
    plans.flatMap((plan) => [...plan.sections.persons!.map((p) => p.id), ...(plan.sections.occupancies ?? []).map(holderOf)]),
  );
  const perSource = plans.map((plan) => ({ id: plan.source.id, entityIds: entityIdsOf(plan), factIds: factIdsOf(plan) }));
  const { stale, gone, peers } = await dropUnstated(tx, perSource);
  await deriveFactTimes(tx, [...new Set([...factIds, ...peers])]);
  const retractedBySource = new Map([...stale].map(([sourceId, ids]) => [sourceId, ids.filter((id) => gone.has(id)).length]));
  return plans.map((plan, i) => ({
    entities: entityIdsOf(plan).length,
    facts: factIdsOf(plan).length,
    retractedFacts: retractedBySource.get(plan.source.id) ?? 0,
    byType: byType[index.get(plan.source.id) ?? i]!,
  }));
}

/**
 * What each source no longer shows (all of it, for a withdrawn source): its mentions of other
 * entities and its support of other facts go; facts and entities left with no source (and, for
 * entities, nothing pointing at them) are deleted; the rest is settled from the sources left.
 * Returns the stale facts per source, the facts deleted, and the facts whose time must be derived again.
 */
async function dropUnstated(
  tx: Tx,
  perSource: Array<{ id: string; entityIds: string[]; factIds: string[] }>,
): Promise<{ stale: Map<string, string[]>; gone: Set<string>; peers: string[] }> {
  // Entities a source no longer names lose its mention; one that no source names and nothing points at goes.
  const unmentioned = await tx.run(
    `UNWIND $sources AS src
     MATCH (e:Entity)-[m:MENTIONED_IN]->(:Source {id: src.id}) WHERE NOT e.id IN src.entityIds
     DELETE m
     RETURN collect(DISTINCT e.id) AS ids`,
    { sources: perSource },
  );
  // Facts a source no longer states: it is no longer their source; those left with none go. Their
  // peers in time (same slot, same single-holder post) are re-derived below.
  const stale = await tx.run(
    `UNWIND $sources AS src
     MATCH (f:Fact)-[r:SOURCED_FROM]->(:Source {id: src.id}) WHERE NOT f.id IN src.factIds
     DELETE r
     RETURN src.id AS sourceId, collect(DISTINCT f.id) AS ids`,
    { sources: perSource },
  );
  const staleIds = [...new Set(stale.flatMap((r) => r.ids as string[]))];
  const peersOfStale = await timePeers(tx, staleIds);
  const retracted = await tx.run(
    `MATCH (f:Fact) WHERE f.id IN $ids AND NOT (f)-[:SOURCED_FROM]->()
     OPTIONAL MATCH (f:Occupancy)-[:HOLDER]->(holder:Person)
     WITH f, f.id AS id, holder.id AS holder
     DETACH DELETE f
     RETURN collect(DISTINCT id) AS ids, collect(DISTINCT holder) AS holders`,
    { ids: staleIds },
  );
  const gone = new Set((retracted[0]?.ids as string[] | undefined) ?? []);
  await refreshPostText(tx, (retracted[0]?.holders as string[] | undefined) ?? []);
  const unmentionedIds = [...new Set(unmentioned.flatMap((r) => r.ids as string[]))];
  // What other sources still say of the entities and facts these no longer show.
  await settle(tx, [...unmentionedIds, ...staleIds.filter((id) => !gone.has(id))]);
  // Once their stale facts are gone: an entity that no source names any more and nothing points at (an
  // organisation an editor found to be another's alias) goes too; one still pointed at stays.
  // (a post goes first, then the organisation only it pointed at: a few rounds)
  for (let round = 0; round < 5; round++) {
    const [deleted] = await tx.run(
      `MATCH (e:Entity) WHERE e.id IN $ids AND NOT e:Source AND NOT (e)-[:MENTIONED_IN]->() AND NOT ()-->(e)
       DETACH DELETE e
       RETURN count(*) AS n`,
      { ids: unmentionedIds },
    );
    if (!Number(deleted?.n ?? 0)) break;
  }
  return { stale: new Map(stale.map((r) => [r.sourceId as string, r.ids as string[]])), gone, peers: peersOfStale.filter((id) => !gone.has(id)) };
}

/**
 * Withdraws sources: everything they alone showed goes, what other sources also show stays as those
 * say it (its claims settled again, its time derived again), and the Source nodes and their
 * ingestion records are deleted. Nothing another source states is lost.
 */
export async function withdrawSources(tx: Tx, sourceIds: string[]): Promise<{ retractedFacts: number }> {
  if (!sourceIds.length) return { retractedFacts: 0 };
  const { gone, peers } = await dropUnstated(
    tx,
    sourceIds.map((id) => ({ id, entityIds: [id], factIds: [] })),
  );
  await deriveFactTimes(tx, peers);
  await tx.run(
    `MATCH (s:Source) WHERE s.id IN $ids
     OPTIONAL MATCH (s)<-[:INGESTED]-(i:Ingestion)
     DETACH DELETE s, i`,
    { ids: sourceIds },
  );
  return { retractedFacts: gone.size };
}
