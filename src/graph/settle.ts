// What a node stores that its sources settle or that is derived from other nodes, after every write
// and every withdrawal (write-facts.ts): the properties and references its sources' claims settle to
// (src/model/claims.ts), an entity's search keys and interval from them, and a person's post text
// from the posts they hold.
import type { Tx } from '../db/database';
import { dateHi, dateLo } from '../model/dates';
import { Claim, claimedProperties, settleClaims, settleReferences } from '../model/claims';
import { model, TypeModel } from '../model/model';
import { fold, matchKey, searchKeys } from '../text/fold';
import { cypherName } from './nodes';

type Item = Record<string, unknown>;

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

/**
 * Stores on each node what its sources' claims settle to (src/model/claims.ts): after a write, and
 * after a source is withdrawn from a node that other sources still show. Entities get their search
 * keys and interval from the settled names and dates.
 */
export async function settle(tx: Tx, ids: string[]): Promise<void> {
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
  const updates: Array<{ id: string; label: string; props: Item; refs: Record<string, string> }> = [];
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
    // references too: each is what the most recent source that gives one says (an optional one no source gives goes)
    const refs = settleReferences(Object.keys(type.references), claims);
    const identifiers = Array.isArray(props.identifiers) && props.identifiers.length ? `|${(props.identifiers as string[]).join('|')}|` : null;
    updates.push({
      id: row.id as string,
      label: type.name,
      refs,
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
    await linkReferences(
      tx,
      model.types[label]!,
      updates.filter((u) => u.label === label),
    );
  }
}

/**
 * A person's postText: the folded titles of every post they hold or held, so that searching a
 * title ("thu truong bo tu phap") finds the holders; currentPostText: those their latest source saw
 * held with no end, so that search ranks the current holders first.
 */
export async function refreshPostText(tx: Tx, personIds: string[]): Promise<void> {
  if (!personIds.length) return;
  await tx.run(
    `MATCH (p:Person) WHERE p.id IN $ids
     OPTIONAL MATCH (p)<-[:HOLDER]-(o:Occupancy)-[:POSITION]->(pos:Position)
     WITH p, collect(DISTINCT pos.searchText) AS posts,
          collect(DISTINCT CASE WHEN o.status = 'current' AND o.endDate IS NULL THEN pos.searchText END) AS current
     SET p.postText = CASE WHEN size(posts) = 0 THEN null ELSE reduce(acc = '', t IN posts | acc + ' || ' + t) END,
         p.currentPostText = CASE WHEN size(current) = 0 THEN null ELSE reduce(acc = '', t IN current | acc + ' || ' + t) END`,
    { ids: [...new Set(personIds)] },
  );
}
