// An organisation's place in the state's structure: its chain of parents (part_of links, nearest first)
// and its sub-tree, as Cypher the people filter and co-service reuse. Bounded at MAX_TREE_DEPTH levels.
import type { Database } from '../db/database';
import { GraphNode, project } from './nodes';

/** Levels walked up or down the part_of tree (a ministry → general department → department → unit…). */
export const MAX_TREE_DEPTH = 8;

/**
 * Cypher pattern from organisation `top` down its part_of links to `sub` (itself included), at most
 * MAX_TREE_DEPTH levels: `MATCH ${SUBTREE('u', 'o')}`.
 */
export const SUBTREE = (top: string, sub: string) =>
  `(${top})((:Organization)<-[:PARENT]-(:Subordination {relation: 'part_of'})-[:CHILD]->(:Organization)){0,${MAX_TREE_DEPTH}}(${sub}:Organization)`;

/** For each organisation id, its parents up the part_of links, nearest first (the first link of each level by confidence). */
export async function ancestors(db: Database, ids: readonly string[]): Promise<Map<string, GraphNode[]>> {
  const rows = await db.read(
    `UNWIND $ids AS oid
     MATCH (o:Organization {id: oid})
     OPTIONAL MATCH p = (o)((:Organization)<-[:CHILD]-(:Subordination {relation: 'part_of'})-[:PARENT]->(:Organization)){1,${MAX_TREE_DEPTH}}(top:Organization)
     WITH oid, top, min(length(p)) AS distance
     ORDER BY distance
     WITH oid, collect(CASE WHEN top IS NULL THEN null ELSE ${project('top')} END) AS chain
     RETURN oid AS key, chain`,
    { ids: [...new Set(ids)] },
  );
  return new Map(rows.map((r) => [r.key as string, r.chain as GraphNode[]]));
}
