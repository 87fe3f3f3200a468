// Opens the Database the configuration names: NEO4J_URI, or the local Neo4j (fetched and started
// on demand, or reused when one already answers). Waits until the database answers.
import { Config, neo4jUri } from '../config';
import type { Logger } from '../log';
import { ensureLocalNeo4jInstalled } from '../localdb/fetch';
import { startLocalNeo4j } from '../localdb/server';
import { Database } from './database';

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
  });
}

/** Starts the local Neo4j when NEO4J_URI is unset; then connects and waits for the database. */
export async function connect(config: Config, log: Logger, waitMs = 60_000): Promise<Database> {
  if (!config.neo4j.uri) {
    if (ensureLocalNeo4jInstalled((msg) => log.info(msg))) log.info('local Neo4j installed');
    const { port, heap, pageCacheMb } = config.localNeo4j;
    const { started, pid } = await startLocalNeo4j({ port, heap, pageCacheMb });
    log.info({ port, pid }, started ? 'local Neo4j started (stop it with: npm run db:stop)' : 'reusing the Neo4j already running');
  }
  const db = createDatabase(config);
  const deadline = Date.now() + waitMs;
  while (!(await db.ping())) {
    if (Date.now() > deadline) {
      await db.close();
      throw new Error(`Neo4j at ${neo4jUri(config)} did not answer within ${waitMs / 1000} s (check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD).`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return db;
}
