// Connection searches run in slots of their own (MAX_CONCURRENT_SEARCHES): beyond them a search waits
// (at most SEARCH_QUEUE_WAIT_MS, by default the read timeout), and past the wait is refused with OVERLOADED (HTTP 503, Retry-After) —
// while other operations, which hold no search slot, are answered as ever.
import type { Database } from '../../src/db/database';
import { openTestDb } from '../support/db';
import { RunningServer, startTestServer } from '../support/server';

const SEARCH = '{ connections(from: "person/nguyen-thanh-tinh", to: "person/nguyen-duy-ngoc", first: 3) { hops steps { id } } }';
const LOOKUP = '{ person(id: "person/nguyen-thanh-tinh") { id name } }';

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

async function withServer(env: Record<string, string>, work: (server: RunningServer) => Promise<void>) {
  const server = await startTestServer(db, env);
  try {
    await work(server);
  } finally {
    await server.close();
  }
}

const codes = (body: any): string[] => (body.errors ?? []).map((e: any) => String(e.extensions?.code));

it('one search at a time and a wait of 1 ms: searches beyond the one are refused OVERLOADED, a lookup is not', async () => {
  await withServer({ MAX_CONCURRENT_SEARCHES: '1', SEARCH_QUEUE_WAIT_MS: '1' }, async (server) => {
    const expected = (await server.gql(SEARCH)).body.data.connections; // the answer alone
    expect(expected.length).toBeGreaterThan(0);
    const [searches, lookups] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, () => server.gql(SEARCH))),
      Promise.all(Array.from({ length: 3 }, () => server.gql(LOOKUP))),
    ]);
    const answered = searches.filter((r) => r.status === 200 && codes(r.body).length === 0);
    const refused = searches.filter((r) => codes(r.body).includes('OVERLOADED'));
    expect(answered.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(answered.length + refused.length).toBe(searches.length);
    for (const r of answered) expect(r.body.data.connections).toEqual(expected);
    for (const r of refused) {
      expect(r.status).toBe(503);
      expect(r.body.errors[0].extensions.retryAfter).toBe(1);
    }
    for (const r of lookups) {
      expect(r.status).toBe(200);
      expect(r.body.data.person.id).toBe('person/nguyen-thanh-tinh');
    }
  });
});

/** connection_searches_in_flight from /metrics: running and waiting. */
async function inFlight(server: RunningServer) {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const value = (state: string) => Number(new RegExp(`^connection_searches_in_flight\\{state="${state}"\\} (\\d+)`, 'm').exec(text)?.[1]);
  return { running: value('running'), waiting: value('waiting') };
}

it('one search at a time and the default wait: concurrent searches queue, and every one is answered', async () => {
  await withServer({ MAX_CONCURRENT_SEARCHES: '1' }, async (server) => {
    let bursting = true;
    const seen: Array<{ running: number; waiting: number }> = [];
    const scraper = (async () => {
      while (bursting) seen.push(await inFlight(server));
    })();
    const results = await Promise.all(Array.from({ length: 6 }, () => server.gql(SEARCH)));
    bursting = false;
    await scraper;
    // the metrics show the bound held and the queue used, and nothing left once the burst is over
    expect(Math.max(...seen.map((s) => s.running))).toBeLessThanOrEqual(1);
    expect(Math.max(...seen.map((s) => s.waiting))).toBeGreaterThan(0);
    expect(await inFlight(server)).toEqual({ running: 0, waiting: 0 });
    for (const r of results) {
      expect(codes(r.body)).toEqual([]);
      expect(r.body.data.connections.length).toBeGreaterThan(0);
    }
    expect(new Set(results.map((r) => JSON.stringify(r.body.data.connections))).size).toBe(1);
  });
});
