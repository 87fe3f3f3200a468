// Query limits over HTTP against the real server and Neo4j: each refusal is a 400 (413 for the body)
// with a stable code and the limit named; batching is off; suggestions are hidden in production.
import { getIntrospectionQuery } from 'graphql';
import { RunningServer, startTestServer, useTestServer } from '../support/server';

// The arithmetic below is the flat model (QUERY_COST_LIST_SIZE for every unpaginated list); the
// data-driven sizes have tests of their own (cost-from-data.test.ts).
const FLAT = { QUERY_COST_FROM_DATA: 'false' };
const world = useTestServer(FLAT);

/** POSTs a raw body to /graphql. */
async function post(target: RunningServer, body: string): Promise<{ status: number; contentType: string | null; body: any }> {
  const res = await fetch(`${target.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* keep the text */
  }
  return { status: res.status, contentType: res.headers.get('content-type'), body: parsed };
}

const parentChain = (parents: number) => `{ organization(id: "organization/x") { ${'parent { '.repeat(parents)}name${' }'.repeat(parents)} } }`;
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
const typenames = (n: number) => `{ ${Array.from({ length: n }, () => '__typename').join(' ')} }`;
/** A document of exactly `tokens` tokens: { nodes ( ids : [ "x" … ] ) { id } }. */
const tokenDocument = (tokens: number) => `{ nodes(ids: [${Array.from({ length: tokens - 12 }, () => '"x"').join(' ')}]) { id } }`;
const EXPENSIVE = 'query($n: Int) { people(first: $n) { nodes { occupancies { sources { quote } } } } }';

/** The one error of a refused request. */
function refusal(res: { status: number; body: any }): { message: string; extensions: Record<string, unknown> } {
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toHaveLength(1);
  return res.body.errors[0];
}

describe('with the default limits', () => {
  it('answers a normal nested query', async () => {
    const res = await world.server.gql(`{ people(first: 20) { totalCount nodes { id name
      occupancies { status position { label organization { id name parent { name } } } sources { quote source { title } } } } } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.people.nodes.length).toBeGreaterThan(0);
    expect(res.body.data.people.nodes.some((p: any) => p.occupancies.length > 0)).toBe(true);
  });

  it('answers the standard introspection queries (deeper than the depth limit)', async () => {
    for (const query of [
      getIntrospectionQuery(),
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }),
    ]) {
      const res = await world.server.gql(query);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.__schema.types.map((t: any) => t.name)).toContain('Person');
    }
  });

  it('refuses a query deeper than 10 with QUERY_TOO_DEEP', async () => {
    expect((await world.server.gql(parentChain(8))).status).toBe(200); // depth 10
    const res = await world.server.gql(parentChain(9));
    expect(res.status).toBe(400);
    const error = refusal(res);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 10, actual: 11 });
    expect(error.message).toMatch(/limit of 10/);
  });

  it('refuses more than 30 aliases with TOO_MANY_ALIASES', async () => {
    expect((await world.server.gql(aliases(30))).status).toBe(200);
    const res = await world.server.gql(aliases(31));
    expect(res.status).toBe(400);
    const error = refusal(res);
    expect(error.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 30, actual: 31 });
    expect(error.message).toMatch(/limit of 30/);
  });

  it('refuses a document of more than 2000 tokens at parse time with QUERY_TOO_LARGE', async () => {
    expect((await world.server.gql(tokenDocument(2000))).status).toBe(200);
    const res = await world.server.gql(tokenDocument(2001));
    expect(res.status).toBe(400);
    const error = refusal(res);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_LARGE', limit: 2000 });
    expect(error.message).toMatch(/limit of 2000 tokens/);
  });

  it('refuses a query that could return more than 10000 list items with QUERY_TOO_EXPENSIVE, using variables', async () => {
    // n people + n × 20 occupancies + n × 20 × 20 evidence items (20: QUERY_COST_LIST_SIZE's default)
    const cheap = await world.server.gql(EXPENSIVE, { n: 23 }); // 9683
    expect(cheap.status).toBe(200);
    expect(cheap.body.errors).toBeUndefined();
    const res = await world.server.gql(EXPENSIVE, { n: 24 }); // 10104
    expect(res.status).toBe(400);
    const error = refusal(res);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', limit: 10000, estimate: 10104 });
    expect(error.message).toMatch(/10104 .*limit of 10000/);
  });

  it('counts fragments and the schema default of `first` (20)', async () => {
    const res = await world.server.gql(`{ people { nodes { ...Posts } } }
      fragment Posts on Person { occupancies { sources { quote } position { ... on Position { holders { id } } } } }`);
    expect(res.status).toBe(400);
    expect(refusal(res).extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', estimate: 20 + 20 * 20 + 20 * 20 * 20 + 20 * 20 * 20 });
  });

  it('answers a body over 100 kB with a JSON 413 PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(200 * 1024) } });
    const res = await post(world.server, body);
    expect(res.status).toBe(413);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(res.body).toEqual({ errors: [{ message: expect.stringMatching(/102400 bytes/), extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 102400 } }] });
  });

  it('answers malformed JSON with a JSON 400', async () => {
    const res = await post(world.server, '{"query": ');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses batched requests (a JSON array)', async () => {
    const res = await post(world.server, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/batching/i);
    expect(JSON.stringify(res.body)).not.toContain('"Query"');
  });
});

describe('with configured limits', () => {
  let strict: RunningServer;
  beforeAll(async () => {
    strict = await startTestServer(world.db, {
      ...FLAT,
      MAX_QUERY_DEPTH: '4',
      MAX_ALIASES: '2',
      MAX_QUERY_TOKENS: '40',
      MAX_QUERY_COST: '30',
      QUERY_COST_LIST_SIZE: '5',
    });
  });
  afterAll(() => strict.close());

  it('takes every limit from the configuration', async () => {
    expect(refusal(await strict.gql(parentChain(3))).extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 4, actual: 5 });
    expect(refusal(await strict.gql(aliases(3))).extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 2, actual: 3 });
    expect(refusal(await strict.gql(typenames(50))).extensions).toMatchObject({ code: 'QUERY_TOO_LARGE', limit: 40 });
    // 5 people + 5 × 5 occupancies = 30: allowed; 6 people: 36
    expect((await strict.gql('{ people(first: 5) { nodes { occupancies { id } } } }')).status).toBe(200);
    expect(refusal(await strict.gql('{ people(first: 6) { nodes { occupancies { id } } } }')).extensions).toMatchObject({
      code: 'QUERY_TOO_EXPENSIVE',
      limit: 30,
      estimate: 36,
    });
  });
});

describe('suggestions and limits by environment', () => {
  let production: RunningServer;
  let development: RunningServer;
  beforeAll(async () => {
    production = await startTestServer(world.db, { ...FLAT, NODE_ENV: 'production' });
    development = await startTestServer(world.db, { ...FLAT, NODE_ENV: 'development' });
  });
  afterAll(async () => {
    await production.close();
    await development.close();
  });

  it('suggests field names in development only', async () => {
    const dev = await development.gql('{ peple { totalCount } }');
    expect(dev.status).toBe(400);
    expect(dev.body.errors[0].message).toMatch(/Cannot query field "peple" on type "Query"\. Did you mean "people"\?/);
    const prod = await production.gql('{ peple { totalCount } }');
    expect(prod.status).toBe(400);
    expect(prod.body.errors[0].message).toBe('Cannot query field "peple" on type "Query".');
    expect(prod.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('suggests enum values for variables in development only', async () => {
    const query = 'query($o: PersonOrder) { people(orderBy: $o, first: 1) { totalCount } }';
    const dev = await development.gql(query, { o: 'NAME_AS' });
    expect(dev.status).toBe(400);
    expect(dev.body.errors[0].message).toMatch(/Did you mean/);
    const prod = await production.gql(query, { o: 'NAME_AS' });
    expect(prod.status).toBe(400);
    expect(prod.body.errors[0].message).toMatch(/"NAME_AS"/);
    expect(prod.body.errors[0].message).not.toMatch(/Did you mean|NAME_ASC/);
  });

  it('keeps the limit codes and limits in production, without stack traces', async () => {
    const cases: Array<[string, Record<string, unknown> | undefined, Record<string, unknown>]> = [
      [parentChain(9), undefined, { code: 'QUERY_TOO_DEEP', limit: 10, actual: 11 }],
      [aliases(31), undefined, { code: 'TOO_MANY_ALIASES', limit: 30, actual: 31 }],
      [typenames(3000), undefined, { code: 'QUERY_TOO_LARGE', limit: 2000 }],
      [EXPENSIVE, { n: 24 }, { code: 'QUERY_TOO_EXPENSIVE', limit: 10000, estimate: 10104 }],
    ];
    for (const [query, variables, extensions] of cases) {
      const res = await production.gql(query, variables);
      expect(res.status).toBe(400);
      expect(refusal(res).extensions).toEqual(extensions);
    }
  });
});
