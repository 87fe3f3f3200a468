// Reads nodes and their neighbours, always in batches (one query for many ids), so the GraphQL
// layer can resolve a whole level of a nested query with one round trip per field.
// Labels and relationship types come from schema/model.yaml only; every value is a parameter.
import type { Database, Params, Row } from '../db/database';
import { dateHi, dateLo } from '../model/dates';
import { model } from '../model/model';

/** A node as the API sees it: its properties plus __typename (its model label). */
export type GraphNode = Row & { id: string; __typename: string };

const TYPE_NAMES = Object.keys(model.types);
const RELATIONSHIPS = new Set(model.relationships);

/**
 * Guards the only strings ever spliced into Cypher: the model's labels and relationship types
 * (validated when the model loads). Anything else is refused.
 */
export function cypherName(name: string): string {
  if ((TYPE_NAMES.includes(name) && /^[A-Z][A-Za-z]*$/.test(name)) || (RELATIONSHIPS.has(name) && /^[A-Z][A-Z_]*$/.test(name))) return name;
  throw new Error(`Not a label or relationship type of the model: ${name}`);
}
const label = cypherName;
const relType = cypherName;

/** The model's labels as a Cypher list literal: schema names, checked like labels, never user input. */
export const TYPE_LIST = `[${TYPE_NAMES.map((t) => `'${label(t)}'`).join(', ')}]`;

/**
 * Cypher projection of node `n` into a GraphNode: the big `text` of a Source and the search keys
 * written for the full-text index (no API field reads them; a neighbourhood would carry them for
 * every person) are left out.
 */
export const project = (n: string) =>
  `${n} {.*, text: null, searchKeys: null, searchText: null, matchKeys: null, postText: null, __typename: head([l IN labels(${n}) WHERE l IN ${TYPE_LIST}])}`;

/**
 * What a compiled selection reads of node variable `n` (src/graphql/compile): its map projection and
 * the parameters that projection uses. Without one, a read returns every property (`project`).
 */
export interface Shape {
  project: string;
  params: Params;
}

/** Entities and facts by id (following merge redirects); unknown ids are absent from the map. */
/** Cypher: the node `n` whose id is `id` — an entity, a fact, or the entity a merged-away id redirects to (no row when none). */
export const NODE_OF_ID = `CALL (id) {
       MATCH (n:Entity {id: id}) RETURN n
       UNION
       MATCH (n:Fact {id: id}) RETURN n
       UNION
       MATCH (:Redirect {id: id})-[:REDIRECTS_TO]->(n:Entity) RETURN n
     }`;

export async function nodesById(db: Database, ids: readonly string[], shape?: Shape): Promise<Map<string, GraphNode>> {
  const rows = await db.read(
    `UNWIND $ids AS id
     ${NODE_OF_ID}
     RETURN id AS asked, ${shape?.project ?? project('n')} AS node`,
    { ...shape?.params, ids: [...new Set(ids)] },
  );
  // keyed by the id asked for: a merged-away id resolves to the entity it was merged into
  return new Map(rows.map((r) => [r.asked as string, r.node as GraphNode]));
}

/** The full text of sources, by id. */
export async function sourceTexts(db: Database, ids: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await db.read('MATCH (s:Source) WHERE s.id IN $ids RETURN s.id AS id, s.text AS text', { ids: [...ids] });
  return new Map(rows.map((r) => [r.id as string, (r.text as string | null) ?? null]));
}

/** For each id of a `fromLabel` node, the nodes its `rel` relationship points to. */
export async function referenced(db: Database, fromLabel: string, rel: string, ids: readonly string[]): Promise<Map<string, GraphNode[]>> {
  const rows = await db.read(
    `MATCH (n:${label(fromLabel)})-[:${relType(rel)}]->(e:Entity)
     WHERE n.id IN $ids
     RETURN n.id AS key, ${project('e')} AS node
     ORDER BY e.id`,
    { ids: [...new Set(ids)] },
  );
  return group(rows);
}

/**
 * Filters on incoming facts: `at` (known to hold on that date: STATED, or PRESUMED too unless
 * `presumed` is false) and equality on fact properties (role, status…).
 */
export interface IncomingFilter {
  at?: string | null;
  presumed?: boolean;
  equals?: Record<string, string | null | undefined>;
}

/**
 * The Cypher condition "fact `f` is known to hold during [$atLo, $atHi]" (src/model/time.ts):
 * by its stated dates, or — when $presumed — by the span it is presumed to hold.
 */
export const KNOWN_AT = (f: string) => KNOWN_AT_WITH(f, '$atLo', '$atHi', '$presumed');

/** KNOWN_AT with the parameters named: `lo`/`hi` bound the date asked (null: any), `presumed` counts presumed spans. */
export const KNOWN_AT_WITH = (f: string, lo: string, hi: string, presumed: string) => `(${lo} IS NULL OR (${f}.statedFrom IS NOT NULL AND CASE WHEN ${presumed}
       THEN (${f}.validFrom IS NULL OR ${f}.validFrom <= ${hi}) AND (${f}.validTo IS NULL OR ${f}.validTo >= ${lo})
       ELSE ${f}.statedFrom <= ${hi} AND ${f}.statedTo >= ${lo} END))`;

/** For each entity id, the `fromLabel` nodes whose `rel` relationship points to it, newest first. */
export async function incoming(
  db: Database,
  fromLabel: string,
  rel: string,
  ids: readonly string[],
  filter: IncomingFilter = {},
): Promise<Map<string, GraphNode[]>> {
  const equals = Object.entries(filter.equals ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
  const rows = await db.read(
    `MATCH (f:${label(fromLabel)})-[:${relType(rel)}]->(e:Entity)
     WHERE e.id IN $ids
       AND all(pair IN $equals WHERE f[pair[0]] = pair[1])
       AND ${KNOWN_AT('f')}
     RETURN e.id AS key, ${project('f')} AS node
     ORDER BY coalesce(f.validFrom, '') DESC, f.id`,
    {
      ids: [...new Set(ids)],
      equals,
      atLo: filter.at ? dateLo(filter.at) : null,
      atHi: filter.at ? dateHi(filter.at) : null,
      presumed: filter.presumed !== false,
    },
  );
  return group(rows);
}

/** A source with what in it supports a fact, or names an entity: quotes, and record fields and values. */
export interface Citation {
  source: GraphNode;
  quotes: string[];
  records: Array<{ field: string | null; value: string }>;
}

/** For each fact id (or entity id, with MENTIONED_IN), its sources with the supporting quotes. */
export async function citations(db: Database, ids: readonly string[], rel: 'SOURCED_FROM' | 'MENTIONED_IN'): Promise<Map<string, Citation[]>> {
  const rows = await db.read(
    // From the facts or entities by id (their uniqueness index), never from the Source: a dataset's
    // Source has a relationship from each of its facts (100,000 in the benchmark world).
    `UNWIND $ids AS id
     MATCH (n:${rel === 'SOURCED_FROM' ? 'Fact' : 'Entity'} {id: id})
     RETURN n.id AS key, ${CITATIONS_OF('n', rel)} AS cited`,
    { ids: [...new Set(ids)] },
  );
  return new Map(rows.map((row) => [row.key as string, (row.cited as Row[]).map(citationOf)]));
}

/**
 * Cypher: the citations of fact `n` (or, with MENTIONED_IN, of entity `n`) — the sources with a quote
 * or a record for it, newest first — as a list of maps citationOf reads.
 */
export const CITATIONS_OF = (n: string, rel: 'SOURCED_FROM' | 'MENTIONED_IN' = 'SOURCED_FROM') =>
  `COLLECT { MATCH (${n})-[r:${rel === 'SOURCED_FROM' ? 'SOURCED_FROM' : 'MENTIONED_IN'}]->(s:Source) WHERE size(coalesce(r.quotes, [])) + size(coalesce(r.values, [])) > 0
     WITH r, s ORDER BY s.publishedAt DESC, s.id
     RETURN {source: ${project('s')}, quotes: r.quotes, fields: r.fields, values: r.values} }`;

/** A citation from a row or map of {source, quotes, fields, values}. */
export function citationOf(row: Row): Citation {
  const fields = (row.fields as string[] | null) ?? [];
  const records = ((row.values as string[] | null) ?? []).map((value, i) => ({ field: fields[i] || null, value }));
  return { source: row.source as GraphNode, quotes: (row.quotes as string[] | null) ?? [], records };
}

function group(rows: Row[]): Map<string, GraphNode[]> {
  const out = new Map<string, GraphNode[]>();
  for (const row of rows) {
    const list = out.get(row.key as string) ?? [];
    list.push(row.node as GraphNode);
    out.set(row.key as string, list);
  }
  return out;
}
