// Writes a validated Plan (src/ingest/validate.ts) into the graph, inside the caller's transaction.
// Entities and facts are upserted (MERGE) by id, so a second load changes nothing. A source's facts
// that the file no longer states lose that source, and a fact left with no source is deleted. Labels,
// properties and relationships come from the model; the time of each touched fact is derived afresh
// (src/graph/fact-time.ts).
import type { Tx } from '../db/database';
import { dateHi, dateLo } from '../model/dates';
import { Claim, claimedProperties, settleClaims } from '../model/claims';
import { Entry, Plan, quotesOf, recordsOf } from '../model/facts-file';
import { model, TypeModel } from '../model/model';
import { fold, matchKey, searchKeys } from '../text/fold';
import { deriveFactTimes, timePeers } from './fact-time';
import { cypherName } from './nodes';

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

/** Points each node's reference relationships at the entities its fields name (replacing old targets). */
async function linkReferences(tx: Tx, type: TypeModel, rows: Array<{ id: unknown; refs: Record<string, string> }>): Promise<void> {
  for (const ref of Object.values(type.references)) {
    const withRef = rows.filter((r) => r.refs[ref.field]).map((r) => ({ id: r.id, ref: r.refs[ref.field] }));
    const without = rows.filter((r) => !r.refs[ref.field]).map((r) => r.id);
    const rel = cypherName(ref.rel);
    if (withRef.length) {
      await tx.run(
        `UNWIND $rows AS row
         MATCH (n:${cypherName(type.name)} {id: row.id}), (e:Entity {id: row.ref})
         OPTIONAL MATCH (n)-[old:${rel}]->(other) WHERE other.id <> row.ref
         DELETE old
         MERGE (n)-[:${rel}]->(e)`,
        { rows: withRef },
      );
    }
    // An optional reference the file no longer gives is removed.
    if (without.length && ref.optional) {
      await tx.run(`MATCH (n:${cypherName(type.name)})-[old:${rel}]->() WHERE n.id IN $ids DELETE old`, { ids: without });
    }
  }
}

/** Search keys of an entity: its name properties folded (src/text/fold.ts). */
function nameKeys(type: TypeModel, item: Item): Item {
  const names = type.names.map((n) => item[n]).flat() as Array<string | null | undefined>;
  const keys = searchKeys(names);
  const main = names.find((n): n is string => typeof n === 'string' && n !== '') ?? String(item.id);
  return { nameFolded: fold(main), searchKeys: keys, searchText: keys.join(' | '), matchKeys: keys.map(matchKey) };
}

/** An entity's dates as an interval (events: list filters and sort order). */
function entityInterval(item: Item): Item {
  const start = item.startDate as string | null | undefined;
  if (!start) return {};
  return { validFrom: dateLo(start), validTo: dateHi((item.endDate as string | null | undefined) ?? start) };
}

/** Created nodes per source, from a statement's `RETURN row.sourceId AS sourceId, sum(…) AS n`. */
function createdBySource(rows: Array<Record<string, unknown>>): Map<string, number> {
  return new Map(rows.map((r) => [r.sourceId as string, Number(r.n ?? 0)]));
}

type Sourced = { entry: Entry; sourceId: string };

async function upsertEntities(tx: Tx, type: TypeModel, items: Sourced[]): Promise<Map<string, number>> {
  if (!items.length) return new Map();
  const rows = items.map(({ entry: item, sourceId }) => {
    const { props, refs } = split(type, item);
    return {
      id: item.id,
      sourceId,
      localId: (item.localId as string | undefined) ?? item.id,
      claim: JSON.stringify(props),
      refs,
      mention: evidenceProps((item.mentions as unknown[] | undefined) ?? []),
    };
  });
  // Every entity of the file was seen in its source (with the passages or record values, where
  // given) and the source's values are its claim; the file's own id for it is kept so that a reload
  // finds the same entity (src/ingest/match.ts). The stored properties are settled from every claim.
  const created = await tx.run(
    `UNWIND $rows AS row
     OPTIONAL MATCH (old:${cypherName(type.name)} {id: row.id})
     WITH row, old IS NULL AS isNew
     MERGE (n:${cypherName(type.name)} {id: row.id})
     SET n:Entity
     WITH n, row, isNew
     MATCH (s:Source {id: row.sourceId})
     MERGE (n)-[m:MENTIONED_IN]->(s)
     SET m += row.mention, m.localId = row.localId, m.claim = row.claim
     RETURN row.sourceId AS sourceId, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS n`,
    { rows },
  );
  await linkReferences(tx, type, rows);
  return createdBySource(created);
}

async function upsertFacts(tx: Tx, type: TypeModel, facts: Sourced[]): Promise<Map<string, number>> {
  if (!facts.length) return new Map();
  const statusField = type.time?.status;
  const rows = facts.map(({ entry: fact, sourceId }) => {
    const { props, refs } = split(type, fact);
    const evidence = evidenceProps(fact.evidence as unknown[]);
    return {
      id: fact.id,
      sourceId,
      refs,
      evidence: { ...evidence, claim: JSON.stringify(props), status: statusField ? ((fact[statusField] as string | null) ?? null) : null },
    };
  });
  const created = await tx.run(
    `UNWIND $rows AS row
     OPTIONAL MATCH (old:${cypherName(type.name)} {id: row.id})
     WITH row, old IS NULL AS isNew
     MERGE (f:${cypherName(type.name)} {id: row.id})
     SET f:Fact
     WITH f, row, isNew
     MATCH (s:Source {id: row.sourceId})
     MERGE (f)-[r:SOURCED_FROM]->(s)
     SET r += row.evidence
     RETURN row.sourceId AS sourceId, sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS n`,
    { rows },
  );
  // a fact stated by two sources of the batch links its references once
  const seen = new Set<string>();
  await linkReferences(
    tx,
    type,
    rows.filter((r) => !seen.has(r.id) && seen.add(r.id)),
  );
  return createdBySource(created);
}

/**
 * Stores on each node what its sources' claims settle to (src/model/claims.ts): after a write, and
 * after a source is withdrawn from a node that other sources still show. Entities get their search
 * keys and interval from the settled names and dates.
 */
async function settle(tx: Tx, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const rows = await tx.run(
    `CALL () {
       MATCH (n:Entity) WHERE n.id IN $ids AND NOT n:Source RETURN n
       UNION
       MATCH (n:Fact) WHERE n.id IN $ids RETURN n
     }
     RETURN n.id AS id, labels(n) AS labels,
            [(n)-[r:MENTIONED_IN|SOURCED_FROM]->(s:Source) WHERE r.claim IS NOT NULL | {sourceId: s.id, date: coalesce(s.publishedAt, s.retrievedAt), claim: r.claim}] AS claims`,
    { ids: [...new Set(ids)] },
  );
  const updates: Array<{ id: string; label: string; props: Item }> = [];
  for (const row of rows) {
    const type = (row.labels as string[]).map((l) => model.types[l]).find((t): t is TypeModel => !!t);
    const claims = (row.claims as Array<{ sourceId: string; date: string | null; claim: string }>).map((c): Claim => ({
      sourceId: c.sourceId,
      date: c.date,
      props: JSON.parse(c.claim) as Item,
    }));
    if (!type || !claims.length) continue;
    const props = settleClaims(claimedProperties(type, model.factProperties), claims, type.kind === 'fact');
    const item = { id: row.id, ...props };
    const identifiers = Array.isArray(props.identifiers) && props.identifiers.length ? `|${(props.identifiers as string[]).join('|')}|` : null;
    updates.push({
      id: row.id as string,
      label: type.name,
      props:
        type.kind === 'fact'
          ? props
          : { ...props, ...nameKeys(type, item), ...entityInterval(item), ...('identifiers' in type.properties ? { identifierText: identifiers } : {}) },
    });
  }
  for (const label of new Set(updates.map((u) => u.label))) {
    await tx.run(
      `UNWIND $rows AS row
       MATCH (n:${cypherName(label)} {id: row.id})
       SET n += row.props`,
      { rows: updates.filter((u) => u.label === label) },
    );
  }
}

/**
 * A person's postText: the folded titles of every post they hold or held, so that searching a
 * title ("thu truong bo tu phap") finds the holders.
 */
async function refreshPostText(tx: Tx, personIds: string[]): Promise<void> {
  if (!personIds.length) return;
  await tx.run(
    `MATCH (p:Person) WHERE p.id IN $ids
     OPTIONAL MATCH (p)<-[:HOLDER]-(:Occupancy)-[:POSITION]->(pos:Position)
     WITH p, collect(DISTINCT pos.searchText) AS posts
     SET p.postText = CASE WHEN size(posts) = 0 THEN null ELSE reduce(acc = '', t IN posts | acc + ' || ' + t) END`,
    { ids: [...new Set(personIds)] },
  );
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
     DETACH DELETE f
     RETURN collect(DISTINCT f.id) AS ids, collect(DISTINCT holder.id) AS holders`,
    { ids: staleIds },
  );
  const gone = new Set((retracted[0]?.ids as string[] | undefined) ?? []);
  await refreshPostText(tx, (retracted[0]?.holders as string[] | undefined) ?? []);
  // Once their stale facts are gone: an entity that no source names any more and nothing points at (an
  // organisation an editor found to be another's alias) goes too; one still pointed at stays.
  const unmentionedIds = [...new Set(unmentioned.flatMap((r) => r.ids as string[]))];
  await tx.run(
    `MATCH (e:Entity) WHERE e.id IN $ids AND NOT e:Source AND NOT (e)-[:MENTIONED_IN]->() AND NOT ()-->(e)
     DETACH DELETE e`,
    { ids: unmentionedIds },
  );
  // What other sources still say of the entities and facts these no longer show.
  await settle(tx, [...unmentionedIds, ...staleIds.filter((id) => !gone.has(id))]);
  await deriveFactTimes(tx, [...new Set([...factIds, ...peersOfStale])]);
  const retractedBySource = new Map(stale.map((r) => [r.sourceId as string, (r.ids as string[]).filter((id) => gone.has(id)).length]));
  return plans.map((plan, i) => ({
    entities: entityIdsOf(plan).length,
    facts: factIdsOf(plan).length,
    retractedFacts: retractedBySource.get(plan.source.id) ?? 0,
    byType: byType[index.get(plan.source.id) ?? i]!,
  }));
}
