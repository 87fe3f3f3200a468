// Integration tier: make sure a Neo4j answers. With NEO4J_URI set, it must already run; otherwise the
// local Neo4j is fetched and started (and global-teardown.ts stops it again if this run started it).
import { loadConfig } from '../../src/config';
import { ensureLocalNeo4jInstalled } from '../../src/localdb/fetch';
import { startLocalNeo4j } from '../../src/localdb/server';

export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  if (config.neo4j.uri) return;
  ensureLocalNeo4jInstalled((msg) => console.log(msg));
  const { port, heap, pageCacheMb } = config.localNeo4j;
  const { started } = await startLocalNeo4j({ port, heap, pageCacheMb });
  (globalThis as { __startedLocalNeo4j?: boolean }).__startedLocalNeo4j = started;
}
