// The one way the service, the CLIs and the benchmarks open the database: the local Neo4j (fetched
// and started on demand) unless NEO4J_URI names one, a driver handle, a wait until it answers, and
// — unless asked not to — the schema migrations.
import { Config, neo4jUri } from './config';
import { Database } from './db/database';
import { GRAPH_VERSION_BUMP } from './graph/graph-version';
import { migrate } from './graph/migrations';
import type { Logger } from './log';
import { ensureLocalNeo4jInstalled } from './localdb/fetch';
import { startLocalNeo4j } from './localdb/server';

/** Creates the Database handle for `config` (no I/O). */
export function createDatabase(config: Config): Database {
  return new Database({
    uri: neo4jUri(config),
    user: config.neo4j.user,
    password: config.neo4j.password,
    database: config.neo4j.database,
    readTimeoutMs: config.queryTimeoutMs,
    writeTimeoutMs: config.writeTimeoutMs,
    maintenanceTimeoutMs: config.maintenanceTimeoutMs,
    connectTimeoutMs: config.neo4j.connectTimeoutMs,
    poolSize: config.neo4j.poolSize,
    endOfWrite: GRAPH_VERSION_BUMP,
  });
}

export interface OpenOptions {
  /** Apply the schema migrations (default true). */
  migrate?: boolean;
  /** How long to wait for the database to answer. */
  waitMs?: number;
}

/** Starts the local Neo4j when NEO4J_URI is unset; connects, waits for the database, migrates. */
export async function openDatabase(config: Config, log: Logger, options: OpenOptions = {}): Promise<Database> {
  if (!config.neo4j.uri) {
    if (ensureLocalNeo4jInstalled((msg) => log.info(msg))) log.info('local Neo4j installed');
    const { port, heap, pageCacheMb } = config.localNeo4j;
    const { started, pid } = await startLocalNeo4j({ port, heap, pageCacheMb });
    log.info({ port, pid }, started ? 'local Neo4j started (stop it with: npm run db:stop)' : 'reusing the Neo4j already running');
  }
  const db = createDatabase(config);
  const waitMs = options.waitMs ?? 60_000;
  if (!(await db.waitUntilAnswering(waitMs))) {
    await db.close();
    throw new Error(`Neo4j at ${neo4jUri(config)} did not answer within ${waitMs / 1000} s (check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD).`);
  }
  if (options.migrate !== false) {
    const { version, applied } = await migrate(db);
    log.info({ schemaVersion: version, applied }, 'schema migrations applied');
  }
  return db;
}
