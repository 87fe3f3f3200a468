// The neighbourhood of an entity (Aleph's "expand", LittleSis's interlocks drawn): breadth-first, one
// statement per hop (the first with the root and the graph's version token), every fact the tie filter
// keeps becoming an edge as schema/model.yaml's `edge:` declares it. A position's organisation comes
// within the same hop (a post is of an organisation, not a tie). Fan-out is capped per expanded
// entity (`perHop`, best-evidenced ties first) and in all (`MAX_EDGES`); what was cut is counted, never
// hidden.
import type { Database, Params, Row } from '../db/database';
import { int } from '../db/database';
import { model } from '../model/model';
import { Citation, citationOf, CITATIONS_OF, GraphNode, NODE_OF_ID, project } from './nodes';
import { GRAPH_VERSION_TOKEN } from './graph-version';
import { cachedHop, countMiss, hopKeyPrefix, likelyCached, noteToken, storeHop } from './hop-cache';
import { boundedRead, checkRange, ENTITY_RELS, entityNotFound, FACT_RELS, TIED_FACTS, TieFilter, tieParams, WEAKNESS } from './ties';

export const MAX_DEPTH = 3;
export const MAX_PER_HOP = 200;
export const DEFAULT_PER_HOP = 50;
/** The most facts one neighbourhood returns, whatever depth and perHop allow. */
export const MAX_FACTS = 2000;

/** A fact reached, with the entities it references (field → entity). */
export interface ReachedFact {
  fact: GraphNode;
  refs: Record<string, GraphNode>;
  /** Its sources, with the quotes and records (newest source first). */
  citations: Citation[];
}

/** A cut: an entity with more ties than were taken. */
export interface HopCut {
  entity: string;
  depth: number;
  total: number;
  kept: number;
}

export interface Neighbourhood {
  root: GraphNode;
  entities: Map<string, GraphNode>;
  /** How many hops from the root each entity was reached (0: the root). */
  depths: Map<string, number>;
  facts: Map<string, ReachedFact>;
  /** Entity references within hops: [from, field, to] (a position's organisation). */
  structural: Array<[string, string, string]>;
  cuts: HopCut[];
  /** True when the total cap stopped the walk before `depth`. */
  capped: boolean;
}

/** Entity references (Position.organization) by relationship type → field. */
const ENTITY_FIELDS = Object.fromEntries(
  Object.values(model.types)
    .filter((t) => t.kind === 'entity')
    .flatMap((t) => Object.values(t.references).map((r) => [r.rel, r.field])),
);
const FACT_FIELDS = Object.fromEntries(model.factTypes.flatMap((t) => Object.values(t.references).map((r) => [`${t.name}.${r.rel}`, r.field])));

interface HopRow {
  entity: string;
  total: number;
  ups: Array<{ rel: string; node: GraphNode }>;
  ties: Array<{ fact: GraphNode; refs: Array<{ rel: string; id: string; upRel: string | null; up: string | null }>; citations: Row[] }>;
  /** The entities the ties reference, and their organisations, each once. */
  near: GraphNode[];
}

/** The entities within `depth` ties of `id`, and the ties. */
export async function neighbourhood(db: Database, id: string, depth: number, perHop: number, ties?: TieFilter | null): Promise<Neighbourhood> {
  checkRange('depth', depth, 1, MAX_DEPTH);
  checkRange('perHop', perHop, 1, MAX_PER_HOP);
  const params = tieParams(ties);
  // one statement: the graph's version token, the root and — unless it is likely cached — the root's hop
  const { root, keyPrefix, hops: rootHops } = await readStart(db, id, perHop, params);
  const out: Neighbourhood = {
    root,
    entities: new Map([[root.id, root]]),
    depths: new Map([[root.id, 0]]),
    facts: new Map(),
    structural: [],
    cuts: [],
    capped: false,
  };
  const seenStructural = new Set<string>();
  let hop = 1;
  const reach = (node: GraphNode) => {
    if (out.entities.has(node.id)) return false;
    out.entities.set(node.id, node);
    out.depths.set(node.id, hop);
    return true;
  };
  const addStructural = (from: string, rel: string, to: GraphNode) => {
    reach(to);
    const key = `${from}|${rel}|${to.id}`;
    if (seenStructural.has(key)) return;
    seenStructural.add(key);
    out.structural.push([from, ENTITY_FIELDS[rel] ?? rel.toLowerCase(), to.id]);
  };
  const expanded = new Set<string>();
  let frontier = [root.id];
  for (; hop <= depth && frontier.length; hop++) {
    frontier.forEach((f) => expanded.add(f));
    const rows = (hop === 1 && rootHops) || (await readHops(db, frontier, perHop, params, keyPrefix));
    const next: string[] = [];
    for (const row of rows) {
      const near = new Map(row.near.map((x) => [x.id, x]));
      if (row.total > row.ties.length) out.cuts.push({ entity: row.entity, depth: hop, total: row.total, kept: row.ties.length });
      for (const up of row.ups) {
        // a position at the centre: its organisation is reached in this hop, and expanded in the next
        if (!out.entities.has(up.node.id)) next.push(up.node.id);
        addStructural(row.entity, up.rel, up.node);
      }
      for (const tie of row.ties) {
        if (out.facts.has(tie.fact.id)) continue;
        if (out.facts.size >= MAX_FACTS) {
          out.capped = true;
          break;
        }
        const refs: Record<string, GraphNode> = {};
        for (const ref of tie.refs) {
          const node = near.get(ref.id)!;
          refs[FACT_FIELDS[`${tie.fact.__typename}.${ref.rel}`] ?? ref.rel.toLowerCase()] = node;
          if (reach(node)) next.push(node.id);
          const up = ref.up ? near.get(ref.up) : undefined;
          if (up && ref.upRel) {
            if (!out.entities.has(up.id)) next.push(up.id);
            addStructural(node.id, ref.upRel, up);
          }
        }
        out.facts.set(tie.fact.id, { fact: tie.fact, refs, citations: tie.citations.map(citationOf) });
      }
    }
    frontier = [...new Set(next)].filter((e) => !expanded.has(e));
    if (out.capped) break;
  }
  return out;
}

/**
 * One hop of the frontier: the hops of hub entities from the cache (hop-cache.ts), the others read in
 * one statement (with the kept facts' citations); a hop read whose ties were cut (more than perHop: ranking them is what costs) is kept.
 */
async function readHops(db: Database, frontier: string[], perHop: number, params: Params, keyPrefix: string | null): Promise<HopRow[]> {
  const cached = new Map<string, HopRow>();
  if (keyPrefix) {
    for (const entity of frontier) {
      const row = cachedHop<HopRow>(keyPrefix + entity);
      if (row) cached.set(entity, row);
    }
  }
  const missing = frontier.filter((e) => !cached.has(e));
  const read = missing.length ? await readHop(db, missing, perHop, params) : [];
  if (keyPrefix) for (const row of read) keepIfCut(keyPrefix, row);
  // in the frontier's order, as one statement would have given them: what is cut first is the same
  const byEntity = new Map(read.map((r) => [r.entity, r]));
  return frontier.flatMap((e) => cached.get(e) ?? byEntity.get(e) ?? []);
}

/** A hop read whose ties were cut (more than perHop: ranking them is what costs) goes into the cache. */
function keepIfCut(keyPrefix: string, row: HopRow): void {
  if (row.total > row.ties.length) storeHop(keyPrefix + row.entity, row);
}

/**
 * The hop of the entity `e`: the facts tied to it (directly, or through the posts of an organisation),
 * best-evidenced and most recent first, at most `perHop`, with their total; each fact with the entities
 * it references and their organisations. No row when it has no ties.
 */
const HOP_OF_E = `CALL (e) {
         OPTIONAL MATCH (e)-[u]->(y:Entity) WHERE type(u) IN $entityRels
         RETURN collect(CASE WHEN y IS NULL THEN null ELSE {rel: type(u), node: ${project('y')}} END) AS ups
       }
       CALL (e) {
         ${TIED_FACTS('e', 'f')}
       }
       WITH e, ups, f, ${WEAKNESS('f')} AS weak
       ORDER BY weak[0], weak[1], weak[2], weak[3], weak[4], coalesce(f.validTo, f.lastSeen, '9999') DESC, f.id
       WITH e, ups, count(f) AS total, collect(f)[..$perHop] AS kept
       CALL (kept) {
         UNWIND kept AS f
         CALL (f) {
           MATCH (f)-[r2]->(x:Entity) WHERE type(r2) IN $factRels
           OPTIONAL MATCH (x)-[u2]->(y:Entity) WHERE type(u2) IN $entityRels
           RETURN collect({rel: type(r2), id: x.id, upRel: type(u2), up: y.id}) AS refs, collect(x) + collect(y) AS near
         }
         RETURN collect({fact: ${project('f')}, refs: refs, citations: ${CITATIONS_OF('f')}}) AS ties, collect(near) AS nears
       }
       // each entity projected once, however many of the facts reference it
       CALL (nears) {
         UNWIND nears AS near
         UNWIND near AS x
         WITH DISTINCT x
         RETURN collect(${project('x')}) AS near
       }
       RETURN e.id AS entity, total, ups, ties, near`;

const HOP_LIMITS = ['neighbourhood: a hop', 'ask for a smaller depth or perHop, or narrow `ties` (kinds, at)'] as const;

/** One hop for each entity of the frontier (in one statement). */
async function readHop(db: Database, frontier: string[], perHop: number, params: Params): Promise<HopRow[]> {
  const rows = await boundedRead(...HOP_LIMITS, () =>
    db.read(
      `UNWIND $frontier AS eid
       MATCH (e:Entity {id: eid})
       ${HOP_OF_E}`,
      { ...params, frontier, perHop: int(perHop), factRels: FACT_RELS, entityRels: ENTITY_RELS },
    ),
  );
  return rows as unknown as HopRow[];
}

/**
 * The first statement of a neighbourhood: the graph's version token (read first, so that what follows
 * is at least as new as it), the root (by id, or the entity a merged-away id redirects to) and the
 * root's hop — unless that hop is likely in the cache (under the token the last read returned), when
 * it is left out and taken from the cache, or read after all if the token has moved since. One round
 * trip where there were three. NOT_FOUND when the id names no entity.
 */
async function readStart(
  db: Database,
  id: string,
  perHop: number,
  params: Params,
): Promise<{ root: GraphNode; keyPrefix: string | null; hops: HopRow[] | null }> {
  const withHop = !likelyCached(id, perHop, params);
  const [row] = await boundedRead(...HOP_LIMITS, () =>
    db.read(
      `${GRAPH_VERSION_TOKEN}
       WITH token, $id AS id
       ${NODE_OF_ID}
       WITH token, n LIMIT 1
       CALL (n) {
         CALL (n) {
           WITH n AS e WHERE $withHop AND e:Entity
           ${HOP_OF_E}
         }
         RETURN collect({entity: entity, total: total, ups: ups, ties: ties, near: near}) AS hops
       }
       RETURN token, ${project('n')} AS root, hops`,
      { ...params, id, withHop, perHop: int(perHop), factRels: FACT_RELS, entityRels: ENTITY_RELS },
    ),
  );
  const root = row?.root as GraphNode | undefined;
  if (!root || model.types[root.__typename]?.kind !== 'entity') throw entityNotFound('id', id);
  const token = noteToken((row!.token as string | null) ?? null);
  const keyPrefix = token ? hopKeyPrefix(token, perHop, params) : null;
  // left out as likely cached: null, so that it comes from the cache (or is read, the token having moved)
  if (!withHop) return { root, keyPrefix, hops: null };
  countMiss(); // read, as the cache (under the last token) did not hold it
  const hops = row!.hops as unknown as HopRow[]; // none when the root has no ties
  if (keyPrefix) for (const hop of hops) keepIfCut(keyPrefix, hop);
  return { root, keyPrefix, hops };
}
