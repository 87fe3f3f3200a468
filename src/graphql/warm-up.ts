// Runs ahead the statements whose first run costs seconds, before the first request needs them. A
// connection search is a statement of a dozen breadth-first searches and their ranking: Neo4j
// takes 1.3–1.5 s to plan it on an idle machine, several seconds on a busy one, and ~0.3 s
// more to compile its expressions the first time it runs, several times that on a JVM just started.
// Every search plans its statements outside the read timeout (src/graph/plan-ahead.ts); this runs
// the default one at start-up so the first reader pays neither, and keepPlanned re-plans in the
// background what the graph's changing statistics made stale.
import { isNonNullType, type GraphQLSchema } from 'graphql';

import type { Database } from '../db/database';
import { connectionsCypher, connectionsParams } from '../graph/connections';
import { planAhead, replanKnown } from '../graph/plan-ahead';
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
 * Runs the statement of a connection search with the schema's defaults (maxHops, first, maxTies, no `ties`) between
 * two people of the graph — or two ids that match nothing, when it holds fewer — within the
 * maintenance timeout. Never throws: a failure is logged, and the first request pays the planning.
 * Resolves to the milliseconds it took (null when it failed).
 */
export async function warmUp(db: Database, log: Logger, schema: GraphQLSchema = buildExecutableSchema()): Promise<number | null> {
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
    // planned (and known to replanKnown from now on), then run once, which compiles its expressions
    const cypher = connectionsCypher(maxHops, params);
    await planAhead(db, cypher, params);
    await db.read(cypher, params, db.maintenanceTimeoutMs);
    const ms = Date.now() - started;
    log.info({ ms }, 'connection search planned ahead');
    return ms;
  } catch (error) {
    log.warn({ err: error, ms: Date.now() - started }, 'could not plan the connection search ahead: the first one pays the planning');
    return null;
  }
}

/**
 * Every `intervalMs`, in the background (never two at once), EXPLAINs again each connection statement
 * this process has planned ahead (src/graph/plan-ahead.ts), for as long as the process runs or until
 * the returned function is called. Neo4j replans a cached statement when the graph's statistics have
 * moved far enough (an import of officials, a bulk load by another process) and the plan is older
 * than dbms.cypher.min_replan_interval (10 s by default), on the statement's next use: here, under the
 * maintenance timeout, rather than on a reader's search. A plan still good costs milliseconds.
 */
export function keepPlanned(db: Database, log: Logger, intervalMs: number): () => void {
  if (intervalMs <= 0) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const started = Date.now();
    void replanKnown(db)
      .then(({ statements, failed }) => {
        const ms = Date.now() - started;
        const fields = { ms, statements, failed };
        if (failed > 0) log.warn(fields, 'could not plan the connection statements again in the background');
        // one that took long had a plan to make again: say so; cache hits are a debug line
        else if (ms >= 500) log.info(fields, 'connection statements planned again in the background');
        else log.debug(fields, 'connection statements checked in the background');
      })
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
