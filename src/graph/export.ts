// Reads for the exports (src/export/): the graph's entities and facts of one type a page at a time
// (keyset by id, each page its own read transaction, so an export of the whole graph never holds it
// in memory), each with its references and its citations (the source and the evidence or mention
// the source gave). And the ids of a neighbourhood, for an export of part of the graph.
import { int, type Database } from '../db/database';
import { model } from '../model/model';
import { AppError, ErrorCode } from '../errors';
import { cypherName, project } from './nodes';

/** One source's support of a node: the source's own fields, and the quotes and record values it gave. */
export interface Citation {
  sourceId: string;
  title: string;
  url: string | null;
  publisher: string | null;
  date: string | null;
  kind: string;
  quotes: string[];
  records: Array<{ field: string; value: string }>;
}

/** A node with what the exports need: properties, each reference's target (id and identifiers) and citations. */
export interface ExportNode {
  node: Record<string, unknown> & { id: string };
  refs: Record<string, { id: string; label: string; identifiers: string[]; name: string | null }>;
  citations: Citation[];
  /** Organizations: the parents their part_of links name (Popolo parent_id). Areas: their parent. */
  parents: string[];
}

const PAGE = 500;

/** Every node of a type (or, with `ids`, only those), a page at a time, in id order. */
export async function* exportNodes(db: Database, typeName: string, ids: string[] | null = null): AsyncGenerator<ExportNode[]> {
  const type = model.types[typeName]!;
  const label = cypherName(type.name);
  const refs = Object.values(type.references)
    .map(
      (r) =>
        `${r.field}: [(n)-[:${cypherName(r.rel)}]->(t) | {id: t.id, label: head([l IN labels(t) WHERE l <> 'Entity']), identifiers: coalesce(t.identifiers, []), name: coalesce(t.name, t.label, t.role)}][0]`,
    )
    .join(', ');
  const rel = type.kind === 'fact' ? 'SOURCED_FROM' : 'MENTIONED_IN';
  const parents =
    typeName === 'Organization'
      ? `[(n)<-[:CHILD]-(f:Subordination {relation: 'part_of'})-[:PARENT]->(p) | p.id]`
      : typeName === 'Area'
        ? `[(n)-[:PARENT]->(p:Area) | p.id]`
        : '[]';
  // a neighbourhood's organisations name only the parents within it
  const inScope = ids ? new Set(ids) : null;
  let after = '';
  for (;;) {
    const rows = await db.read(
      `MATCH (n:${label}) WHERE n.id > $after AND ($ids IS NULL OR n.id IN $ids)
       WITH n ORDER BY n.id LIMIT $limit
       RETURN ${project('n')} AS node,
              ${refs ? `{${refs}}` : '{}'} AS refs,
              [(n)-[r:${rel}]->(s:Source) | {sourceId: s.id, title: s.title, url: s.url, publisher: s.publisher,
                 date: coalesce(s.publishedAt, s.retrievedAt), kind: s.kind,
                 quotes: coalesce(r.quotes, []), fields: coalesce(r.fields, []), values: coalesce(r.values, [])}] AS citations,
              ${parents} AS parents`,
      { after, ids, limit: int(PAGE) },
    );
    if (!rows.length) return;
    yield rows.map((r) => {
      const citations = (r.citations as Array<Record<string, unknown>>).map((c) => ({
        sourceId: c.sourceId as string,
        title: c.title as string,
        url: (c.url as string | null) ?? null,
        publisher: (c.publisher as string | null) ?? null,
        date: (c.date as string | null) ?? null,
        kind: c.kind as string,
        quotes: c.quotes as string[],
        records: (c.fields as string[]).map((field, i) => ({ field, value: (c.values as string[])[i] ?? '' })),
      }));
      const refsOut = Object.fromEntries(
        Object.entries((r.refs as Record<string, ExportNode['refs'][string] | null>) ?? {}).filter(([, v]) => v),
      ) as ExportNode['refs'];
      return {
        node: r.node as ExportNode['node'],
        refs: refsOut,
        citations: citations.sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1)),
        parents: (r.parents as string[]).filter((p) => !inScope || inScope.has(p)),
      };
    });
    if (rows.length < PAGE) return;
    after = (rows[rows.length - 1]!.node as { id: string }).id;
  }
}

/** Sources by id prefix-free listing: the foreign records each dataset source keeps (FtM lines the model has no type for). */
export async function* foreignRecords(db: Database, sourceIds: string[] | null = null): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    const rows = await db.read(
      `MATCH (s:Source) WHERE s.id > $after AND size(coalesce(s.foreignRecords, [])) > 0 AND ($ids IS NULL OR s.id IN $ids)
       WITH s ORDER BY s.id LIMIT 20
       RETURN s.id AS id, s.foreignRecords AS records`,
      { after, ids: sourceIds },
    );
    if (!rows.length) return;
    yield rows.flatMap((r) => r.records as string[]);
    after = rows[rows.length - 1]!.id as string;
  }
}

/** At most this many nodes in a neighbourhood export. */
export const MAX_NEIGHBOURHOOD = 20_000;

/**
 * The ids within `depth` facts of `root` (each fact one hop: entity → fact → entity, over the
 * model's references only), with the organisations of the posts reached and the sources cited.
 */
export async function neighbourhoodIds(db: Database, root: string, depth: number): Promise<{ ids: string[]; sources: string[] }> {
  // the bound of a variable-length pattern cannot be a parameter: only a checked small integer goes in
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new AppError(ErrorCode.BAD_USER_INPUT, `depth must be 1, 2 or 3 (got ${depth})`);
  const rels = model.relationships.map(cypherName).join('|');
  const rows = await db.read(
    `MATCH (r:Entity {id: $root})
     OPTIONAL MATCH (r)-[:${rels}*1..${2 * depth}]-(n)
     WITH r, collect(DISTINCT n)[..$max] AS ns
     WITH [r] + ns AS ns
     UNWIND ns AS n
     OPTIONAL MATCH (n:Position)-[:ORGANIZATION]->(o:Organization)
     WITH collect(DISTINCT n.id) + collect(DISTINCT o.id) AS ids, collect(DISTINCT n) AS nodes
     UNWIND nodes AS n
     OPTIONAL MATCH (n)-[:SOURCED_FROM|MENTIONED_IN]->(s:Source)
     RETURN ids, collect(DISTINCT s.id) AS sources`,
    { root, max: int(MAX_NEIGHBOURHOOD) },
  );
  return { ids: [...new Set((rows[0]?.ids as string[] | undefined) ?? [])], sources: (rows[0]?.sources as string[] | undefined) ?? [] };
}
