// The HTTP server over the real Neo4j: GraphQL, health and readiness.
import { useTestServer } from '../support/server';

const world = useTestServer();

it('answers { __typename } on /graphql', async () => {
  const { status, body } = await world.server.gql('{ __typename }');
  expect(status).toBe(200);
  expect(body).toEqual({ data: { __typename: 'Query' } });
});

it('reports the schema version the migrations applied', async () => {
  const { body } = await world.server.gql('{ about { name schemaVersion } }');
  expect(body.data.about.name).toBe('officials-graph');
  expect(body.data.about.schemaVersion).toBeGreaterThanOrEqual(1);
});

it('serves /healthz and /readyz', async () => {
  const health = await fetch(`${world.server.url}/healthz`);
  expect(health.status).toBe(200);
  const ready = await fetch(`${world.server.url}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready', database: 'up' });
});

it('echoes a safe x-request-id and makes one up otherwise', async () => {
  const res = await fetch(`${world.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'abc-123' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(res.headers.get('x-request-id')).toBe('abc-123');
  const other = await fetch(`${world.server.url}/graphql?query=%7B__typename%7D`, { headers: { 'x-request-id': 'bad id with spaces' } });
  expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
});

it('allows cross-origin reads (embedded widgets)', async () => {
  const res = await fetch(`${world.server.url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin: 'https://news.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
});
