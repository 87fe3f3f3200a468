// Reloading a changed source must not multiply its people: a person the first load kept apart from a
// namesake (stored as "<id>-2") is the same person when the same source is loaded again, and the API
// then still lists two people of that name, not three. Everything here carries TEST_MARK.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Database } from '../../src/db/database';
import { ingestFile } from '../../src/ingest/ingest';
import { cleanTestData, openTestDb, TEST_MARK } from '../support/db';
import type { RunningServer } from '../support/server';
import { dataOf, startApiServer } from './api-helpers';

const NAME = 'Trần Thử Lặp';
const LOCAL_ID = `person/${TEST_MARK}-tran-thu-lap`;
let db: Database;
let server: RunningServer;
let tmp: string;

/** Writes a one-person facts file for `sourceSlug` whose text names NAME; `extra` changes the text. */
function factsFile(sourceSlug: string, extra = ''): string {
  const text = `Ông ${NAME} phát biểu.${extra}`;
  fs.writeFileSync(path.join(tmp, `${sourceSlug}.txt`), text);
  const facts = {
    source: { id: `source/${TEST_MARK}-${sourceSlug}`, title: sourceSlug, language: 'vi', textFile: `${sourceSlug}.txt`, publishedAt: '2025-01-01' },
    persons: [{ id: LOCAL_ID, name: NAME, mentions: [`Ông ${NAME}`] }],
  };
  const file = path.join(tmp, `${sourceSlug}.yaml`);
  fs.writeFileSync(file, stringify(facts));
  return file;
}

const namesakes = async () =>
  dataOf(
    await server.gql('query($name: String!) { people(filter: {name: $name}, first: 100) { totalCount nodes { id mentions { source { id } } } } }', {
      name: NAME,
    }),
  ).people;

beforeAll(async () => {
  db = await openTestDb();
  await cleanTestData(db);
  server = await startApiServer(db);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'og-api-reload-'));
});
afterAll(async () => {
  await cleanTestData(db);
  await server.close();
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

it('a changed source, reloaded, keeps its namesake person instead of adding another', async () => {
  await ingestFile(db, factsFile('reload-a'), { actor: 'test' });
  // A second source names someone of the same name, with nothing tying them: kept apart as "-2".
  await ingestFile(db, factsFile('reload-b'), { actor: 'test' });
  const before = await namesakes();
  expect(before.totalCount).toBe(2);
  const second = before.nodes.find((p: any) => p.mentions.some((m: any) => m.source.id === `source/${TEST_MARK}-reload-b`));
  expect(second.id).toBe(`${LOCAL_ID}-2`);

  // The second source is corrected and loaded again: still the same two people.
  await ingestFile(db, factsFile('reload-b', ' Hội nghị kết thúc.'), { actor: 'test' });
  const after = await namesakes();
  expect(after.nodes.map((p: any) => p.id).sort()).toEqual(before.nodes.map((p: any) => p.id).sort());
  expect(after.totalCount).toBe(2);
  // …and every one of them is still seen in a source.
  for (const p of after.nodes) expect(p.mentions.length).toBeGreaterThan(0);
});

it('removes an entity a corrected source no longer names, unless another source or fact still holds it', async () => {
  const orgId = `organization/${TEST_MARK}-alias-unit`;
  const write = (withOrg: boolean, slug: string) => {
    fs.writeFileSync(path.join(tmp, `${slug}.txt`), `Ông ${NAME} phát biểu. Đoàn Thử nghiệm.`);
    const facts = {
      source: { id: `source/${TEST_MARK}-${slug}`, title: slug, language: 'vi', textFile: `${slug}.txt`, publishedAt: '2025-01-01' },
      persons: [{ id: LOCAL_ID, name: NAME, mentions: [`Ông ${NAME}`] }],
      organizations: withOrg ? [{ id: orgId, name: 'Đoàn Thử nghiệm', classification: 'military_unit', mentions: ['Đoàn Thử nghiệm'] }] : [],
    };
    const file = path.join(tmp, `${slug}.yaml`);
    fs.writeFileSync(file, stringify(facts));
    return file;
  };
  const exists = async () => (await db.read('MATCH (o:Organization {id: $id}) RETURN count(o) AS n', { id: orgId }))[0]!.n;
  await ingestFile(db, write(true, 'alias-a'), { actor: 'test' });
  await ingestFile(db, write(true, 'alias-b'), { actor: 'test' });
  // one source drops it: the other still names it
  await ingestFile(db, write(false, 'alias-a'), { actor: 'test' });
  expect(await exists()).toBe(1);
  // the last source drops it too: gone
  await ingestFile(db, write(false, 'alias-b'), { actor: 'test' });
  expect(await exists()).toBe(0);
});
