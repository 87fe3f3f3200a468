// What several entities share directly: whatever each is tied to by one fact the tie filter keeps (an
// event all took part in, a post all held, a bloc all belong to), and the organisations whose posts
// all hold — `commonConnections` for 2–10 entities, `shared` for two.
import type { Database } from '../db/database';
import { AppError, ErrorCode } from '../errors';
import { GraphNode, project } from './nodes';
import { boundedRead, ENTITY_RELS, entitiesOrNotFound, FACT_RELS, TieFilter, TIE_OK, tieParams } from './ties';

export const MAX_COMMON_IDS = 10;
export const MAX_COMMON = 100;

/** Something every one of several entities is tied to, with the facts tying each. */
export interface CommonItem {
  /** What they share: an event, an organisation, a position, an award… */
  node: GraphNode;
  /** For each entity asked about, in the order asked, the facts tying it to `node`. */
  ties: Array<{ entity: GraphNode; facts: GraphNode[] }>;
}

/**
 * What all of 2–10 entities share: whatever each is tied to by one fact the filter keeps (an event
 * all took part in, a post all held, an award all received, a bloc all belong to), and the
 * organisations whose posts all hold. At most 100, events and organisations by name.
 */
export async function commonConnections(db: Database, ids: string[], ties?: TieFilter | null): Promise<CommonItem[]> {
  if (ids.length < 2 || ids.length > MAX_COMMON_IDS) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `ids: give between 2 and ${MAX_COMMON_IDS} ids, got ${ids.length}`, {
      argument: 'ids',
      min: 2,
      max: MAX_COMMON_IDS,
    });
  }
  const entities = await entitiesOrNotFound(
    db,
    ids.map((id, i) => ({ argument: `ids[${i}]`, id })),
  );
  const unique = [...new Map(entities.map((e) => [e.id, e])).values()];
  if (unique.length < 2) return [];
  const rows = await boundedRead('commonConnections', 'give fewer ids or narrow `ties` (kinds, at)', () =>
    db.read(
      `UNWIND $ids AS id
       MATCH (e:Entity {id: id})
       CALL (e) {
         MATCH (e)<-[r1]-(f:Fact)-[r2]->(x:Entity)
         WHERE type(r1) IN $factRels AND type(r2) IN $factRels AND x <> e AND NOT x:Source AND ${TIE_OK('f')}
         RETURN x, f
         UNION
         MATCH (e)<-[r1]-(f:Fact)-[r2]->(:Entity)-[r3]->(x:Entity)
         WHERE type(r1) IN $factRels AND type(r2) IN $factRels AND type(r3) IN $entityRels AND x <> e AND ${TIE_OK('f')}
         RETURN x, f
       }
       WITH x, e, collect(DISTINCT f) AS facts
       WHERE NOT x.id IN $ids
       WITH x, collect({entity: e.id, facts: facts}) AS ties
       WHERE size(ties) = size($ids)
       WITH x, ties ORDER BY x.nameFolded, x.id LIMIT ${MAX_COMMON}
       RETURN ${project('x')} AS node, [t IN ties | {entity: t.entity, facts: [f IN t.facts | ${project('f')}]}] AS ties`,
      { ...tieParams(ties), ids: unique.map((e) => e.id), factRels: FACT_RELS, entityRels: ENTITY_RELS },
    ),
  );
  const byId = new Map(unique.map((e) => [e.id, e]));
  return rows
    .map((r) => {
      const found = new Map((r.ties as Array<{ entity: string; facts: GraphNode[] }>).map((t) => [t.entity, t.facts]));
      return { node: r.node as GraphNode, ties: [...byId.values()].map((entity) => ({ entity, facts: found.get(entity.id) ?? [] })) };
    })
    .sort((x, y) => x.node.__typename.localeCompare(y.node.__typename));
}

export interface SharedItem {
  /** What both are tied to: an event, an organisation, a position, an award… */
  node: GraphNode;
  /** The facts tying the first entity to it. */
  viaA: GraphNode[];
  /** The facts tying the second entity to it. */
  viaB: GraphNode[];
}

/** What two entities share: commonConnections of the two, each side's facts apart. */
export async function shared(db: Database, a: string, b: string, ties?: TieFilter | null): Promise<SharedItem[]> {
  const common = await commonConnections(db, [a, b], ties);
  return common.map((c) => ({ node: c.node, viaA: c.ties[0]!.facts, viaB: c.ties[1]!.facts }));
}
