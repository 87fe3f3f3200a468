// Round trips: a nested query costs a fixed number of database reads per level and field (batched by
// DataLoader), not one per item. Counted by spying on Database.read of the server's own handle.
import type { Database } from '../../src/db/database';
import { openTestDb } from '../support/db';
import type { RunningServer } from '../support/server';
import { dataOf, seed, seedPersonIds, startApiServer } from './api-helpers';

let db: Database;
let server: RunningServer;
let read: jest.SpyInstance;

beforeAll(async () => {
  db = await openTestDb();
  server = await startApiServer(db);
  read = jest.spyOn(db, 'read');
});
afterAll(async () => {
  read.mockRestore();
  await server.close();
  await db.close();
});

/**
 * The list sizes' refresh (src/graph/list-sizes.ts: a percentile per list, read one after the other)
 * starts with the server and, on a slow machine, outlives the wait for it: its reads are not the request's.
 */
const isListSizeMeasure = (cypher: unknown) => String(cypher).includes('RETURN percentileDisc(');

/** Runs one request and returns its data and how many times db.read was called for it while it ran. */
async function countReads(query: string, variables: Record<string, unknown>): Promise<{ data: any; reads: number }> {
  read.mockClear();
  const data = dataOf(await server.gql(query, variables));
  return { data, reads: read.mock.calls.filter(([cypher]) => !isListSizeMeasure(cypher)).length };
}

/** What was measured, printed once at the end of the file. */
const measured: Record<string, number> = {};
afterAll(() => {
  console.log(`db.read calls per request: ${JSON.stringify(measured)}`);
});

const THREE_LEVELS = `query($first: Int) { people(first: $first) { nodes { id
  occupancies { position { organization { name } } } } } }`;

it('people → occupancies → position → organization: at most 6 reads, the same for 5 and for 20 people', async () => {
  const five = await countReads(THREE_LEVELS, { first: 5 });
  const twenty = await countReads(THREE_LEVELS, { first: 20 });
  measured.threeLevels_first5 = five.reads;
  measured.threeLevels_first20 = twenty.reads;

  // The query really walked the levels: 5 people, then up to 20, each with their posts' organisations.
  expect(five.data.people.nodes).toHaveLength(5);
  expect(twenty.data.people.nodes.length).toBeGreaterThan(5);
  let organisations = 0;
  for (const person of twenty.data.people.nodes) {
    if (!seedPersonIds.has(person.id)) continue;
    expect(person.occupancies).toHaveLength(seed.occupancies.filter((o) => o.holder === person.id).length);
    for (const o of person.occupancies) expect(o.position.organization.name).toEqual(expect.stringMatching(/\S/));
    organisations += person.occupancies.length;
  }
  expect(organisations).toBeGreaterThan(0);

  expect(five.reads).toBeGreaterThan(0);
  expect(five.reads).toBeLessThanOrEqual(6);
  expect(twenty.reads).toBeLessThanOrEqual(6);
  expect(twenty.reads).toBe(five.reads);
});

it('adding sources and holders to every occupancy costs a fixed number of reads too', async () => {
  const query = `query($first: Int) { people(first: $first) { nodes { id
    occupancies { sources { quote source { title } } holder { name } position { label organization { name parent { name } } } } } } }`;
  const five = await countReads(query, { first: 5 });
  const twenty = await countReads(query, { first: 20 });
  measured.withSources_first5 = five.reads;
  measured.withSources_first20 = twenty.reads;
  expect(twenty.reads).toBe(five.reads);
  // people, occupancies, sources, holder, position, organization, parent links, parent = 8 at most
  expect(twenty.reads).toBeLessThanOrEqual(8);
});

it("an event with every participant, their posts and the facts' sources: reads do not grow with the participants", async () => {
  const query = `{ events(first: 20) { nodes { id participants { sources { quote } participant { ... on Person { occupancies { position { label } } } ... on Organization { parent { name } } } } } } }`;
  const { data, reads } = await countReads(query, {});
  measured.eventParticipants = reads;
  const seedEvents = new Set(seed.events.map((e) => e.id));
  const participants = data.events.nodes.filter((e: any) => seedEvents.has(e.id)).flatMap((e: any) => e.participants);
  expect(participants.length).toBe(seed.participations.length);
  expect(reads).toBeLessThanOrEqual(10);
  expect(reads).toBeLessThan(participants.length);
});
