// Statements that take seconds to plan, planned outside the read timeout. A connection search is a
// statement of a dozen breadth-first searches and their ranking: Neo4j plans it in ~1 s on an idle
// machine and 4 s or more on a busy one, and the read timeout (QUERY_TIMEOUT_MS) counts the planning
// — so a search of a shape Neo4j had not planned yet (another maxHops, another `ties` filter), or
// one whose plan Neo4j threw away after an import moved the graph's statistics, could fail with
// QUERY_TIMEOUT before it walked a step. Here each such statement is first EXPLAINed (planned, not
// run; Neo4j caches the plan, so the run that follows is a cache hit) under the maintenance timeout,
// once per statement text and parameter types, and `replanKnown` EXPLAINs every one seen again —
// the background task of `npm start` (src/graphql/warm-up.ts): an EXPLAIN of a plan gone stale
// replans it there, not on a reader's search. The read timeout keeps bounding what a search does.
import { type Database, type Params } from '../db/database';
import { paramTypes } from '../db/values';

/** Statement texts (and their parameters' types) planned per process, per Database (its origin, shared by its views): at most this many, the least recently used forgotten first. */
const MAX_KNOWN = 256;

interface Known {
  cypher: string;
  params: Params;
  /** Settles once the EXPLAIN has (true) or has not (false) planned it; concurrent searches share it. */
  planned: Promise<boolean>;
}

const registries = new WeakMap<Database, Map<string, Known>>();

/** The statements planned on this Database — the same for every view of it (a request's, Database.origin). */
function registry(db: Database): Map<string, Known> {
  let known = registries.get(db.origin);
  if (!known) registries.set(db.origin, (known = new Map()));
  return known;
}

/** EXPLAINs one statement under the maintenance timeout: whether it was planned (a failure is left to the run itself to report). */
async function explain(db: Database, cypher: string, params: Params): Promise<boolean> {
  try {
    await db.read(`EXPLAIN ${cypher}`, params, db.maintenanceTimeoutMs);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure Neo4j has planned `cypher` with parameters of these types before it is run under the
 * read timeout: the first time this process meets the statement (per Database), an EXPLAIN; later, at
 * once. A statement whose EXPLAIN failed (the database away, the maintenance timeout) is tried again
 * the next time.
 */
export async function planAhead(db: Database, cypher: string, params: Params): Promise<void> {
  const known = registry(db);
  const key = `${paramTypes(params)}\n${cypher}`;
  const seen = known.get(key);
  if (seen) {
    // most recently used last
    known.delete(key);
    known.set(key, seen);
    await seen.planned;
    return;
  }
  const entry: Known = { cypher, params, planned: explain(db, cypher, params) };
  known.set(key, entry);
  while (known.size > MAX_KNOWN) known.delete(known.keys().next().value!);
  if (!(await entry.planned) && known.get(key) === entry) known.delete(key);
}

/**
 * Forgets a statement (its next planAhead EXPLAINs it again): its run failed, and the plan may be
 * what was missing — Neo4j restarted or cleared its query cache, and the run planned it under the
 * read timeout.
 */
export function forgetPlan(db: Database, cypher: string, params: Params): void {
  registry(db).delete(`${paramTypes(params)}\n${cypher}`);
}

/**
 * EXPLAINs again every statement planAhead has met on this Database, one after the other: a cached
 * plan costs milliseconds, one Neo4j finds stale (the graph's statistics moved past
 * dbms.cypher.statistics_divergence_threshold, the plan older than dbms.cypher.min_replan_interval) is
 * planned again. How many were EXPLAINed, and how many of those failed.
 */
export async function replanKnown(db: Database): Promise<{ statements: number; failed: number }> {
  let failed = 0;
  const entries = [...registry(db).values()];
  for (const entry of entries) if (!(await explain(db, entry.cypher, entry.params))) failed++;
  return { statements: entries.length, failed };
}

/** How many statements planAhead knows on this Database (for tests and logs). */
export function knownStatements(db: Database): number {
  return registry(db).size;
}
