// The one helper integration tests use to reach the database: connect (migrated), load the seeds,
// and remove what a test created (ids under a test prefix), so tests can share a running Neo4j.
import { loadConfig, Config } from '../../src/config';
import { createDatabase } from '../../src/bootstrap';
import { Database } from '../../src/db/database';
import { migrate } from '../../src/graph/migrations';
import { loadSeeds } from '../../src/ingest/seeds';

/** Ids of nodes that tests create contain this marker, e.g. person/zz-test-a. */
export const TEST_MARK = 'zz-test';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
}

/**
 * A migrated Database with the seeds loaded (idempotent). Close it in afterAll. Setup runs under the
 * maintenance timeout (as start-up does), never the public read timeout: a busy machine slows it, it
 * does not fail it.
 */
export async function openTestDb(options: { seeds?: boolean; env?: Record<string, string> } = {}): Promise<Database> {
  const db = createDatabase(testConfig(options.env));
  await migrate(db);
  if (options.seeds !== false) await loadSeeds(db);
  return db;
}

/**
 * Deletes what tests created: nodes whose id contains TEST_MARK, and entities and facts seen only in
 * test sources (e.g. a namesake that entity resolution kept apart under "<id>-2").
 */
export async function cleanTestData(db: Database): Promise<void> {
  await db.write(
    (tx) =>
      tx.run(
        `MATCH (s:Source) WHERE s.id CONTAINS $mark
       MATCH (n)-[:MENTIONED_IN|SOURCED_FROM]->(s)
       WITH DISTINCT n
       WHERE NOT EXISTS { MATCH (n)-[:MENTIONED_IN|SOURCED_FROM]->(other:Source) WHERE NOT other.id CONTAINS $mark }
       DETACH DELETE n`,
        { mark: TEST_MARK },
      ),
    db.maintenanceTimeoutMs,
  );
  await db.write(
    (tx) =>
      tx.run(
        `MATCH (n) WHERE n.id CONTAINS $mark
       OPTIONAL MATCH (n)<-[:INGESTED]-(i:Ingestion)
       DETACH DELETE n, i`,
        { mark: TEST_MARK },
      ),
    db.maintenanceTimeoutMs,
  );
}

/** Node and relationship counts of the whole graph. */
export async function graphCounts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    {},
    db.maintenanceTimeoutMs,
  );
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}
