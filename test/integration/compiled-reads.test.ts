// The read compiler against the reference: each query is answered by a server that compiles reads
// into one statement per root field and by one that resolves field by field through the loaders
// (COMPILE_READS=false), over the same Neo4j and data. The answers must be the same, and the
// compiled one must send one statement per root field wherever every field compiles.
import type { Database } from '../../src/db/database';
import { statementsOf } from '../../src/graphql/plugins/statements';
import { openTestDb } from '../support/db';
import { RunningServer, startTestServer } from '../support/server';

let db: Database;
let compiled: RunningServer;
let loaders: RunningServer;

beforeAll(async () => {
  // a long read timeout (the database handle's): a first run that timed out while Neo4j plans a deep
  // shape (a cold or busy machine) would be answered by the loaders, and not count one statement
  db = await openTestDb({ env: { QUERY_TIMEOUT_MS: '60000' } });
  compiled = await startTestServer(db);
  loaders = await startTestServer(db, { COMPILE_READS: 'false' });
});

afterAll(async () => {
  await compiled?.close();
  await loaders?.close();
  await db?.close();
});

/** Sends one query to a server and returns its body and the statements it cost. */
async function ask(server: RunningServer, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await res.json()) as { data?: any; errors?: unknown[] }, statements: statementsOf(res.headers.get('server-timing')) };
}

const EVIDENCE = 'sources { quote quotes records { field value } source { id title url kind publishedAt } }';
const FACT = `id __typename confidence inferred note startDate endDate status validFrom validTo statedFrom statedTo basis(at: "2024-04-10") ${EVIDENCE}`;

/** [name, query, variables, root fields that compile completely (their count of statements)]. */
const CASES: Array<[string, string, Record<string, unknown>, number | null]> = [
  [
    'a person with every list of facts, references two levels down, aliases with different arguments',
    `query($id: ID!) { person(id: $id) { id name familyName givenName aliases gender birthDate identifiers description
       occupancies { ${FACT} holder { id name } position { id role label party organization { id name nameEn classification } } }
       now: occupancies(at: "2024-04-10", presumed: false) { id status }
       ended: occupancies(status: ENDED) { id }
       ranks { id force rank { id name grade } validFrom }
       participations { id role event { id name startDate } agent { ... on Person { id name } ... on Organization { id name } } }
       awards { id status award { id name } }
       proposed: awards(status: PROPOSED) { id status }
       memberships { id role organization { id name } }
       mentions { quote source { id title } } } }`,
    { id: 'person/nguyen-duy-ngoc' },
    1,
  ],
  [
    'node and nodes by id: interfaces, fragments, an unknown id, a fact by id',
    `fragment Org on Organization { id name abbreviations parentLinks { id relation parent { id name } } childLinks { id child { id } } members { id } }
     query($ids: [ID!]!) {
       nodes(ids: $ids) { __typename id ...Org ... on Person { name ranks { id } } ... on Event { name participants { id role participant { __typename ... on Person { name } } } }
         ... on Fact { confidence ${EVIDENCE} } ... on Award { conferrals { id status } } ... on Position { holders { id holder { id } } } }
       one: node(id: "organization/bo-cong-an") { id ... on Organization { name mentions { quote } } } }`,
    {
      ids: [
        'organization/bo-cong-an',
        'person/nguyen-thanh-tinh',
        'person/zz-no-such-person',
        'event/2024-04-10-hoi-nghi-tong-ket-thi-dua-khoi-noi-chinh',
        'award/co-thi-dua-cua-chinh-phu',
      ],
    },
    2,
  ],
  [
    'a typed lookup of another type is null',
    `{ person(id: "organization/bo-cong-an") { id name } organization(id: "organization/bo-cong-an") { id name } }`,
    {},
    2,
  ],
  [
    'a page of people with edges, nodes, totalCount and a filter',
    `query($after: String) { people(first: 4, after: $after, filter: { organization: "organization/bo-cong-an", includeSubUnits: true }) {
       totalCount pageInfo { hasNextPage endCursor startCursor }
       edges { cursor node { id name occupancies(at: "2024-04-10") { id position { role } } } }
       nodes { id description } } }`,
    {},
    1,
  ],
  [
    'people by name, descending, the second page',
    `{ first: people(first: 3, orderBy: NAME_DESC) { edges { cursor node { id name } } pageInfo { endCursor hasNextPage } } }`,
    {},
    1,
  ],
  [
    'organizations and events with nested facts, and sources',
    `{ organizations(first: 5, filter: { classification: [MINISTRY] }) { totalCount nodes { id name positions { id role holders { id holder { name } } } } }
       events(first: 3) { nodes { id name startDate participants(role: ORGANIZER) { id participant { ... on Organization { name } } } conferrals { id status award { name } } sources { quote } } }
       sources(first: 2) { nodes { id title text publishedAt } } }`,
    {},
    3,
  ],
  [
    'search with descriptions and node fragments',
    `{ search(query: "nguyen", first: 10) { score type name description node { id ... on Person { birthDate occupancies { id } } ... on Organization { nameEn } } } }`,
    {},
    1,
  ],
  [
    '@include with a variable, __typename everywhere',
    `query($withPosts: Boolean!) { person(id: "person/nguyen-duy-ngoc") { __typename name occupancies @include(if: $withPosts) { __typename id } ranks @skip(if: $withPosts) { id } } }`,
    { withPosts: true },
    1,
  ],
  [
    'fields left to the loaders still answer (colleagues, parent, children, organizers)',
    `{ person(id: "person/nguyen-duy-ngoc") { name colleagues(first: 5) { person { id } organization { id } } occupancies { position { organization { id parent { id } children { id } ancestors { id } } } } }
       event(id: "event/2024-04-10-hoi-nghi-tong-ket-thi-dua-khoi-noi-chinh") { organizers { ... on Organization { id } } } }`,
    {},
    null,
  ],
];

describe.each(CASES)('%s', (_name, query, variables, statements) => {
  it('answers as the loaders do', async () => {
    const [a, b] = await Promise.all([ask(compiled, query, variables), ask(loaders, query, variables)]);
    expect(a.body.errors).toBeUndefined();
    expect(b.body.errors).toBeUndefined();
    expect(a.body.data).toEqual(b.body.data);
    // the loaders need a statement per field and level; the compiled read one per root field
    expect(b.statements).not.toBeNull();
    // one per root field (where the loaders may batch two root lookups into one, the compiled read
    // sends one each); with fields left to the loaders, still fewer than the loaders alone
    if (statements !== null) expect(a.statements).toBe(statements);
    else expect(a.statements!).toBeLessThan(b.statements!);
  });
});

it('the data is not empty where the comparison matters', async () => {
  const { body } = await ask(compiled, CASES[0]![1], CASES[0]![2]);
  const person = body.data.person;
  expect(person.occupancies.length).toBeGreaterThan(0);
  // the seed's article quotes each post (a Wikipedia record, where loaded, gives record values instead)
  const quoted = person.occupancies.flatMap((o: { sources: Array<{ quote: string | null }> }) => o.sources).find((s: { quote: string | null }) => s.quote);
  expect(quoted.quote).toEqual(expect.any(String));
  expect(person.occupancies[0].position.organization.name).toEqual(expect.any(String));
  expect(person.description).toEqual(expect.any(String));
  // what the compiler saves: the loaders read this tree level by level, field by field
  const { statements } = await ask(loaders, CASES[0]![1], CASES[0]![2]);
  expect(statements!).toBeGreaterThan(5);
});

it('pages through every person alike, cursor by cursor', async () => {
  const query = `query($after: String) { people(first: 7, after: $after) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;
  let after: string | null = null;
  let pages = 0;
  do {
    const [a, b] = await Promise.all([ask(compiled, query, { after }), ask(loaders, query, { after })]);
    expect(a.body.data).toEqual(b.body.data);
    const page: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } = a.body.data.people;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    pages++;
  } while (after && pages < 50);
  expect(pages).toBeGreaterThan(1);
});

it('a repeated query is not translated again', async () => {
  const { translations } = await import('../../src/graphql/compile');
  const query = `{ person(id: "person/pham-quoc-hung") { name occupancies { id } } }`;
  await ask(compiled, query);
  const before = translations();
  for (let i = 0; i < 3; i++) expect((await ask(compiled, query)).body.errors).toBeUndefined();
  expect(translations()).toBe(before);
});
