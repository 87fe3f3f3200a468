// Runs ahead the statements whose first run costs seconds, before the first request needs them. A
// connection search is one statement of a dozen breadth-first searches and their ranking: Neo4j takes
// 1–2 s to plan it, and ~0.3 s more to compile its expressions the first time they run on real
// entities, several times that on a JVM just started. The read timeout (QUERY_TIMEOUT_MS, 5 s by
// default) counts both, so the first search after Neo4j starts could fail with QUERY_TIMEOUT. Neo4j
// keeps the plan in its query cache while it runs: after the first warm-up, another is a cache hit.
import { isNonNullType, type GraphQLSchema } from 'graphql';

import type { Database } from '../db/database';
import { connectionsCypher, connectionsParams, connectionsParts } from '../graph/connections';
import { buildExecutableSchema } from './schema';
import type { Logger } from '../log';

/** The default of an argument of a Query field, as the schema declares it. */
function argumentDefault(schema: GraphQLSchema, field: string, argument: string): number {
  const arg = schema
    .getQueryType()
    ?.getFields()
    [field]?.args.find((a) => a.name === argument);
  if (typeof arg?.defaultValue !== 'number' || isNonNullType(arg.type)) throw new Error(`Query.${field}(${argument}:) has no numeric default`);
  return arg.defaultValue;
}

/**
 * Runs the statements of a connection search with the schema's defaults (maxHops, first, maxTies, no `ties`) between
 * two people of the graph — or two ids that match nothing, when it holds fewer — within the
 * maintenance timeout. Never throws: a failure is logged, and the first request pays the planning.
 * Resolves to the milliseconds it took (null when it failed). `quiet`: a run that took little is a debug line.
 */
export async function warmUp(db: Database, log: Logger, schema: GraphQLSchema = buildExecutableSchema(), quiet = false): Promise<number | null> {
  const started = Date.now();
  try {
    const maxHops = argumentDefault(schema, 'connections', 'maxHops');
    const [row] = await db.read('MATCH (p:Person) WITH p LIMIT 2 RETURN collect(p.id) AS ids', {}, db.maintenanceTimeoutMs);
    const [from = '', to = ''] = (row?.ids as string[] | undefined) ?? [];
    const params = connectionsParams(
      from,
      to,
      maxHops,
      argumentDefault(schema, 'connections', 'first'),
      null,
      argumentDefault(schema, 'connections', 'maxTies'),
    );
    // every statement of the search (near rounds, far rounds), whether or not these two need it
    for (const part of connectionsParts(maxHops)) await db.read(connectionsCypher(maxHops, params, { part }), params, db.maintenanceTimeoutMs);
    const ms = Date.now() - started;
    // a background run that took long had a plan to make again: say so; a cache hit is a debug line
    if (!quiet) log.info({ ms }, 'connection search planned ahead');
    else if (ms >= 500) log.info({ ms }, 'connection search planned again in the background');
    else log.debug({ ms }, 'connection search run in the background');
    return ms;
  } catch (error) {
    log.warn({ err: error, ms: Date.now() - started }, 'could not plan the connection search ahead: the first one pays the planning');
    return null;
  }
}

/**
 * Runs the warm-up again every `intervalMs` in the background (never two at once), for as long as the
 * process runs or until the returned function is called. Neo4j replans a cached statement when the
 * graph's statistics have moved far enough (an import of officials, a bulk load by another process)
 * and the plan is older than dbms.cypher.min_replan_interval (10 s by default) — on the statement's
 * next run. Between two people of the seeds a cached search runs in milliseconds, so this costs little,
 * and a replan lands here, under the maintenance timeout, rather than on a reader's search.
 */
export function keepPlanned(db: Database, log: Logger, intervalMs: number, schema: GraphQLSchema = buildExecutableSchema()): () => void {
  if (intervalMs <= 0) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void warmUp(db, log, schema, true).finally(() => {
      running = false;
    });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
