// Writes through the API need an editor key; without one nothing is written. Every write is recorded.
import fs from 'node:fs';
import path from 'node:path';
import { newApiKey } from '../../src/auth/api-keys';
import type { Database } from '../../src/db/database';
import { cleanTestData, graphCounts, openTestDb } from '../support/db';
import { RunningServer, startTestServer } from '../support/server';

const FACTS = fs.readFileSync(path.resolve(__dirname, '../fixtures/facts/zz-test-namesakes.yaml'), 'utf8');
const TEXT = fs.readFileSync(path.resolve(__dirname, '../fixtures/sources/zz-test-namesakes.txt'), 'utf8');
const INGEST = `mutation($facts: String!, $text: String!) { ingestFacts(facts: $facts, sourceText: $text) {
  sourceId changed entities facts resolutions { localId id reason } } }`;

const editor = newApiKey('test-editor', 'editor');
const reader = newApiKey('test-reader', 'reader');
let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = await openTestDb();
  await cleanTestData(db);
  server = await startTestServer(db, { API_KEYS: `${editor.entry},${reader.entry}` });
});
afterAll(async () => {
  await cleanTestData(db);
  await server.close();
  await db.close();
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

it.each([
  ['no key', {}, 'UNAUTHENTICATED'],
  ['a wrong key', bearer('og_not-a-key'), 'UNAUTHENTICATED'],
  ['a reader key', bearer(reader.key), 'FORBIDDEN'],
])('refuses a write with %s and writes nothing', async (_what, headers, code) => {
  const before = await graphCounts(db);
  const { body } = await server.gql(INGEST, { facts: FACTS, text: TEXT }, headers);
  expect(body.errors[0].extensions.code).toBe(code);
  expect(body.data).toBeNull();
  expect(await graphCounts(db)).toEqual(before);
});

it('ingests facts with an editor key, records who did it, and changes nothing the second time', async () => {
  const first = await server.gql(INGEST, { facts: FACTS, text: TEXT }, bearer(editor.key));
  expect(first.body.errors).toBeUndefined();
  expect(first.body.data.ingestFacts).toMatchObject({ sourceId: 'source/zz-test-namesakes', changed: true, entities: 11, facts: 2 });
  const [audit] = await db.read(
    `MATCH (i:Ingestion)-[:INGESTED]->(:Source {id: 'source/zz-test-namesakes'}) RETURN i.actor AS actor, i.at IS NOT NULL AS dated, i.facts AS facts ORDER BY i.at DESC LIMIT 1`,
  );
  expect(audit).toEqual({ actor: 'api:test-editor', dated: true, facts: 2 });
  const counts = await graphCounts(db);
  const again = await server.gql(INGEST, { facts: FACTS, text: TEXT }, { 'x-api-key': editor.key });
  expect(again.body.data.ingestFacts.changed).toBe(false);
  expect(await graphCounts(db)).toEqual(counts);
});

it('rejects an invalid facts file whole, naming entry and field', async () => {
  const before = await graphCounts(db);
  const broken = FACTS.replace('classification: court', 'classification: tribunal');
  const { body } = await server.gql(INGEST, { facts: broken, text: TEXT }, bearer(editor.key));
  expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(body.errors[0].extensions.problems).toEqual([
    expect.objectContaining({ entry: 'organizations[1] (organization/zz-test-toa-an-bac-kan)', field: 'classification' }),
  ]);
  expect(await graphCounts(db)).toEqual(before);
});

it('merges and undoes a merge through the API, with an editor key only', async () => {
  const merge = `mutation { mergeEntities(from: "person/zz-test-be-van-on", into: "person/zz-test-le-the-to") { id from into moved } }`;
  expect((await server.gql(merge)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  const { body } = await server.gql(merge, undefined, bearer(editor.key));
  expect(body.data.mergeEntities).toMatchObject({ from: 'person/zz-test-be-van-on', into: 'person/zz-test-le-the-to' });
  const resolved = await server.gql('{ node(id: "person/zz-test-be-van-on") { id } }');
  expect(resolved.body.data.node.id).toBe('person/zz-test-le-the-to');
  const undo = await server.gql(`mutation($id: ID!) { undoMerge(mergeId: $id) { from } }`, { id: body.data.mergeEntities.id }, bearer(editor.key));
  expect(undo.body.data.undoMerge.from).toBe('person/zz-test-be-van-on');
  const back = await server.gql('{ person(id: "person/zz-test-be-van-on") { id name } }');
  expect(back.body.data.person).toEqual({ id: 'person/zz-test-be-van-on', name: 'Bế Văn Ôn' });
});
