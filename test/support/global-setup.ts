// Integration tier: make sure a Neo4j answers. With NEO4J_URI set, it must already run; otherwise the
// local Neo4j is fetched and started (and global-teardown.ts stops it again if this run started it).
// Then the schema, the seeds, and the connection search run ahead (src/graphql/warm-up.ts), as
// `npm start` does before it listens: a suite's first search does not pay Neo4j's planning.
import { loadConfig } from '../../src/config';
import { ensureLocalNeo4jInstalled } from '../../src/localdb/fetch';
import { startLocalNeo4j } from '../../src/localdb/server';
import { createLogger } from '../../src/log';
import { warmUp } from '../../src/graphql/warm-up';
import { openTestDb } from './db';

export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  if (!config.neo4j.uri) {
    ensureLocalNeo4jInstalled((msg) => console.log(msg));
    const { port, heap, pageCacheMb } = config.localNeo4j;
    const { started } = await startLocalNeo4j({ port, heap, pageCacheMb });
    (globalThis as { __startedLocalNeo4j?: boolean }).__startedLocalNeo4j = started;
  }
  const db = await openTestDb();
  try {
    await warmUp(db, createLogger({ logLevel: 'warn' }));
  } finally {
    await db.close();
  }
}
