// GET /metrics on the real server over Neo4j: after a mix of requests (answered, refused by a limit,
// refused before Apollo, unauthenticated) the counters and histograms moved with the right labels.
import { MAX_BODY_BYTES } from '../../src/graphql/limits';
import { RunningServer, startTestServer, useTestServer } from '../support/server';

const world = useTestServer();

type Labels = Record<string, string>;

/** Parses Prometheus text: each sample's name, labels and value. */
function parse(text: string): Array<{ name: string; labels: Labels; value: number }> {
  const samples = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`unparsable metrics line: ${line}`);
    const labels: Labels = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = v!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

async function scrape(target: RunningServer = world.server) {
  const res = await fetch(`${target.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = parse(await res.text());
  /** The value of the sample with exactly these labels (0 when absent). */
  return (name: string, labels: Labels = {}): number => {
    const keys = Object.keys(labels);
    const found = samples.find((s) => s.name === name && Object.keys(s.labels).length === keys.length && keys.every((k) => s.labels[k] === labels[k]));
    return found?.value ?? 0;
  };
}

const post = (body: string) => fetch(`${world.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

it('counts HTTP requests, GraphQL operations, errors by code and latencies with bounded labels', async () => {
  const before = await scrape();

  expect((await world.server.gql('query PeopleList { people(first: 2) { nodes { id name } } }')).status).toBe(200);
  expect((await world.server.gql('{ __typename }')).status).toBe(200);
  const tooDeep = await world.server.gql(`query TooDeep { organization(id: "organization/x") { ${'parent { '.repeat(10)}id${' }'.repeat(10)} } }`);
  expect(tooDeep.status).toBe(400);
  expect(tooDeep.body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
  const unauthenticated = await world.server.gql('mutation Merge { mergeEntities(from: "person/a", into: "person/b") { id } }');
  expect(unauthenticated.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  const longName = `query ${'N'.repeat(65)} { __typename }`;
  expect((await world.server.gql(longName)).status).toBe(200);
  // Refused before Apollo: a body over the limit and malformed JSON.
  expect((await post(JSON.stringify({ query: `{ __typename } #${'x'.repeat(MAX_BODY_BYTES)}` }))).status).toBe(413);
  expect((await post('{"query": ')).status).toBe(400);
  // Refused by Apollo before its request pipeline: no query.
  expect((await post('{"variables": {}}')).status).toBe(400);
  expect((await fetch(`${world.server.url}/wp-admin/${Math.random()}`)).status).toBe(404);

  const after = await scrape();
  const moved = (name: string, labels: Labels) => after(name, labels) - before(name, labels);

  expect(moved('http_requests_total', { route: '/graphql', method: 'POST', status: '200' })).toBe(4);
  expect(moved('http_requests_total', { route: '/graphql', method: 'POST', status: '400' })).toBe(3);
  expect(moved('http_requests_total', { route: '/graphql', method: 'POST', status: '413' })).toBe(1);
  expect(moved('http_requests_total', { route: 'other', method: 'GET', status: '404' })).toBe(1);
  expect(moved('http_requests_total', { route: '/metrics', method: 'GET', status: '200' })).toBe(1);
  expect(moved('http_request_duration_seconds_count', { route: '/graphql', method: 'POST' })).toBe(8);

  expect(moved('graphql_operations_total', { operation: 'PeopleList', type: 'query', outcome: 'success' })).toBe(1);
  expect(moved('graphql_operations_total', { operation: 'anonymous', type: 'query', outcome: 'success' })).toBe(1);
  expect(moved('graphql_operations_total', { operation: 'TooDeep', type: 'query', outcome: 'refused' })).toBe(1);
  expect(moved('graphql_operations_total', { operation: 'Merge', type: 'mutation', outcome: 'error' })).toBe(1);
  expect(moved('graphql_operations_total', { operation: 'other', type: 'query', outcome: 'success' })).toBe(1);
  expect(moved('graphql_operations_total', { operation: 'unknown', type: 'unknown', outcome: 'refused' })).toBe(3);
  expect(moved('graphql_request_duration_seconds_count', { operation: 'PeopleList' })).toBe(1);
  expect(after('graphql_request_duration_seconds_sum', { operation: 'PeopleList' })).toBeGreaterThan(0);
  expect(moved('graphql_request_duration_seconds_bucket', { operation: 'PeopleList', le: '+Inf' })).toBe(1);

  expect(moved('graphql_errors_total', { code: 'QUERY_TOO_DEEP' })).toBe(1);
  expect(moved('graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
  expect(moved('graphql_errors_total', { code: 'PAYLOAD_TOO_LARGE' })).toBe(1);
  expect(moved('graphql_errors_total', { code: 'BAD_REQUEST' })).toBe(2);
  expect(moved('graphql_errors_total', { code: 'INTERNAL_SERVER_ERROR' })).toBe(0);

  // The people list read the database.
  expect(moved('db_query_duration_seconds_count', { mode: 'read', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  // Node process metrics.
  expect(after('process_cpu_user_seconds_total')).toBeGreaterThan(0);
  expect(after('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
});

it('times database reads and writes by outcome', async () => {
  const before = await scrape();
  await world.db.write((tx) => tx.run('RETURN 1 AS one'));
  await expect(world.db.read('THIS IS NOT CYPHER')).rejects.toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  const after = await scrape();
  expect(
    after('db_query_duration_seconds_count', { mode: 'write', outcome: 'ok' }) - before('db_query_duration_seconds_count', { mode: 'write', outcome: 'ok' }),
  ).toBe(1);
  expect(
    after('db_query_duration_seconds_count', { mode: 'read', outcome: 'error' }) -
      before('db_query_duration_seconds_count', { mode: 'read', outcome: 'error' }),
  ).toBe(1);
  expect(after('db_query_duration_seconds_bucket', { mode: 'write', outcome: 'ok', le: '30' })).toBeGreaterThanOrEqual(1);
});

it("counts the neighbourhood's hub-hop cache", async () => {
  const before = await scrape();
  // perHop 2: the conference's ties are cut, so its hop is kept; asked twice, the second is a hit
  const query = '{ neighbourhood(id: "event/2024-04-10-hoi-nghi-tong-ket-thi-dua-khoi-noi-chinh", perHop: 2) { truncated } }';
  for (let i = 0; i < 2; i++) expect((await world.server.gql(query)).body.data.neighbourhood.truncated).toBe(true);
  const after = await scrape();
  const moved = (name: string) => after(name) - before(name);
  expect(moved('neighbourhood_hop_cache_misses')).toBeGreaterThanOrEqual(1);
  expect(moved('neighbourhood_hop_cache_hits')).toBeGreaterThanOrEqual(1);
  expect(after('neighbourhood_hop_cache_entries')).toBeGreaterThanOrEqual(1);
  expect(after('neighbourhood_hop_cache_bytes')).toBeGreaterThan(0);
});

it('gives each built server its own registry', async () => {
  const other = await startTestServer(world.db);
  try {
    const fresh = await scrape(other);
    expect(fresh('graphql_operations_total', { operation: 'PeopleList', type: 'query', outcome: 'success' })).toBe(0);
    await other.gql('query OnlyHere { __typename }');
    expect((await scrape(other))('graphql_operations_total', { operation: 'OnlyHere', type: 'query', outcome: 'success' })).toBe(1);
    expect((await scrape())('graphql_operations_total', { operation: 'OnlyHere', type: 'query', outcome: 'success' })).toBe(0);
  } finally {
    await other.close();
  }
});

describe('with METRICS_TOKEN set', () => {
  it('refuses /metrics without the token and serves it with the token', async () => {
    const guarded = await startTestServer(world.db, { METRICS_TOKEN: 'a-long-enough-secret-token' });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
      const ok = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer a-long-enough-secret-token' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('http_requests_total');
    } finally {
      await guarded.close();
    }
  });
});
