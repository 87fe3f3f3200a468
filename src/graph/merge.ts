// Merging two entities that turned out to be one, and undoing it. A merge moves every relationship
// of `from` onto `into`, leaves a (:Redirect {id: from}) so the old id keeps resolving, and records
// a (:Merge) with what it moved and `from`'s properties — enough to undo it exactly.
import type { Tx } from '../db/database';
import { AppError, ErrorCode } from '../errors';

export interface MergeRecord {
  id: string;
  from: string;
  into: string;
  moved: number;
}

/** Merges entity `from` into entity `into` (same label). */
export async function mergeEntities(tx: Tx, from: string, into: string, actor: string): Promise<MergeRecord> {
  if (from === into) throw new AppError(ErrorCode.BAD_USER_INPUT, 'from and into are the same entity');
  const [pair] = await tx.run(
    `OPTIONAL MATCH (a:Entity {id: $from}) OPTIONAL MATCH (b:Entity {id: $into})
     RETURN a IS NOT NULL AS hasFrom, b IS NOT NULL AS hasInto,
            [l IN labels(a) WHERE l <> 'Entity'] AS fromLabels, [l IN labels(b) WHERE l <> 'Entity'] AS intoLabels`,
    { from, into },
  );
  if (!pair?.hasFrom) throw new AppError(ErrorCode.NOT_FOUND, `from: no entity ${from}`);
  if (!pair.hasInto) throw new AppError(ErrorCode.NOT_FOUND, `into: no entity ${into}`);
  if (JSON.stringify(pair.fromLabels) !== JSON.stringify(pair.intoLabels)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `cannot merge a ${String(pair.fromLabels)} into a ${String(pair.intoLabels)}`);
  }
  const id = `merge/${from.replace(/\//g, '.')}/${Date.now()}`;
  const [row] = await tx.run(
    `MATCH (a:Entity {id: $from}), (b:Entity {id: $into})
     OPTIONAL MATCH (f)-[r]->(a)
     WITH a, b, [x IN collect({fact: f.id, type: type(r)}) WHERE x.fact IS NOT NULL] AS incoming
     OPTIONAL MATCH (a)-[m:MENTIONED_IN]->(s:Source)
     WITH a, b, incoming, [x IN collect({source: s.id, quotes: m.quotes}) WHERE x.source IS NOT NULL] AS mentions
     OPTIONAL MATCH (b)-[m2:MENTIONED_IN]->(s2:Source) WHERE s2.id IN [x IN mentions | x.source]
     WITH a, incoming, mentions, [x IN collect({source: s2.id, quotes: m2.quotes}) WHERE x.source IS NOT NULL] AS intoMentions
     CREATE (:Merge {id: $id, from: $from, into: $into, at: datetime(), actor: $actor, labels: labels(a),
                     properties: $propertiesJson, incoming: [x IN incoming | x.fact + '|' + x.type]})
     RETURN size(incoming) + size(mentions) AS moved, mentions, intoMentions`,
    { from, into, id, actor, propertiesJson: await propertiesJson(tx, from) },
  );
  await tx.run('MATCH (m:Merge {id: $id}) SET m.mentions = $mentions, m.intoMentions = $intoMentions', {
    id,
    mentions: JSON.stringify(row?.mentions ?? []),
    intoMentions: JSON.stringify(row?.intoMentions ?? []),
  });
  // Move fact → entity relationships, then mentions (merging quotes), then leave a redirect.
  for (const type of await relTypesInto(tx, from)) {
    await tx.run(
      `MATCH (f)-[r:${type}]->(a:Entity {id: $from}), (b:Entity {id: $into})
       MERGE (f)-[:${type}]->(b)
       DELETE r`,
      { from, into },
    );
  }
  await tx.run(
    `MATCH (a:Entity {id: $from})-[m:MENTIONED_IN]->(s:Source), (b:Entity {id: $into})
     MERGE (b)-[m2:MENTIONED_IN]->(s)
     SET m2.quotes = coalesce(m2.quotes, []) + [q IN m.quotes WHERE NOT q IN coalesce(m2.quotes, [])]
     DELETE m`,
    { from, into },
  );
  await tx.run(
    `MATCH (a:Entity {id: $from}), (b:Entity {id: $into}), (rec:Merge {id: $id})
     DETACH DELETE a
     MERGE (red:Redirect {id: $from})
     SET red.mergeId = $id
     WITH red, b
     OPTIONAL MATCH (red)-[old:REDIRECTS_TO]->() DELETE old
     MERGE (red)-[:REDIRECTS_TO]->(b)
     WITH b
     MATCH (older:Redirect)-[r:REDIRECTS_TO]->(:Entity {id: $from}) DELETE r MERGE (older)-[:REDIRECTS_TO]->(b)`,
    { from, into, id },
  );
  return { id, from, into, moved: Number(row?.moved ?? 0) };
}

/** Undoes a merge: recreates `from` with its properties and moves its relationships back. */
export async function unmerge(tx: Tx, mergeId: string): Promise<MergeRecord> {
  const [rec] = await tx.run('MATCH (m:Merge {id: $mergeId}) RETURN m {.*} AS m', { mergeId });
  const merge = rec?.m as Record<string, unknown> | undefined;
  if (!merge) throw new AppError(ErrorCode.NOT_FOUND, `no merge ${mergeId}`);
  if (merge.undoneAt) throw new AppError(ErrorCode.BAD_USER_INPUT, `merge ${mergeId} was already undone`);
  const from = merge.from as string;
  const into = merge.into as string;
  const labels = (merge.labels as string[]).filter((l) => /^[A-Z][A-Za-z]+$/.test(l));
  await tx.run(`MATCH (red:Redirect {id: $from}) DETACH DELETE red`, { from });
  await tx.run(`CREATE (a:${labels.join(':')}) SET a = $props`, { props: JSON.parse(merge.properties as string) as Record<string, unknown> });
  const moves = (merge.incoming as string[]).map((s) => {
    const [fact, type] = s.split('|');
    return { fact, type };
  });
  for (const type of new Set(moves.map((m) => m.type))) {
    if (!/^[A-Z_]+$/.test(String(type))) continue;
    await tx.run(
      `UNWIND $facts AS factId
       MATCH (f {id: factId})-[r:${type}]->(b:Entity {id: $into}), (a:Entity {id: $from})
       MERGE (f)-[:${type}]->(a)
       DELETE r`,
      { facts: moves.filter((m) => m.type === type).map((m) => m.fact), from, into },
    );
  }
  // Mentions exactly as they were: `from`'s restored, `into`'s set back to their earlier quotes.
  type Mention = { source: string; quotes: string[] };
  const mentions = JSON.parse(merge.mentions as string) as Mention[];
  const intoMentions = JSON.parse(merge.intoMentions as string) as Mention[];
  await tx.run(
    `UNWIND $mentions AS mention
     MATCH (a:Entity {id: $from}), (s:Source {id: mention.source})
     MERGE (a)-[m:MENTIONED_IN]->(s) SET m.quotes = mention.quotes
     WITH s
     MATCH (:Entity {id: $into})-[m2:MENTIONED_IN]->(s)
     WITH m2, s, [x IN $intoMentions WHERE x.source = s.id | x.quotes][0] AS before
     FOREACH (_ IN CASE WHEN before IS NULL THEN [1] ELSE [] END | DELETE m2)
     FOREACH (_ IN CASE WHEN before IS NULL THEN [] ELSE [1] END | SET m2.quotes = before)`,
    { mentions, intoMentions, from, into },
  );
  await tx.run('MATCH (m:Merge {id: $mergeId}) SET m.undoneAt = datetime()', { mergeId });
  return { id: mergeId, from, into, moved: moves.length + mentions.length };
}

async function propertiesJson(tx: Tx, id: string): Promise<string> {
  const [row] = await tx.run('MATCH (a:Entity {id: $id}) RETURN properties(a) AS props', { id });
  return JSON.stringify(row?.props ?? {});
}

async function relTypesInto(tx: Tx, id: string): Promise<string[]> {
  const rows = await tx.run('MATCH ()-[r]->(:Entity {id: $id}) RETURN DISTINCT type(r) AS type', { id });
  return rows.map((r) => r.type as string).filter((t) => /^[A-Z_]+$/.test(t));
}
