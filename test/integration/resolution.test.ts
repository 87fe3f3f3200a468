// Entity resolution on ingest and reversible merges, against the real Neo4j.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { Database } from '../../src/db/database';
import { nodesById } from '../../src/graph/nodes';
import { mergeEntities, unmerge } from '../../src/graph/merge';
import { ingestFile } from '../../src/ingest/ingest';
import { cleanTestData, graphCounts, openTestDb } from '../support/db';

const FIXTURE = path.resolve(__dirname, '../fixtures/facts/zz-test-namesakes.yaml');
let db: Database;
let tmp: string;

beforeAll(async () => {
  db = await openTestDb();
  await cleanTestData(db);
  await ingestFile(db, FIXTURE, { actor: 'test' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'og-resolve-'));
});
afterAll(async () => {
  await cleanTestData(db);
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A second source naming a "Nguyễn Văn An" under a new local id, tied (or not) to the Ministry of Finance post. */
function secondSource(name: string, tied: boolean): string {
  const text = `Ông Nguyễn Văn An phát biểu.`;
  fs.writeFileSync(path.join(tmp, `${name}.txt`), text);
  const facts: any = {
    source: { id: `source/zz-test-${name}`, title: name, language: 'vi', textFile: `${name}.txt`, publishedAt: '2025-06' },
    persons: [{ id: 'person/zz-test-an-local', name: 'Nguyễn Văn An', mentions: ['Ông Nguyễn Văn An'] }],
  };
  if (tied) {
    const world = parse(fs.readFileSync(FIXTURE, 'utf8'));
    facts.organizations = [world.organizations[0]].map((o: any) => ({ ...o, mentions: [] }));
    facts.positions = [world.positions[0]];
    facts.occupancies = [{ holder: 'person/zz-test-an-local', position: world.positions[0].id, status: 'current', evidence: [{ quote: 'Ông Nguyễn Văn An' }] }];
  }
  const file = path.join(tmp, `${name}.yaml`);
  fs.writeFileSync(file, stringify(facts));
  return file;
}

it('matches a namesake who shares a post, and reloading the same file matches it again', async () => {
  const file = secondSource('tied', true);
  const summary = await ingestFile(db, file, { actor: 'test' });
  expect(summary.resolutions).toEqual([{ localId: 'person/zz-test-an-local', id: 'person/zz-test-nguyen-van-an', reason: 'name-and-tie' }]);
  const rows = await db.read('MATCH (o:Occupancy)-[:HOLDER]->(:Person {id: $id}) RETURN count(o) AS n', { id: 'person/zz-test-nguyen-van-an' });
  expect(rows[0]?.n).toBe(1); // the same fact, now with two sources
  const sources = await db.read('MATCH (:Person {id: $id})<-[:HOLDER]-(:Occupancy)-[:SOURCED_FROM]->(s) RETURN collect(s.id) AS s', {
    id: 'person/zz-test-nguyen-van-an',
  });
  expect((sources[0]?.s as string[]).sort()).toEqual(['source/zz-test-namesakes', 'source/zz-test-tied']);
});

it('keeps a namesake with nothing in common apart, under a disambiguated id', async () => {
  const file = secondSource('untied', false);
  const before = await db.read("MATCH (p:Person {nameFolded: 'nguyen van an'}) RETURN count(p) AS n");
  const summary = await ingestFile(db, file, { actor: 'test' });
  expect(summary.resolutions[0]).toMatchObject({ localId: 'person/zz-test-an-local', id: 'person/zz-test-an-local', reason: 'new-namesake' });
  expect(summary.resolutions[0]?.namesakes?.sort()).toEqual(['person/zz-test-nguyen-van-an', 'person/zz-test-nguyen-van-an-bac-kan']);
  const after = await db.read("MATCH (p:Person {nameFolded: 'nguyen van an'}) RETURN count(p) AS n");
  expect(Number(after[0]?.n)).toBe(Number(before[0]?.n) + 1);
});

it('merges two people, keeps the old id resolving, and undoes the merge exactly', async () => {
  const snapshot = async () => ({
    counts: await graphCounts(db),
    facts: await db.read(
      `MATCH (p:Person) WHERE p.id IN $ids OPTIONAL MATCH (p)<-[r]-(f) OPTIONAL MATCH (p)-[m:MENTIONED_IN]->(s)
       RETURN p.id AS id, properties(p) AS props, collect(DISTINCT f.id + type(r)) AS facts, collect(DISTINCT s.id + '|' + reduce(a = '', q IN m.quotes | a + q)) AS mentions ORDER BY id`,
      { ids: ['person/zz-test-an-local', 'person/zz-test-nguyen-van-an-bac-kan'] },
    ),
  });
  const before = await snapshot();
  const record = await db.write((tx) => mergeEntities(tx, 'person/zz-test-an-local', 'person/zz-test-nguyen-van-an-bac-kan', 'test'));
  expect(record.moved).toBeGreaterThan(0);
  const resolved = await nodesById(db, ['person/zz-test-an-local']);
  expect(resolved.get('person/zz-test-an-local')?.id).toBe('person/zz-test-nguyen-van-an-bac-kan');
  const mentions = await db.read('MATCH (:Person {id: $id})-[:MENTIONED_IN]->(s) RETURN collect(s.id) AS s', { id: 'person/zz-test-nguyen-van-an-bac-kan' });
  expect(mentions[0]?.s).toContain('source/zz-test-untied');

  await db.write((tx) => unmerge(tx, record.id));
  const after = await snapshot();
  expect(after.facts).toEqual(before.facts);
  // the Merge record stays as history; nothing else changed
  expect(after.counts.nodes).toBe(before.counts.nodes + 1);
  expect(after.counts.relationships).toBe(before.counts.relationships);
  await db.write((tx) => tx.run('MATCH (m:Merge {id: $id}) DELETE m', { id: record.id }));
});
