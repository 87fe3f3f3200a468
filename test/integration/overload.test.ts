// Overload is not an outage: beyond the operations a process runs at once, requests wait in a bounded
// queue, and beyond it are shed at once, before any of them runs, with HTTP 503, Retry-After and
// OVERLOADED — never SERVICE_UNAVAILABLE while the database is up — and /readyz keeps answering.
import { createDatabase } from '../../src/bootstrap';
import type { Database } from '../../src/db/database';
import { openTestDb, testConfig } from '../support/db';
import { RunningServer, startTestServer } from '../support/server';

// Few operations at once and a short queue, so that 120 concurrent clients are far more than it takes.
const SMALL = { MAX_CONCURRENT_OPERATIONS: '2', OPERATION_QUEUE_SIZE: '10', OPERATION_QUEUE_WAIT_MS: '300' };
let db: Database;
let server: RunningServer;

beforeAll(async () => {
  await (await openTestDb()).close(); // migrated, seeds loaded
  db = createDatabase(testConfig(SMALL));
  server = await startTestServer(db, SMALL);
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const QUERY = '{ people(first: 20) { nodes { name occupancies { position { label organization { name } } sources { quote } } } } }';

it('sheds what it cannot take with 503 + Retry-After + OVERLOADED, answers the rest, and stays ready', async () => {
  let probing = true;
  const ready: number[] = [];
  const prober = (async () => {
    while (probing) {
      ready.push((await fetch(`${server.url}/readyz`)).status);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const one = async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    return { status: res.status, retryAfter: res.headers.get('retry-after'), codes: (body.errors ?? []).map((e) => String(e.extensions?.code)) };
  };
  const results = await Promise.all(Array.from({ length: 120 }, one));
  probing = false;
  await prober;
  const answered = results.filter((r) => r.status === 200 && r.codes.length === 0);
  const shed = results.filter((r) => r.status === 503);
  const tally = new Map<string, number>();
  for (const r of results) tally.set(`${r.status} ${r.codes.join('+') || 'data'}`, (tally.get(`${r.status} ${r.codes.join('+') || 'data'}`) ?? 0) + 1);
  console.log(`overload: ${[...tally].map(([k, n]) => `${k}: ${n}`).join(', ')}; /readyz ${[...new Set(ready)].join(',')}`);

  expect(answered.length).toBeGreaterThan(0);
  expect(shed.length).toBeGreaterThan(0);
  for (const r of shed) {
    expect(r.retryAfter).toBe('1');
    expect(new Set(r.codes)).toEqual(new Set(['OVERLOADED']));
  }
  // nothing else: no outage code, no internal error
  expect(results.every((r) => (r.status === 200 && r.codes.length === 0) || r.status === 503)).toBe(true);
  expect(results.flatMap((r) => r.codes).filter((c) => c !== 'OVERLOADED')).toEqual([]);
  expect(ready.every((s) => s === 200)).toBe(true);

  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  expect(metrics).toMatch(/graphql_errors_total\{code="OVERLOADED"\} [1-9]/);
  // every database call made was answered: shedding happened before any of them
  expect(metrics).not.toMatch(/db_query_duration_seconds_count\{mode="read",outcome="(?:unavailable|overloaded|timeout)"\} [1-9]/);
});

it('answers normally once the burst is over', async () => {
  const res = await server.gql(QUERY);
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
});
