// Builds the real HTTP server around a test database and listens on a free loopback port.
import type { AddressInfo } from 'node:net';
import type { Database } from '../../src/db/database';
import { createLogger } from '../../src/log';
import { buildServer, BuiltServer } from '../../src/server/app';
import { openTestDb, testConfig } from './db';

export interface RunningServer extends BuiltServer {
  url: string;
  close(): Promise<void>;
  /** POSTs a GraphQL operation and returns status and parsed body. */
  gql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
}

export async function startTestServer(db: Database, env: Record<string, string> = {}): Promise<RunningServer> {
  const config = testConfig(env);
  const server = await buildServer({ config, db, log: createLogger(config) });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    ...server,
    url,
    close: () => server.stop(),
    gql: async (query, variables, headers = {}) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON: keep the text */
      }
      return { status: res.status, body };
    },
  };
}

/**
 * The file's database (migrated, seeds loaded) and a real server around it: opened before the
 * file's tests, closed after them. Read `world.db` and `world.server` inside tests.
 */
export function useTestServer(
  env: Record<string, string> = {},
  start: (db: Database, env: Record<string, string>) => Promise<RunningServer> = startTestServer,
): { db: Database; server: RunningServer } {
  const world = {} as { db: Database; server: RunningServer };
  beforeAll(async () => {
    world.db = await openTestDb();
    world.server = await start(world.db, env);
  });
  afterAll(async () => {
    await world.server?.close();
    await world.db?.close();
  });
  return world;
}
