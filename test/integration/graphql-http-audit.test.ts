// The GraphQL over HTTP audit (graphql-http's auditServer) against the real server's /graphql: no
// MUST may fail. SHOULD and MAY failures are printed; those known to come from Apollo Server itself
// (not from our Express glue) are listed in APOLLO_SHOULD_FAILURES, and any other fails the test.
import { auditServer, AuditResult } from 'graphql-http';
import type { Database } from '../../src/db/database';
import { openTestDb } from '../support/db';
import { RunningServer, startTestServer } from '../support/server';

/**
 * SHOULDs Apollo Server 5 does not meet, by audit id. With `Accept: application/json` the spec
 * recommends 200 for a request that fails to parse, validate or coerce its variables; Apollo answers
 * 400 (the legacy application/json behaviour), and this API's query limits rely on those 400s.
 */
const APOLLO_SHOULD_FAILURES = new Set([
  '572B', // SHOULD use 200 status code on document parsing failure when accepting application/json
  'FDE2', // SHOULD use 200 status code on document validation failure when accepting application/json
  '7B9B', // SHOULD use a status code of 200 on variable coercion failure when accepting application/json
]);

let db: Database;
let server: RunningServer;
let results: AuditResult[];

beforeAll(async () => {
  db = await openTestDb();
  server = await startTestServer(db);
  results = await auditServer({ url: `${server.url}/graphql` });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

const level = (r: AuditResult) => r.name.split(' ')[0] as 'MUST' | 'SHOULD' | 'MAY';

async function describeResult(r: AuditResult): Promise<string> {
  if (r.status === 'ok') return `${r.id} ${r.name}`;
  let body = '';
  try {
    body = (await r.response.clone().text()).slice(0, 200);
  } catch {
    /* body already read */
  }
  return `${r.id} ${r.name}: ${r.reason} (got ${r.response.status} ${r.response.headers.get('content-type')} ${body})`;
}

it('runs the whole audit', () => {
  expect(results.length).toBeGreaterThan(50);
  expect(results.filter((r) => level(r) === 'MUST').length).toBeGreaterThan(10);
});

it('passes every MUST of the GraphQL over HTTP spec', async () => {
  const failures = results.filter((r) => r.status === 'error' || (r.status !== 'ok' && level(r) === 'MUST'));
  expect(await Promise.all(failures.map(describeResult))).toEqual([]);
});

it('fails no SHOULD except the ones Apollo Server is known to fail, and prints them', async () => {
  const notMet = results.filter((r) => r.status !== 'ok' && level(r) !== 'MUST');
  const ok = results.filter((r) => r.status === 'ok').length;
  const lines = await Promise.all(notMet.map(describeResult));
  const count = (l: string) => results.filter((r) => level(r) === l).length;
  console.warn(
    `graphql-http audit: ${ok} of ${results.length} passed (${count('MUST')} MUST, ${count('SHOULD')} SHOULD, ${count('MAY')} MAY); not met:\n  ${lines.join('\n  ')}`,
  );
  const unexpected = notMet.filter((r) => level(r) === 'SHOULD' && !APOLLO_SHOULD_FAILURES.has(r.id));
  expect(await Promise.all(unexpected.map(describeResult))).toEqual([]);
});

it('would notice an endpoint that does not speak GraphQL over HTTP', async () => {
  const broken = await auditServer({ url: `${server.url}/healthz` });
  expect(broken.filter((r) => r.status === 'error').length).toBeGreaterThan(5);
});
