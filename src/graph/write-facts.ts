// Writes a validated Plan (src/ingest/validate.ts) into the graph, inside the caller's transaction.
// Entities and facts are MERGEd by id, so a second load changes nothing. A source's facts that the
// file no longer states lose that source, and a fact left with no source is deleted.
import type { Tx } from '../db/database';
import { dateHi, dateLo } from '../model/dates';
import { fold, matchKey, searchKeys } from '../text/fold';
import { ENTITY_SECTIONS, FACT_KINDS, FACT_SECTIONS, FactSection, Plan } from '../ingest/validate';

/** Reference fields → relationship types (field name in UPPER_SNAKE: one vocabulary end to end). */
export const REFERENCE_TYPES: Record<string, string> = {
  holder: 'HOLDER', position: 'POSITION', rank: 'RANK', event: 'EVENT', participant: 'PARTICIPANT',
  onBehalfOf: 'ON_BEHALF_OF', award: 'AWARD', recipient: 'RECIPIENT', decidedAt: 'DECIDED_AT',
  grantor: 'GRANTOR', member: 'MEMBER', organization: 'ORGANIZATION', child: 'CHILD', parent: 'PARENT',
};

type Item = Record<string, unknown>;

function split(item: Item, omit: string[]): { props: Item; refs: Record<string, string> } {
  const props: Item = {};
  const refs: Record<string, string> = {};
  for (const [k, v] of Object.entries(item)) {
    if (omit.includes(k)) continue;
    if (k in REFERENCE_TYPES) {
      if (typeof v === 'string') refs[k] = v;
    } else props[k] = v;
  }
  return { props, refs };
}

/** The interval a fact is known to hold in: stated dates, else the source's date (see docs/model.md). */
function validity(section: FactSection, fact: Item, attested: string | null): Item {
  const start = (fact.startDate ?? fact.since ?? fact.date ?? null) as string | null;
  const end = (fact.endDate ?? null) as string | null;
  // An occupancy that had ended by the source's date says nothing of that date: its start stays unknown.
  const endedBefore = section === 'occupancies' && fact.status === 'ended';
  const from = start ? dateLo(start) : attested && !endedBefore ? dateLo(attested) : null;
  let to: string | null = end ? dateHi(end) : null;
  if (!end && section === 'occupancies' && fact.status !== 'current' && attested) to = dateHi(attested);
  if (!end && (section === 'participations' || section === 'conferrals') && (start ?? attested)) to = dateHi((start ?? attested) as string);
  return { validFrom: from, validTo: to };
}

/** Points each node's reference relationships at the entities its fields name (replacing old targets). */
async function linkReferences(tx: Tx, label: string, rows: Array<{ id: unknown; refs: Record<string, string> }>): Promise<void> {
  for (const [field, type] of Object.entries(REFERENCE_TYPES)) {
    const withRef = rows.filter((r) => r.refs[field]).map((r) => ({ id: r.id, ref: r.refs[field] }));
    if (!withRef.length) continue;
    await tx.run(
      `UNWIND $rows AS row
       MATCH (n:${label} {id: row.id}), (e:Entity {id: row.ref})
       OPTIONAL MATCH (n)-[old:${type}]->(other) WHERE other.id <> row.ref
       DELETE old
       MERGE (n)-[:${type}]->(e)`,
      { rows: withRef },
    );
  }
}

async function mergeEntities(tx: Tx, label: string, items: Item[], sourceId: string, extra: (item: Item) => Item): Promise<void> {
  if (!items.length) return;
  const rows = items.map((item) => {
    const { props, refs } = split(item, ['mentions', 'localId']);
    return { id: item.id, localId: item.localId ?? item.id, props: { ...props, ...extra(item) }, refs, mentions: (item.mentions as string[] | undefined) ?? [] };
  });
  await tx.run(
    `UNWIND $rows AS row
     MERGE (n:${label} {id: row.id})
     SET n:Entity, n += row.props`,
    { rows },
  );
  await linkReferences(tx, label, rows);
  // Every entity of the file was seen in its source (with the passages, where given); the file's
  // own id for it is kept so that a reload finds the same entity (src/ingest/resolve.ts).
  await tx.run(
    `UNWIND $rows AS row
     MATCH (n:${label} {id: row.id}), (s:Source {id: $sourceId})
     MERGE (n)-[m:MENTIONED_IN]->(s)
     SET m.quotes = row.mentions, m.localId = row.localId`,
    { rows, sourceId },
  );
}

async function mergeFacts(tx: Tx, section: FactSection, facts: Item[], sourceId: string, attested: string | null): Promise<void> {
  if (!facts.length) return;
  const label = FACT_KINDS[section].label;
  const rows = facts.map((fact) => {
    const { props, refs } = split(fact, ['evidence']);
    return { id: fact.id, props: { ...props, ...validity(section, fact, attested) }, refs, quotes: (fact.evidence as Array<{ quote: string }>).map((e) => e.quote) };
  });
  await tx.run(
    `UNWIND $rows AS row
     MERGE (f:${label} {id: row.id})
     SET f:Fact, f += row.props
     WITH f, row
     MATCH (s:Source {id: $sourceId})
     MERGE (f)-[r:SOURCED_FROM]->(s)
     SET r.quotes = row.quotes`,
    { rows, sourceId },
  );
  await linkReferences(tx, label, rows);
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
}

/** Writes the plan; returns how many entities and facts it holds and how many stale facts it removed. */
export async function writeFacts(tx: Tx, plan: Plan): Promise<WriteCounts> {
  const { source } = plan;
  const sourceId = source.id;
  await tx.run(
    `MERGE (s:Source {id: $id})
     SET s:Entity, s += $props`,
    { id: sourceId, props: { ...split(source, ['id', 'textFile']).props, text: plan.sourceText, titleFolded: fold(source.title) } },
  );
  const attested = source.publishedAt;
  const nameKeys = (item: Item, names: unknown[]) => {
    const keys = searchKeys(names.flat() as string[]);
    return { nameFolded: fold(String(item.name ?? item.label ?? item.role)), searchKeys: keys, searchText: keys.join(' | '), matchKeys: keys.map(matchKey) };
  };
  await mergeEntities(tx, 'Organization', plan.organizations, sourceId, (o) => nameKeys(o, [o.name, o.nameEn, o.aliases, o.abbreviations]));
  await mergeEntities(tx, 'Person', plan.persons, sourceId, (p) => nameKeys(p, [p.name, p.aliases]));
  await mergeEntities(tx, 'Position', plan.positions, sourceId, (p) => nameKeys(p, [p.label, p.labelEn, p.role, p.roleEn]));
  await mergeEntities(tx, 'Rank', plan.ranks, sourceId, (r) => nameKeys(r, [r.name, r.nameEn]));
  await mergeEntities(tx, 'Event', plan.events, sourceId, (e) => ({
    ...nameKeys(e, [e.name, e.nameEn]),
    ...(e.startDate ? { validFrom: dateLo(e.startDate as string), validTo: dateHi((e.endDate ?? e.startDate) as string) } : {}),
  }));
  await mergeEntities(tx, 'Award', plan.awards, sourceId, (a) => nameKeys(a, [a.name, a.nameEn]));

  const factIds: string[] = [];
  for (const section of FACT_SECTIONS) {
    const facts = plan[section] as Item[];
    await mergeFacts(tx, section, facts, sourceId, attested);
    factIds.push(...facts.map((f) => f.id as string));
  }
  await refreshPostText(tx, [...plan.persons.map((p) => p.id), ...plan.occupancies.map((o) => o.holder)]);
  const entityIds = [sourceId, ...ENTITY_SECTIONS.flatMap((s) => (plan[s] as Item[]).map((e) => e.id as string))];
  await tx.run(
    `MATCH (e:Entity)-[m:MENTIONED_IN]->(:Source {id: $sourceId}) WHERE NOT e.id IN $entityIds DELETE m`,
    { sourceId, entityIds },
  );
  const retracted = await tx.run(
    `MATCH (f:Fact)-[r:SOURCED_FROM]->(:Source {id: $sourceId}) WHERE NOT f.id IN $factIds
     DELETE r
     WITH DISTINCT f
     WHERE NOT (f)-[:SOURCED_FROM]->()
     OPTIONAL MATCH (f:Occupancy)-[:HOLDER]->(holder:Person)
     DETACH DELETE f
     RETURN count(DISTINCT f) AS n, collect(DISTINCT holder.id) AS holders`,
    { sourceId, factIds },
  );
  await refreshPostText(tx, (retracted[0]?.holders as string[] | undefined) ?? []);
  return { entities: entityIds.length, facts: factIds.length, retractedFacts: Number(retracted[0]?.n ?? 0) };
}
