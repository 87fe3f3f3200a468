// Seeds load through the ingestion pipeline idempotently; a malformed facts file changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify, parse } from 'yaml';
import type { Database } from '../../src/db/database';
import { ingestFile } from '../../src/ingest/ingest';
import { loadSeeds, SEED_FACTS_DIR, factsFiles } from '../../src/ingest/seeds';
import { FactsFileError } from '../../src/ingest/validate';
import { cleanTestData, graphCounts, openTestDb, TEST_MARK } from '../support/db';

let db: Database;
let tmp: string;

beforeAll(async () => {
  db = await openTestDb();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'og-facts-'));
});
afterAll(async () => {
  await cleanTestData(db);
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

it('loading the seeds twice leaves node and relationship counts unchanged', async () => {
  await loadSeeds(db);
  const before = await graphCounts(db);
  const summaries = await loadSeeds(db);
  expect(summaries.every((s) => !s.changed)).toBe(true);
  expect(await graphCounts(db)).toEqual(before);
  expect(before.nodes).toBeGreaterThan(100);
});

it('rewriting a source after a forced reload keeps the counts too', async () => {
  const before = await graphCounts(db);
  await db.write((tx) => tx.run('MATCH (s:Source) SET s.ingestDigest = null'));
  const summaries = await loadSeeds(db);
  expect(summaries.some((s) => s.changed)).toBe(true);
  const after = await graphCounts(db);
  // one more Ingestion record (the audit trail) per changed source, nothing else
  expect(after.nodes).toBe(before.nodes + summaries.filter((s) => s.changed).length);
});

function writeTestFile(mutate: (facts: any) => void): string {
  const seed = factsFiles(SEED_FACTS_DIR)[0]!;
  const facts = parse(fs.readFileSync(seed, 'utf8'));
  facts.source.id = `source/${TEST_MARK}-x`;
  facts.source.textFile = path.resolve(SEED_FACTS_DIR, facts.source.textFile);
  mutate(facts);
  const file = path.join(tmp, `facts-${Math.random().toString(36).slice(2)}.yaml`);
  fs.writeFileSync(file, stringify(facts));
  return file;
}

it('a malformed facts file changes nothing and names file, entry and field', async () => {
  const before = await graphCounts(db);
  const file = writeTestFile((facts) => {
    facts.persons.push({ id: `person/${TEST_MARK}-new`, name: 'Người Mới' });
    facts.occupancies[2].holder = 'person/nobody';
  });
  const error = await ingestFile(db, file, { actor: 'test' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FactsFileError);
  const [problem] = (error as FactsFileError).problems;
  expect(problem).toEqual({
    file: expect.stringContaining(path.basename(file)),
    entry: 'occupancies[2]',
    field: 'holder',
    message: 'unknown id person/nobody (not defined in this file)',
  });
  expect(await graphCounts(db)).toEqual(before);
});

it('a facts file with invalid YAML is rejected with its file name', async () => {
  const file = path.join(tmp, 'broken.yaml');
  fs.writeFileSync(file, 'source: [unclosed');
  const error = await ingestFile(db, file, { actor: 'test' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FactsFileError);
  expect((error as Error).message).toContain('broken.yaml');
});

it('a fact dropped from a source is retracted when the source is reloaded', async () => {
  const first = writeTestFile((facts) => {
    facts.persons.push({ id: `person/${TEST_MARK}-p`, name: 'Trần Thử', mentions: [] });
    facts.occupancies = [{ holder: `person/${TEST_MARK}-p`, position: facts.positions[0].id, status: 'current', evidence: facts.occupancies[0].evidence }];
    for (const k of ['rankHoldings', 'participations', 'conferrals', 'memberships', 'subordinations']) facts[k] = [];
  });
  await ingestFile(db, first, { actor: 'test' });
  const count = async () =>
    Number((await db.read('MATCH (o:Occupancy)-[:HOLDER]->(:Person {id: $id}) RETURN count(o) AS n', { id: `person/${TEST_MARK}-p` }))[0]?.n);
  expect(await count()).toBe(1);
  const second = writeTestFile((facts) => {
    facts.persons.push({ id: `person/${TEST_MARK}-p`, name: 'Trần Thử', mentions: [] });
    for (const k of ['occupancies', 'rankHoldings', 'participations', 'conferrals', 'memberships', 'subordinations']) facts[k] = [];
  });
  await ingestFile(db, second, { actor: 'test' });
  expect(await count()).toBe(0);
});
