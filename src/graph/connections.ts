// How two entities are connected: the shortest chains entity – fact – entity – … between them
// (every hop is a sourced fact), and what they share directly (an event both took part in, an
// organisation both serve in). Only the model's reference relationships are walked, never the
// provenance edges (else everything would connect through a shared Source).
import type { Database } from '../db/database';
import { int } from '../db/database';
import { AppError, ErrorCode } from '../errors';
import { model } from '../model/model';
import { GraphNode, project } from './nodes';

export const MAX_HOPS = 6;

/** The relationship types that carry meaning (fact → entity, position → organisation). */
const WALKABLE = [...new Set(Object.values(model.types).flatMap((t) => Object.values(t.references ?? {}).map((r) => r.rel)))].sort();

export interface Path {
  /** Entities and facts along the path, alternating, from `from` to `to`. */
  nodes: GraphNode[];
}

/** Up to `first` shortest paths of at most `maxHops` facts between two entities. */
export async function connections(db: Database, from: string, to: string, maxHops: number, first: number): Promise<Path[]> {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `maxHops: must be between 1 and ${MAX_HOPS}, got ${maxHops}`, { argument: 'maxHops' });
  }
  if (!Number.isInteger(first) || first < 1 || first > 10) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `first: must be between 1 and 10, got ${first}`, { argument: 'first' });
  }
  if (from === to) return [];
  // Each fact sits between two entities (two relationships), and Position → Organization is one.
  // Only reference relationships are walked, so no path runs through a Source.
  const rows = await db.read(
    `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
     MATCH p = allShortestPaths((a)-[:${WALKABLE.join('|')}*..${maxHops * 2}]-(b))
     WITH p LIMIT $first
     RETURN [n IN nodes(p) | ${project('n')}] AS nodes`,
    { from, to, first: int(first) },
  );
  return rows.map((r) => ({ nodes: r.nodes as GraphNode[] }));
}

export interface SharedItem {
  /** What both are tied to: an event, an organisation, a position, an award… */
  node: GraphNode;
  /** The facts tying the first entity to it. */
  viaA: GraphNode[];
  /** The facts tying the second entity to it. */
  viaB: GraphNode[];
}

/**
 * What two entities share: whatever each is tied to by one fact (an event both took part in, a post
 * both held, an award both received, a bloc both belong to), and the organisations whose posts both hold.
 */
export async function shared(db: Database, a: string, b: string): Promise<SharedItem[]> {
  const rows = await db.read(
    `MATCH (ea:Entity {id: $a}), (eb:Entity {id: $b})
     CALL (ea, eb) {
       MATCH (ea)<-[r1]-(fa:Fact)-[r2]->(x:Entity)<-[r3]-(fb:Fact)-[r4]->(eb)
       WHERE type(r1) IN $walkable AND type(r2) IN $walkable AND type(r3) IN $walkable AND type(r4) IN $walkable
         AND fa <> fb AND NOT x:Source AND x <> ea AND x <> eb
       RETURN x, fa, fb
       UNION
       MATCH (ea)<-[:HOLDER]-(fa:Occupancy)-[:POSITION]->(:Position)-[:ORGANIZATION]->(x:Organization)
             <-[:ORGANIZATION]-(:Position)<-[:POSITION]-(fb:Occupancy)-[:HOLDER]->(eb)
       WHERE fa <> fb
       RETURN x, fa, fb
     }
     WITH x, collect(DISTINCT fa) AS viaA, collect(DISTINCT fb) AS viaB
     RETURN ${project('x')} AS node, [f IN viaA | ${project('f')}] AS viaA, [f IN viaB | ${project('f')}] AS viaB
     ORDER BY node.__typename, node.nameFolded, node.id
     LIMIT 100`,
    { a, b, walkable: WALKABLE },
  );
  return rows.map((r) => ({ node: r.node as GraphNode, viaA: r.viaA as GraphNode[], viaB: r.viaB as GraphNode[] }));
}
