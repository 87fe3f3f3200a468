// How two entities are connected: the shortest chains entity – fact – entity – … between them
// (every hop is a sourced fact); what they share directly is common.ts. Only the model's reference
// relationships are walked, never the provenance edges (else everything would connect through a
// shared Source).
import type { Database, Params, Row } from '../db/database';
import { int } from '../db/database';
import { model } from '../model/model';
import { GraphNode, project } from './nodes';
import { forgetPlan, planAhead } from './plan-ahead';
import { boundedRead, entityNotFound, checkRange, TieFilter, TIE_OK, tieOkFor, tieParams, WEAKNESS } from './ties';

export const MAX_HOPS = 6;
export const MAX_PATHS = 10;
/** An entity with more ties than this is a hub (a bloc of thousands, a national assembly): see `connections`. */
export const DEFAULT_MAX_TIES = 1000;
export const MAX_MAX_TIES = 100_000;
/** Candidate paths ranked by evidence: the two shortest lengths (in relationships), at most this many. */
const CANDIDATES = 100;
/** The longest search (in relationships) met in the middle; a longer one walks from `from` alone. */
const MEET_MAX_STEPS = 12;
/** A search met in the middle looks for chains of up to this many relationships first (two facts). */
const NEAR_STEPS = 6;

/** The relationship types that carry meaning (fact → entity, position → organisation). */
const WALKABLE = [...new Set(Object.values(model.types).flatMap((t) => Object.values(t.references ?? {}).map((r) => r.rel)))].sort();

/** Cypher: both ends of a search found, and not the same entity (no search is run otherwise). */
const BOTH_KNOWN = 'a IS NOT NULL AND b IS NOT NULL AND a <> b';

/** How well a path is evidenced: counts of its weak facts (0 everywhere = every fact stated, sourced, not proposed). */
export interface PathEvidence {
  proposed: number;
  unsourced: number;
  inferred: number;
  presumed: number;
  /** The lowest confidence of its facts. */
  lowestConfidence: string;
}

export interface Path {
  /** Entities and facts along the path, alternating, from `from` to `to`. */
  nodes: GraphNode[];
  evidence: PathEvidence;
}

/**
 * Up to `first` chains of at most `maxHops` facts between two entities, every fact a tie the filter
 * keeps, ranked by evidence (no proposal, sourced, stated, not inferred, confident) before length.
 * The candidates are the shortest and next-shortest chains (Neo4j's SHORTEST 2 GROUPS, a bounded
 * breadth-first search with no exhaustive fallback); a longer one is kept only when it is better
 * evidenced than every shortest one, so a stated detour one step longer beats a proposal.
 *
 * Hubs — entities with more than `maxTies` ties — are not walked through: a breadth-first search
 * that enters a bloc of 2,500 members reaches their every post and event within the next hop, and
 * times out. A hub is still a chain's middle where both ends are tied to it by one fact each (two
 * members of the bloc), read apart from the search (from the two ends, never from the hub's ties).
 * The next-shortest chains are searched only when no shortest one is perfectly evidenced (the
 * answer is the same: no longer chain ranks above a perfect one).
 */
export async function connections(
  db: Database,
  from: string,
  to: string,
  maxHops: number,
  first: number,
  ties?: TieFilter | null,
  maxTies = DEFAULT_MAX_TIES,
): Promise<Path[]> {
  const params = connectionsParams(from, to, maxHops, first, ties, maxTies);
  // One statement: the two entities (following merge redirects), and the chains
  // between them ranked in Cypher, so that only the `first` chains are projected (a candidate's nodes
  // are read once it is kept).
  const row = await boundedRead('connections: the path search', 'ask for fewer maxHops or narrow `ties` (kinds, at)', () => searchRows(db, maxHops, params));
  for (const [argument, id, found] of [
    ['from', from, row.a],
    ['to', to, row.b],
  ] as const) {
    if (!found) throw entityNotFound(argument, id);
  }
  return ((row.paths as Row[] | undefined) ?? []).map((r) => {
    const score = r.score as number[];
    return {
      nodes: r.nodes as GraphNode[],
      evidence: {
        proposed: score[0]!,
        unsourced: score[1]!,
        inferred: score[2]!,
        presumed: score[3]!,
        lowestConfidence: ['high', 'medium', 'low'][r.worst as number] ?? 'low',
      },
    };
  });
}

/** How a connection statement searches (the default: every round, met in the middle up to MEET_MAX_STEPS). */
export interface SearchOptions {
  /** The longest round met in the middle, in relationships; 0 walks from `from` alone (the reference the tests hold the meeting to). */
  meetUpTo?: number;
}

/** The rounds of a search: met in the middle at 6, 8, … relationships up to meetUpTo, and one from `from` alone beyond it. */
function roundTotals(maxHops: number, meetUpTo: number): { met: number[]; tail: boolean } {
  const steps = maxHops * 3;
  const upTo = Math.min(steps, meetUpTo);
  const met = upTo > 0 ? [Math.min(upTo, NEAR_STEPS)] : [];
  while (met.length && met[met.length - 1]! < upTo) met.push(Math.min(upTo, met[met.length - 1]! + 2));
  return { met, tail: steps > upTo };
}
/** Runs a search's statement, planned ahead (src/graph/plan-ahead.ts); its row. */
export async function searchRows(db: Database, maxHops: number, params: Params, options: { meetUpTo?: number; timeoutMs?: number } = {}): Promise<Row> {
  const cypher = connectionsCypher(maxHops, params, { meetUpTo: options.meetUpTo });
  // planned first, outside the read timeout (seconds for a statement Neo4j has not planned yet)
  await planAhead(db, cypher, params);
  try {
    const [row = {}] = await db.read(cypher, params, options.timeoutMs);
    return row;
  } catch (error) {
    forgetPlan(db, cypher, params);
    throw error;
  }
}

/** The parameters of a connection search, its arguments checked: `connections` runs it, `warmUp` runs it ahead. */
export function connectionsParams(from: string, to: string, maxHops: number, first: number, ties?: TieFilter | null, maxTies = DEFAULT_MAX_TIES): Params {
  checkRange('maxHops', maxHops, 1, MAX_HOPS);
  checkRange('first', first, 1, MAX_PATHS);
  checkRange('maxTies', maxTies, 1, MAX_MAX_TIES);
  return { ...tieParams(ties), from, to, maxHops: int(maxHops), first: int(first), maxTies: int(maxTies) };
}

/**
 * The statement behind `connections` (parameters: $from, $to, $maxHops, $first, $maxTies and
 * tieParams'): one row — the two entities (null when unknown) and their ranked chains. With the
 * filter's parameters, the test of each fact walked has only the clauses they make active (tieOkFor:
 * on the default filter, 1.48M → 0.41M db hits on a slow pair); without, all of them. Exported for
 * the benchmark, whose hand-written and @neo4j/graphql peers answer the same question with the same search.
 * `meetUpTo` (relationships) bounds the rounds met in the middle; 0 walks from `from` alone (the
 * reference the tests hold the meeting to).
 */
export const connectionsCypher = (maxHops: number, params?: Record<string, unknown>, options: SearchOptions = {}) => {
  const { meetUpTo = MEET_MAX_STEPS } = options;
  const rels = WALKABLE.join('|');
  const ok = (f: string) => (params ? tieOkFor(f, params) : TIE_OK(f));
  // one step of a walk: never into a Source, a fact the filter drops, or a hub (but `end`)
  const step = (end: string) => `(()-[:${rels}]-(n) WHERE NOT n:Source AND (NOT n:Fact OR ${ok('n')})
             AND (n:Fact OR n = ${end} OR COUNT { (n)<--() } <= $maxTies))`;
  const search = (groups: number) => `MATCH p = SHORTEST ${groups} GROUPS (a)${step('b')}{1,${maxHops * 3}}(b)`;
  // The shortest chains, met in the middle: each is a shortest walk from a to its middle node m
  // (at ⌈L/2⌉ steps) and one from b to m (⌊L/2⌋). A breadth-first search from each end, half the
  // length deep, costs what the two neighbourhoods hold; one from a to b, what a's neighbourhood at
  // full depth holds (1.2M db hits on a 4-fact chain between two officials of the 100k world, 45k this way).
  // Only up to MEET_MAX_STEPS: deeper, each end's neighbourhood is the whole graph (maxHops 6, half
  // 9 steps: seconds and the heap on the 100k world): chains longer than that are searched from a alone.
  const meet = (total: number, chains: string) => {
    const half = Math.ceil(total / 2);
    return `MATCH p = ALL SHORTEST (a)${step('b')}{0,${half}}(m)
           WITH a, b, length(p) AS d, m, collect(nodes(p)) AS ps
           WITH a, b, d, collect(m) AS ms, collect(ps) AS pss
           WITH a, b, collect({d: d, ms: ms, pss: pss}) AS found
           WITH a, b, [d IN range(0, ${half}) | coalesce(head([x IN found WHERE x.d = d]), {ms: [], pss: []})] AS left
           CALL (a, b, left) {
             WITH a, b, reduce(all = [], x IN left | all + x.ms) AS reached
             MATCH q = ALL SHORTEST (b)${step('a')}{0,${total - half}}(m) WHERE m IN reached
             WITH m, length(q) AS db, collect(nodes(q)) AS qs
             RETURN collect({m: m, db: db, qs: qs}) AS right
           }
           WITH left, [r IN right WHERE r.m IN left[r.db].ms OR (r.db < ${half} AND r.m IN left[r.db + 1].ms)] AS right
           WITH left, [r IN right | r {.m, .qs, da: CASE WHEN r.m IN left[r.db].ms THEN r.db ELSE r.db + 1 END, length: CASE WHEN r.m IN left[r.db].ms THEN 2 * r.db ELSE 2 * r.db + 1 END}] AS middles
           WITH left, middles, reduce(l = 1000000, x IN middles | CASE WHEN x.length < l THEN x.length ELSE l END) AS least
           UNWIND [x IN middles WHERE x.length = least] AS x
           WITH x, left[x.da] AS level
           UNWIND level.pss[head([i IN range(0, size(level.ms) - 1) WHERE level.ms[i] = x.m])] AS l
           UNWIND x.qs AS r
           RETURN collect(l + reverse(r)[1..]) AS ${chains}`;
  };
  // Deepened in rounds: chains of up to NEAR_STEPS relationships first (each end's neighbourhood
  // 3 steps deep: a few hundred nodes, where 6 steps hold thousands), then two relationships longer
  // each round while there is none, up to `meetUpTo`. A round's chains, when there are any, are the
  // shortest of all, and each round costs what its two halves reach (4 steps from each end for a
  // chain of 8, where one round of the whole length walks 6). Longer than `meetUpTo` (maxHops 5–6),
  // a last round walks from a alone, for what no round met in the middle found.
  const { met, tail } = roundTotals(maxHops, meetUpTo);
  const rounds = [
    ...met.map((total) => (name: string) => meet(total, name)),
    ...(tail ? [(name: string) => `${search(1)} WITH nodes(p) AS ns LIMIT ${CANDIDATES} RETURN collect(ns) AS ${name}`] : []),
  ];
  const found = rounds.map((_, i) => `r${i}`);
  const deepened = `${rounds
    .map((round, i) =>
      i === 0
        ? `CALL (a, b) { WITH a, b WHERE ${BOTH_KNOWN} ${round(found[i]!)} }`
        : `CALL (a, b, ${found.slice(0, i).join(', ')}) { WITH a, b WHERE ${BOTH_KNOWN} AND size(${found.slice(0, i).join(' + ')}) = 0 ${round(found[i]!)} }`,
    )
    .join('\n           ')}
           RETURN ${found.join(' + ')} AS chains`;
  return `CALL () { OPTIONAL MATCH (n:Entity {id: $from}) OPTIONAL MATCH (:Redirect {id: $from})-[:REDIRECTS_TO]->(r:Entity) RETURN coalesce(n, r) AS a }
       CALL () { OPTIONAL MATCH (n:Entity {id: $to}) OPTIONAL MATCH (:Redirect {id: $to})-[:REDIRECTS_TO]->(r:Entity) RETURN coalesce(n, r) AS b }
       // the rounds (one row, whatever a and b are; none walks unless both are known and distinct: an
       // unknown id is NOT_FOUND at once, not after a search from the other end)
       CALL (a, b) {
           ${deepened}
       }
       CALL (a, b, chains) {
         WITH a, b, chains WHERE ${BOTH_KNOWN}
         CALL (a, b, chains) {
           UNWIND chains AS ns
           RETURN ns, false AS hub
           UNION
           // a hub both are tied to by one fact each, read from the two ends
           MATCH (a)-[:${rels}]-(f1:Fact)-[:${rels}]-(h:Entity)
           WHERE $maxHops >= 2 AND h <> b AND NOT h:Source AND ${ok('f1')} AND COUNT { (h)<--() } > $maxTies
           MATCH (b)-[:${rels}]-(f2:Fact)-[:${rels}]-(h)
           WHERE f2 <> f1 AND ${ok('f2')}
           RETURN [a, f1, h, f2, b] AS ns, true AS hub
         }
         WITH a, b, ns, hub LIMIT ${CANDIDATES}
         WITH a, b, ns, hub, [n IN ns WHERE n:Fact] AS facts
         WHERE size(facts) <= $maxHops
         WITH a, b, collect({ns: ns, hub: hub, facts: facts}) AS shortest
         // a perfectly evidenced chain among the shortest: no longer one could rank above it, so the
         // next-shortest are searched only when there is none
         WITH a, b, shortest, reduce(m = 1000000, c IN shortest | CASE WHEN size(c.ns) < m THEN size(c.ns) ELSE m END) AS least
         WITH a, b, shortest, any(c IN shortest WHERE size(c.ns) = least AND all(f IN c.facts WHERE reduce(s = 0, w IN ${WEAKNESS('f')} | s + w) = 0)) AS perfect
         CALL (a, b, perfect) {
           WITH a, b WHERE NOT perfect
           ${search(2)}
           WITH nodes(p) AS ns LIMIT ${CANDIDATES}
           RETURN collect({ns: ns, facts: [n IN ns WHERE n:Fact]}) AS longer
         }
         UNWIND CASE WHEN perfect THEN shortest ELSE [c IN shortest WHERE c.hub] + [c IN longer WHERE size(c.facts) <= $maxHops] END AS c
         WITH c.ns AS ns, c.facts AS facts
         WITH ns, facts, [f IN facts | ${WEAKNESS('f')}] AS weak
         WITH ns, facts, reduce(s = [0, 0, 0, 0, 0], w IN weak | [i IN range(0, 4) | s[i] + w[i]]) AS score,
              reduce(m = 0, w IN weak | CASE WHEN w[4] > m THEN w[4] ELSE m END) AS worst
         // the score as one number that orders as the list does (each count is below 100)
         WITH collect({ns: ns, score: score, worst: worst, key: reduce(k = 0, x IN score | k * 100 + x), hops: size(facts), length: size(ns) - 1}) AS found
         ${RANKED('found')}
         RETURN collect({nodes: [n IN c.ns | ${project('n')}], score: c.score, worst: c.worst, hops: c.hops}) AS paths
       }
       RETURN a.id AS a, b.id AS b, paths`;
};

/**
 * Cypher, after a list of candidate chains `found` ({key, hops, length, …}, in the search's order):
 * the shortest chains, and a longer one only where it is better evidenced than every shortest one
 * (a stated post and a parent link beat an award merely proposed); by evidence, then hops, then
 * length, then the search's order; the first $first as `c`.
 */
const RANKED = (found: string) => `WITH ${found}, reduce(m = 1000000, c IN ${found} | CASE WHEN c.length < m THEN c.length ELSE m END) AS shortest
         WITH ${found}, shortest, reduce(b = 100000000000, c IN ${found} | CASE WHEN c.length = shortest AND c.key < b THEN c.key ELSE b END) AS best
         UNWIND range(0, size(${found}) - 1) AS i
         WITH ${found}[i] AS c, i, shortest, best WHERE c.length = shortest OR c.key < best
         WITH c ORDER BY c.key, c.hops, c.length, i LIMIT $first`;
