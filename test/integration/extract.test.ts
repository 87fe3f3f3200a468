// From news text to the graph: the extractor's facts file goes through ingest unchanged (the quote
// check is the oracle), its facts land with their quotes, and its people are resolved against the
// graph by the rules of ingest — the seed's people are linked, a namesake without a shared post is
// kept apart. The editor-only extractFacts mutation does the same for posted text.
import fs from 'node:fs';
import path from 'node:path';
import { newApiKey } from '../../src/auth/api-keys';
import type { Database } from '../../src/db/database';
import { articleOf } from '../../src/extract/evaluate';
import { extractArticle, toYaml } from '../../src/extract/output';
import { resolveAgainstGraph } from '../../src/extract/resolve';
import { ingestPlan, planFromText, readFactsFile } from '../../src/ingest/ingest';
import { PROJECT_ROOT } from '../../src/paths';
import { cleanTestData, graphCounts, openTestDb } from '../support/db';
import { RunningServer, startTestServer } from '../support/server';

const SEED_FACTS = path.join(PROJECT_ROOT, 'seeds', 'facts', '2024-04-10-khoi-thi-dua-noi-chinh.yaml');
const editor = newApiKey('test-extract-editor', 'editor');
const reader = newApiKey('test-extract-reader', 'reader');
let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = await openTestDb();
  await cleanTestData(db);
  server = await startTestServer(db, { API_KEYS: `${editor.entry},${reader.entry}` });
});
afterAll(async () => {
  await cleanTestData(db);
  // Ingest sets an entity's properties from the file that loads it: give the seed's entities and
  // facts back their own (the next loadSeeds writes the seed again under its own digest).
  const { plan, digest } = readFactsFile(SEED_FACTS);
  await ingestPlan(db, plan, 'restore-after-extract-test', { actor: 'test', timeoutMs: db.maintenanceTimeoutMs });
  await ingestPlan(db, plan, digest, { actor: 'seed', timeoutMs: db.maintenanceTimeoutMs });
  await server.close();
  await db.close();
});

/** Extracts an article under a test title (its source id then carries the test mark) and ingests it. */
async function extractAndIngest(id: string) {
  const { text, published, file } = articleOf(id);
  const { facts } = extractArticle(text, { title: `zz-test extract ${id}`, published, textFile: file });
  const yaml = toYaml(facts, null);
  const resolutions = await resolveAgainstGraph(db, yaml, text);
  const { digest, plan } = planFromText(toYaml(facts, resolutions), `${id}.yaml`, () => text);
  const summary = await ingestPlan(db, plan, digest, { actor: 'test', timeoutMs: db.maintenanceTimeoutMs });
  return { facts, resolutions, summary, sourceId: facts.source.id as string };
}

/** The quotes with which a source supports the facts of `type` tying `holder` to `target`. */
async function quotesOf(sourceId: string, type: string, holderRel: string, holder: string, targetRel: string, target: string): Promise<string[]> {
  const rows = await db.read(
    `MATCH (f:${type})-[:${holderRel}]->({id: $holder}), (f)-[:${targetRel}]->({id: $target}), (f)-[r:SOURCED_FROM]->(:Source {id: $sourceId})
     RETURN r.quotes AS quotes`,
    { holder, target, sourceId },
  );
  return rows.flatMap((r) => r.quotes as string[]);
}

it('the seed article: ingest accepts the extraction, its people are linked to the seed, its facts land with their quotes', async () => {
  const { resolutions, summary, sourceId } = await extractAndIngest('seed');
  expect(summary.changed).toBe(true);
  expect(resolutions.find((r) => r.localId === 'person/nguyen-thanh-tinh')).toEqual({
    localId: 'person/nguyen-thanh-tinh',
    id: 'person/nguyen-thanh-tinh',
    reason: 'name-and-tie',
  });
  expect(resolutions.filter((r) => r.reason === 'name-and-tie').length).toBeGreaterThanOrEqual(9);
  expect(await quotesOf(sourceId, 'Occupancy', 'HOLDER', 'person/nguyen-duy-ngoc', 'POSITION', 'position/bo-cong-an/thu-truong')).toContain(
    'đồng chí\u00a0Thượng tướng Nguyễn Duy Ngọc, Ủy viên Ban Chấp hành Trung ương Đảng, Thứ trưởng Bộ Công an',
  );
  expect(await quotesOf(sourceId, 'RankHolding', 'HOLDER', 'person/le-quang-minh', 'RANK', 'rank/trung-tuong')).toHaveLength(1);
  const conferrals = await db.read(
    `MATCH (c:Conferral)-[:SOURCED_FROM]->(:Source {id: $sourceId}), (c)-[:AWARD]->(a:Award), (c)-[:RECIPIENT]->(r)
     RETURN a.id AS award, r.id AS recipient, c.status AS status ORDER BY award, recipient`,
    { sourceId },
  );
  expect(conferrals).toEqual(
    expect.arrayContaining([
      { award: 'award/co-thi-dua-cua-chinh-phu', recipient: 'organization/kiem-toan-nha-nuoc', status: 'proposed' },
      { award: 'award/bang-khen-cua-thu-tuong-chinh-phu', recipient: 'organization/bo-cong-an', status: 'proposed' },
      { award: 'award/ky-niem-chuong-vi-su-nghiep-kiem-toan-nha-nuoc', recipient: 'person/nguyen-thanh-tinh', status: 'conferred' },
    ]),
  );
  const [author] = await db.read('MATCH (s:Source {id: $sourceId}) RETURN s.author AS author', { sourceId });
  expect(author).toEqual({ author: 'Anh Thư' });
  const [byline] = await db.read("MATCH (p:Person) WHERE p.name = 'Anh Thư' RETURN count(p) AS n");
  expect(Number(byline!.n)).toBe(0);
});

it.each([
  ['train_tokenized_067109', 'Occupancy', 'HOLDER', 'person/nguyen-duy-ngoc', 'POSITION', 'position/bo-cong-an/thu-truong'],
  ['train_tokenized_104408', 'Occupancy', 'HOLDER', 'person/nguyen-van-thanh', 'POSITION', 'position/bo-cong-an/thu-truong'],
  ['test_tokenized_019675', 'RankHolding', 'HOLDER', 'person/nguyen-tan-cuong', 'RANK', 'rank/trung-tuong'],
  ['val_tokenized_020156', 'Conferral', 'RECIPIENT', 'person/nguyen-the-thao', 'AWARD', 'award/huan-chuong-doc-lap-hang-nhat'],
])('vietnews %s: ingest accepts the extraction and a %s lands with its quote', async (id, type, holderRel, holder, targetRel, target) => {
  const { summary, sourceId, resolutions } = await extractAndIngest(id);
  expect(summary.changed).toBe(true);
  const resolved = resolutions.find((r) => r.localId === holder)!.id;
  const quotes = await quotesOf(sourceId, type, holderRel, resolved, targetRel, target);
  expect(quotes.length).toBeGreaterThan(0);
  const { text } = articleOf(id);
  for (const q of quotes) expect(text.normalize('NFC')).toContain(q);
});

it('links a person of the same name only on a shared post or organisation; a namesake stays apart', async () => {
  // train_tokenized_067109 names Nguyễn Duy Ngọc as a Deputy Minister of Public Security-to-be, in the
  // Ministry of Public Security where the seed has him: linked.
  const { text, published, file } = articleOf('train_tokenized_067109');
  const linked = await resolveAgainstGraph(db, toYaml(extractArticle(text, { published, textFile: file, title: 'zz-test' }).facts, null), text);
  expect(linked.find((r) => r.localId === 'person/nguyen-duy-ngoc')).toMatchObject({ id: 'person/nguyen-duy-ngoc', reason: 'name-and-tie' });
  const namesake = 'Bản tin zz-test\nÔng Nguyễn Thanh Tịnh, Giám đốc Sở Y tế tỉnh Bình Định, phát biểu tại hội nghị.';
  const { facts } = extractArticle(namesake, { title: 'zz-test namesake', textFile: 'namesake.txt' });
  const apart = await resolveAgainstGraph(db, toYaml(facts, null), namesake);
  expect(apart).toEqual([
    { localId: 'person/nguyen-thanh-tinh', id: 'person/nguyen-thanh-tinh-2', reason: 'new-namesake', namesakes: ['person/nguyen-thanh-tinh'] },
  ]);
  expect(toYaml(facts, apart)).toContain('person/nguyen-thanh-tinh: new person person/nguyen-thanh-tinh-2, kept apart from person/nguyen-thanh-tinh');
});

describe('the extractFacts mutation', () => {
  const EXTRACT = `mutation($text: String!, $title: String, $published: String, $ingest: Boolean) {
    extractFacts(text: $text, title: $title, published: $published, ingest: $ingest) {
      facts persons factCount resolutions { localId id reason } ingested { sourceId changed facts } } }`;
  const INGEST = 'mutation($facts: String!, $text: String!) { ingestFacts(facts: $facts, sourceText: $text) { sourceId changed } }';
  const text = fs.readFileSync(path.join(PROJECT_ROOT, 'seeds', 'sources', '2024-04-10-khoi-thi-dua-noi-chinh.txt'), 'utf8');
  const vars = { text, title: 'zz-test extract via the API', published: '2024-04-10' };

  it.each([
    ['no key', {}, 'UNAUTHENTICATED'],
    ['a reader key', { authorization: `Bearer ${reader.key}` }, 'FORBIDDEN'],
  ])('is refused with %s', async (_what, headers, code) => {
    const { body } = await server.gql(EXTRACT, vars, headers);
    expect(body.errors[0].extensions.code).toBe(code);
  });

  it('returns the facts file without writing, loads it when asked, and ingestFacts accepts it unchanged', async () => {
    const headers = { authorization: `Bearer ${editor.key}` };
    const before = await graphCounts(db);
    const dry = await server.gql(EXTRACT, vars, headers);
    expect(dry.body.errors).toBeUndefined();
    expect(dry.body.data.extractFacts).toMatchObject({ persons: 11, ingested: null });
    expect(dry.body.data.extractFacts.factCount).toBeGreaterThan(40);
    expect(dry.body.data.extractFacts.facts).toContain('# Entity resolution against the graph');
    expect(await graphCounts(db)).toEqual(before);

    const wet = await server.gql(EXTRACT, { ...vars, ingest: true }, headers);
    expect(wet.body.data.extractFacts.ingested).toMatchObject({ sourceId: 'source/2024-04-10-zz-test-extract-via-the-api', changed: true });
    const again = await server.gql(INGEST, { facts: wet.body.data.extractFacts.facts, text }, headers);
    expect(again.body.data.ingestFacts).toEqual({ sourceId: 'source/2024-04-10-zz-test-extract-via-the-api', changed: false });
  });

  it.each([
    ['a text beyond the article limit', { text: 'a '.repeat(40_000) }],
    ['a publication date that is no day', { text: 'Tiêu đề\nBài.', published: '2024-04' }],
  ])('refuses %s as bad input', async (_what, variables) => {
    const { body } = await server.gql(EXTRACT, variables, { authorization: `Bearer ${editor.key}` });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
