// Stops the local Neo4j if global-setup.ts started it.
import { stopLocalNeo4j } from '../../src/localdb/server';

export default async function globalTeardown(): Promise<void> {
  if ((globalThis as { __startedLocalNeo4j?: boolean }).__startedLocalNeo4j) await stopLocalNeo4j();
}
